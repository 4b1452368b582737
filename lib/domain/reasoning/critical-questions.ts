import { OpError } from '../op-checks';
import { ZText, type TOp } from '../op-schemas';
import type { GraphEdge, Side } from '../types';
import {
  argumentsByPremise,
  argumentsOf,
  liveEdges,
  type Argument,
  type ReasoningGraph,
} from './arguments';
import { schemeById, type Scheme } from './schemes';

type CriticalQuestion = Scheme['questions'][number];

/**
 * Critical questions as slots on a tagged argument, and answering one.
 *
 * Design. An argument (a support, or a linked group: arguments.ts) is tagged
 * with a scheme by `Edge.scheme` on its SUPPORTS edges (every edge of a
 * linked group carries the same; `tagArgument` makes the ops). Each of the
 * scheme's critical questions is then a slot. A slot is answered by an
 * attack of the kind the question names, from an OBJECTION made for it:
 * - `undermine`: the objection ATTACKS one of the argument's premises;
 * - `rebut`: it ATTACKS the argument's conclusion;
 * - `undercut`: it UNDERCUTS the inference, drawn (as in this codebase) to a
 *   premise of the argument: the first one that is a premise of no other
 *   argument, since an undercut of a node attacks every inference it takes
 *   part in; failing that, the first premise.
 * The answering edge records which question it answers in `Edge.answers`
 * (the argument's key, the scheme and the question's id), set by the same
 * createEdge op, so undo and the log cover it. The answer is read from the
 * graph, so it stays honest: it counts only while that edge is on the map,
 * still has the relation and target the question's kind asks for, and the
 * argument is still tagged with that scheme. Deleting the objection reopens
 * the slot; re-tagging the argument opens all of them.
 */

type CqEdge = ReasoningGraph['edges'][number] & Pick<GraphEdge, 'scheme' | 'answers'>;
type CqGraph = { nodes: ReasoningGraph['nodes']; edges: readonly CqEdge[] };

export type CqSlot = {
  question: CriticalQuestion;
  status: 'open' | 'answered';
  /** The objections answering it, with their edges; empty while open. */
  answeredBy: { nodeId: string; edgeId: string }[];
};

/** The scheme an argument is tagged with: its first edge's, if that is a known scheme. */
function schemeOf(graph: CqGraph, argument: Argument): Scheme | undefined {
  const first = graph.edges.find((e) => e.id === argument.edgeIds[0]);
  return first?.scheme ? schemeById(first.scheme) : undefined;
}

function find(graph: CqGraph, key: string): Argument {
  const argument = argumentsOf(graph).find((a) => a.key === key);
  if (!argument) throw new OpError('NOT_FOUND', 'That argument is not on this map');
  return argument;
}

function tagged(graph: CqGraph, key: string) {
  const argument = find(graph, key);
  const scheme = schemeOf(graph, argument);
  if (!scheme) throw new OpError('VALIDATION_FAILED', 'That argument has no argumentation scheme');
  return { argument, scheme };
}

/** Whether an edge of this relation to this node answers a question of this kind on the argument. */
function fits(
  argument: Argument,
  question: CriticalQuestion,
  edge: { relation: string; toId: string },
) {
  switch (question.attack) {
    case 'undermine':
      return edge.relation === 'ATTACKS' && argument.premises.includes(edge.toId);
    case 'rebut':
      return edge.relation === 'ATTACKS' && edge.toId === argument.conclusion;
    case 'undercut':
      return edge.relation === 'UNDERCUTS' && argument.premises.includes(edge.toId);
  }
}

