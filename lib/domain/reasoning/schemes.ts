/**
 * A catalogue of common argumentation schemes (Walton, Reed & Macagno,
 * "Argumentation Schemes", Cambridge University Press, 2008), in our own
 * words. An argument on a map (a support, or the linked premises of one
 * group) can be tagged with one of them; its critical questions then show as
 * slots to answer (critical-questions.ts).
 *
 * Each critical question says which attack answering it makes:
 * - `undermine`: it questions a premise, so its answer attacks that premise
 *   (`premise` names the premise's role in the scheme);
 * - `undercut`: it grants the premises but questions the step from them to
 *   the conclusion (an exception, or an assumption the scheme relies on);
 * - `rebut`: it offers a reason to think the conclusion is false.
 *
 * Templates name the scheme's variables in capitals (E for an expert, A for
 * a proposition, and so on); they are prompts for students, not logic.
 */

/** How answering a critical question attacks the argument. */
export const ATTACK_KINDS = ['undermine', 'undercut', 'rebut'] as const;
type AttackKind = (typeof ATTACK_KINDS)[number];

type SchemePremise = {
  /** Unique within the scheme: what the premise is for (`expertise`, `assertion`). */
  role: string;
  text: string;
};

type CriticalQuestion = {
  /** Unique within the scheme. */
  id: string;
  question: string;
  attack: AttackKind;
  /** For an `undermine`: the role of the premise it questions. */
  premise?: string;
};

export type Scheme = {
  /** Stable: stored on tagged arguments and in the answers to their questions. */
  id: string;
  name: string;
  /** One line: when the scheme is used. */
  description: string;
  premises: readonly SchemePremise[];
  conclusion: string;
  questions: readonly CriticalQuestion[];
};