/** The critical-question slots of a tagged argument (`key`, arguments.ts), in the scheme's order. */
export function criticalQuestionSlots(graph: CqGraph, key: string): CqSlot[] {
  const { argument, scheme } = tagged(graph, key);
  const edges = liveEdges(graph) as CqEdge[];
  return scheme.questions.map((question) => {
    const answeredBy = edges
      .filter(
        (e) =>
          e.answers?.argument === key &&
          e.answers.scheme === scheme.id &&
          e.answers.question === question.id &&
          fits(argument, question, e),
      )
      .map((e) => ({ nodeId: e.fromId, edgeId: e.id }));
    return { question, status: answeredBy.length > 0 ? 'answered' : 'open', answeredBy };
  });
}

/** Every tagged argument on the map with its questions still open (a prep sheet's prompts). */
export function openCriticalQuestions(graph: CqGraph) {
  return argumentsOf(graph)
    .filter((a) => schemeOf(graph, a) !== undefined)
    .map((argument) => ({
      argument,
      open: criticalQuestionSlots(graph, argument.key)
        .filter((s) => s.status === 'open')
        .map((s) => s.question),
    }))
    .filter((a) => a.open.length > 0);
}

/** The ops that tag an argument with a scheme (null: untag), one per edge that changes. */
export function tagArgument(graph: CqGraph, key: string, scheme: string | null): TOp[] {
  const argument = find(graph, key);
  if (scheme !== null && !schemeById(scheme))
    throw new OpError('VALIDATION_FAILED', 'There is no such argumentation scheme');
  return graph.edges
    .filter((e) => argument.edgeIds.includes(e.id) && e.scheme !== scheme)
    .map((e) => ({ type: 'updateEdge', id: e.id, expect: { scheme: e.scheme }, scheme }));
}

type AnswerRequest = {
  argument: string;
  question: string;
  /** What the objection says. */
  text: string;
  /** For an undermine of an argument with several premises: which one it attacks. */
  premiseId?: string;
  /** Ids for the new node and edge. */
  nodeId: string;
  edgeId: string;
  side?: Side;
  at: { x: number; y: number };
};

/**
 * The ops that answer a critical question: an objection and its attack,
 * marked with what it answers, as one batch for the normal op path.
 * Refused with an OpError when the argument is not on the map or not
 * tagged, the question is not its scheme's, the premise is not one of its
 * premises, or the text is empty or too long.
 */
export function answerCriticalQuestion(graph: CqGraph, request: AnswerRequest): TOp[] {
  const { argument, scheme } = tagged(graph, request.argument);
  const question = scheme.questions.find((q) => q.id === request.question);
  if (!question)
    throw new OpError('VALIDATION_FAILED', `“${scheme.name}” has no such critical question`);
  const text = ZText.safeParse(request.text);
  if (!text.success) throw new OpError('VALIDATION_FAILED', text.error.issues[0]!.message);

  let target: string;
  if (question.attack === 'rebut') target = argument.conclusion;
  else if (question.attack === 'undermine') {
    if (request.premiseId !== undefined && !argument.premises.includes(request.premiseId))
      throw new OpError('VALIDATION_FAILED', 'That node is not a premise of this argument');
    if (request.premiseId === undefined && argument.premises.length > 1)
      throw new OpError('VALIDATION_FAILED', 'Choose which premise the answer attacks');
    target = request.premiseId ?? argument.premises[0]!;
  } else {
    const inOthers = argumentsByPremise(argumentsOf(graph));
    target = argument.premises.find((p) => inOthers.get(p)!.length === 1) ?? argument.premises[0]!;
  }

  return [
    {
      type: 'createNode',
      id: request.nodeId,
      kind: 'OBJECTION',
      text: text.data,
      side: request.side ?? 'NEUTRAL',
      x: request.at.x,
      y: request.at.y,
      anchor: null,
      card: null,
    },
    {
      type: 'createEdge',
      id: request.edgeId,
      fromId: request.nodeId,
      toId: target,
      relation: question.attack === 'undercut' ? 'UNDERCUTS' : 'ATTACKS',
      groupId: null,
      answers: { argument: argument.key, scheme: scheme.id, question: question.id },
    },
  ];
}