/** The catalogue, in the order the scheme picker lists it; AIF import reads scheme names from it. */
export const SCHEMES: readonly Scheme[] = [
  {
    id: 'expert-opinion',
    name: 'Argument from expert opinion',
    description: 'A claim is accepted because an expert in the right field says so.',
    premises: [
      { role: 'expertise', text: 'E is an expert in the field S that A belongs to.' },
      { role: 'assertion', text: 'E asserts that A is true.' },
    ],
    conclusion: 'A may plausibly be taken to be true.',
    questions: [
      {
        id: 'credible',
        question: 'How credible is E as an expert: what are their qualifications?',
        attack: 'undermine',
        premise: 'expertise',
      },
      {
        id: 'field',
        question: 'Is E an expert in the field that A is actually about?',
        attack: 'undermine',
        premise: 'expertise',
      },
      {
        id: 'said',
        question: 'What exactly did E say, and does it really imply A?',
        attack: 'undermine',
        premise: 'assertion',
      },
      {
        id: 'trustworthy',
        question: 'Is E personally reliable here, or do they have a reason to be biased?',
        attack: 'undercut',
      },
      {
        id: 'consistent',
        question: 'Do other experts in the field agree with E about A?',
        attack: 'undercut',
      },
      {
        id: 'evidence',
        question: 'Is what E says based on evidence, and what is it?',
        attack: 'undercut',
      },
    ],
  },
  {
    id: 'position-to-know',
    name: 'Argument from position to know',
    description: 'A claim is accepted because someone who is placed to know it says so.',
    premises: [
      { role: 'position', text: 'P is in a position to know whether A is true.' },
      { role: 'assertion', text: 'P asserts that A is true.' },
    ],
    conclusion: 'A may plausibly be taken to be true.',
    questions: [
      {
        id: 'position',
        question: 'Is P really in a position to know whether A is true?',
        attack: 'undermine',
        premise: 'position',
      },
      {
        id: 'said',
        question: 'Did P really assert A, in those words?',
        attack: 'undermine',
        premise: 'assertion',
      },
      {
        id: 'honest',
        question: 'Is P an honest, trustworthy source with nothing to gain from A?',
        attack: 'undercut',
      },
    ],
  },
  {
    id: 'popular-opinion',
    name: 'Argument from popular opinion',
    description: 'A claim is accepted because most people, or a relevant group, accept it.',
    premises: [{ role: 'accepted', text: 'A is generally accepted as true (by group G).' }],
    conclusion: 'There is a presumption in favour of A.',
    questions: [
      {
        id: 'evidence',
        question: 'What shows that A really is generally accepted?',
        attack: 'undermine',
        premise: 'accepted',
      },
      {
        id: 'reasons',
        question: 'Even if many accept A, is there good reason to doubt it?',
        attack: 'rebut',
      },
      {
        id: 'group',
        question: 'Is G a group whose acceptance tells us anything about A?',
        attack: 'undercut',
      },
    ],
  },
  {
    id: 'analogy',
    name: 'Argument from analogy',
    description: 'What holds in a similar case is taken to hold in this one.',
    premises: [
      { role: 'similarity', text: 'Case C1 is similar to case C2 in the respects that matter.' },
      { role: 'base', text: 'A is true (false) in case C1.' },
    ],
    conclusion: 'A is true (false) in case C2.',
    questions: [
      {
        id: 'base',
        question: 'Is A really true (false) in C1?',
        attack: 'undermine',
        premise: 'base',
      },
      {
        id: 'differences',
        question: 'Are there differences between C1 and C2 that would undo the comparison?',
        attack: 'undercut',
      },
      {
        id: 'counter-case',
        question: 'Is there another case, as similar to C2, where A is false (true)?',
        attack: 'rebut',
      },
      {
        id: 'similar',
        question: 'Are C1 and C2 similar in the respects that bear on A?',
        attack: 'undermine',
        premise: 'similarity',
      },
    ],
  },
  {
    id: 'cause-to-effect',
    name: 'Argument from cause to effect',
    description: 'Because a cause is present, its usual effect is expected.',
    premises: [
      { role: 'rule', text: 'Generally, if A occurs, then B will (might) occur.' },
      { role: 'case', text: 'In this case, A occurs (might occur).' },
    ],
    conclusion: 'In this case, B will (might) occur.',
    questions: [
      {
        id: 'rule',
        question: 'How strong is the link between A and B: does B really follow from A?',
        attack: 'undermine',
        premise: 'rule',
      },
      {
        id: 'case',
        question: 'Is there evidence that A occurs in this case?',
        attack: 'undermine',
        premise: 'case',
      },
      {
        id: 'interference',
        question: 'Is there something else that would stop B even though A occurs?',
        attack: 'undercut',
      },
    ],
  },
  {
    id: 'positive-consequences',
    name: 'Argument from positive consequences',
    description: 'A course of action should be taken because its consequences would be good.',
    premises: [
      { role: 'consequences', text: 'If A is brought about, good consequences will follow.' },
    ],
    conclusion: 'A should be brought about.',
    questions: [
      {
        id: 'likely',
        question: 'How likely is it that the good consequences will follow?',
        attack: 'undermine',
        premise: 'consequences',
      },
      {
        id: 'evidence',
        question: 'What evidence supports the claim that these consequences will follow?',
        attack: 'undermine',
        premise: 'consequences',
      },
      {
        id: 'other-side',
        question: 'Are there bad consequences of A that outweigh the good ones?',
        attack: 'rebut',
      },
    ],
  },
  {
    id: 'negative-consequences',
    name: 'Argument from negative consequences',
    description: 'A course of action should not be taken because its consequences would be bad.',
    premises: [
      { role: 'consequences', text: 'If A is brought about, bad consequences will follow.' },
    ],
    conclusion: 'A should not be brought about.',
    questions: [
      {
        id: 'likely',
        question: 'How likely is it that the bad consequences will follow?',
        attack: 'undermine',
        premise: 'consequences',
      },
      {
        id: 'evidence',
        question: 'What evidence supports the claim that these consequences will follow?',
        attack: 'undermine',
        premise: 'consequences',
      },
      {
        id: 'other-side',
        question: 'Are there good consequences of A that outweigh the bad ones?',
        attack: 'rebut',
      },
    ],
  },
  {
    id: 'sign',
    name: 'Argument from sign',
    description: 'A finding is taken as a sign of something it usually goes with.',
    premises: [
      { role: 'finding', text: 'Finding B is observed in this situation.' },
      { role: 'indication', text: 'B is generally an indication that A holds.' },
    ],
    conclusion: 'A holds in this situation.',
    questions: [
      {
        id: 'strength',
        question: 'How reliable is B as a sign of A?',
        attack: 'undermine',
        premise: 'indication',
      },
      {
        id: 'observed',
        question: 'Was B really observed here?',
        attack: 'undermine',
        premise: 'finding',
      },
      {
        id: 'other-cause',
        question: 'Could something other than A account for B here?',
        attack: 'undercut',
      },
    ],
  },
  {
    id: 'example',
    name: 'Argument from example',
    description: 'A general claim is supported by a case that fits it.',
    premises: [
      { role: 'example', text: 'In this case, individual a has property F and property G.' },
    ],
    conclusion: 'Generally, whatever has F also has G.',
    questions: [
      {
        id: 'true',
        question: 'Is the example actually true: does a have F and G?',
        attack: 'undermine',
        premise: 'example',
      },
      {
        id: 'typical',
        question: 'Is the example typical of the cases the general claim covers?',
        attack: 'undercut',
      },
      {
        id: 'special',
        question: 'Are there special circumstances that make the example unusual?',
        attack: 'undercut',
      },
      {
        id: 'counterexample',
        question: 'Is there a case that has F but not G?',
        attack: 'rebut',
      },
    ],
  },
  {
    id: 'precedent',
    name: 'Argument from precedent',
    description: 'A case should be treated as a similar earlier case was.',
    premises: [
      { role: 'earlier', text: 'Earlier case C1 was decided (handled) in way D.' },
      { role: 'similar', text: 'Case C2 is like C1 in the ways that mattered to that decision.' },
    ],
    conclusion: 'C2 should be decided (handled) in way D.',
    questions: [
      {
        id: 'earlier',
        question: 'Was C1 really decided that way, and for the reasons given?',
        attack: 'undermine',
        premise: 'earlier',
      },
      {
        id: 'similar',
        question: 'Is C2 really like C1 in the ways that mattered?',
        attack: 'undermine',
        premise: 'similar',
      },
      {
        id: 'overruled',
        question: 'Was the earlier decision a mistake, or has it since been set aside?',
        attack: 'undercut',
      },
      {
        id: 'exception',
        question: 'Does C2 fall under an exception that justifies treating it differently?',
        attack: 'rebut',
      },
    ],
  },
  {
    id: 'commitment',
    name: 'Argument from commitment',
    description: 'Someone is held to a claim because they are committed to it.',
    premises: [
      { role: 'committed', text: 'P is committed to proposition A (said so, or acted so).' },
    ],
    conclusion: 'In this case P should support A.',
    questions: [
      {
        id: 'evidence',
        question: 'What shows that P is committed to A?',
        attack: 'undermine',
        premise: 'committed',
      },
      {
        id: 'qualified',
        question: 'Was P’s commitment qualified, so that it does not cover this case?',
        attack: 'undercut',
      },
      {
        id: 'changed',
        question: 'Has P good reason to have changed their commitment since?',
        attack: 'rebut',
      },
    ],
  },
  {
    id: 'correlation-to-cause',
    name: 'Argument from correlation to cause',
    description: 'Two things that go together are taken to be cause and effect.',
    premises: [{ role: 'correlation', text: 'There is a positive correlation between A and B.' }],
    conclusion: 'A causes B.',
    questions: [
      {
        id: 'real',
        question: 'Is there really a correlation between A and B, beyond chance?',
        attack: 'undermine',
        premise: 'correlation',
      },
      {
        id: 'coincidence',
        question: 'Are there enough cases to rule out coincidence?',
        attack: 'undercut',
      },
      {
        id: 'third-factor',
        question: 'Could a third factor C cause both A and B?',
        attack: 'undercut',
      },
      {
        id: 'reverse',
        question: 'Could B cause A rather than the other way round?',
        attack: 'rebut',
      },
    ],
  },
  {
    id: 'verbal-classification',
    name: 'Argument from verbal classification',
    description: 'Something has a property because it falls under a definition or class.',
    premises: [
      { role: 'instance', text: 'a has property F (fits the definition of F).' },
      { role: 'classification', text: 'Whatever has F can be classified as having G.' },
    ],
    conclusion: 'a has property G.',
    questions: [
      {
        id: 'instance',
        question: 'Does a definitely have F, or is this a borderline case?',
        attack: 'undermine',
        premise: 'instance',
      },
      {
        id: 'definition',
        question: 'Is the definition of F (or the rule from F to G) one we should accept?',
        attack: 'undermine',
        premise: 'classification',
      },
      {
        id: 'vague',
        question: 'Is F too vague for the classification to settle the matter?',
        attack: 'undercut',
      },
    ],
  },
  {
    id: 'practical-reasoning',
    name: 'Practical reasoning',
    description: 'An action should be taken because it achieves a goal.',
    premises: [
      { role: 'goal', text: 'We have goal G.' },
      { role: 'means', text: 'Carrying out action A is a means to realise G.' },
    ],
    conclusion: 'We ought to carry out action A.',
    questions: [
      {
        id: 'goal',
        question: 'Is G a goal we should have, and does it conflict with our other goals?',
        attack: 'undermine',
        premise: 'goal',
      },
      {
        id: 'means',
        question: 'Will A actually bring about G?',
        attack: 'undermine',
        premise: 'means',
      },
      {
        id: 'alternatives',
        question: 'Are there other actions that would realise G as well or better?',
        attack: 'undercut',
      },
      {
        id: 'possible',
        question: 'Is it possible for us to carry out A?',
        attack: 'undercut',
      },
      {
        id: 'side-effects',
        question: 'Would A have side effects bad enough to outweigh realising G?',
        attack: 'rebut',
      },
    ],
  },
  {
    id: 'ad-hominem',
    name: 'Ad hominem (argument against the person)',
    description: 'An argument is discounted because of the character of the person making it.',
    premises: [
      { role: 'character', text: 'P is a person of bad character (e.g. dishonest).' },
      { role: 'argued', text: 'P has put forward argument α.' },
    ],
    conclusion: 'α should be given less weight.',
    questions: [
      {
        id: 'supported',
        question: 'Is the claim about P’s character well supported?',
        attack: 'undermine',
        premise: 'character',
      },
      {
        id: 'argued',
        question: 'Did P really put forward α, in the form being discounted?',
        attack: 'undermine',
        premise: 'argued',
      },
      {
        id: 'relevant',
        question: 'Is P’s character relevant to this kind of argument?',
        attack: 'undercut',
      },
      {
        id: 'merits',
        question: 'Does α hold on its own merits, whoever put it forward?',
        attack: 'rebut',
      },
    ],
  },
];

const BY_ID = new Map(SCHEMES.map((s) => [s.id, s]));

/** The scheme with this id, or undefined. */
export const schemeById = (id: string): Scheme | undefined => BY_ID.get(id);
