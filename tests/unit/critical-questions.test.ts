import { describe, expect, it } from 'vitest';
import { applyOps, invertOp, type GraphState, type TOp, type TOpInput } from '@/lib/domain/ops';
import {
  answerCriticalQuestion,
  criticalQuestionSlots,
  openCriticalQuestions,
  tagArgument,
} from '@/lib/domain/reasoning/critical-questions';
import { schemeById } from '@/lib/domain/reasoning/schemes';
import { groundedLabelling } from '@/lib/domain/reasoning/semantics';
import { build, codeOf, op } from '../support/ops';

/** The graph a reader sees: live nodes and edges. */
const live = (state: GraphState) => ({
  nodes: [...state.nodes.values()].filter((n) => !n.deleted),
  edges: [...state.edges.values()].filter((e) => !e.deleted),
});

const claim = (id: string, kind: 'CLAIM' | 'PREMISE' = 'PREMISE') =>
  op({ type: 'createNode', id, kind, text: `Node ${id}`, x: 0, y: 0 });
const link = (id: string, fromId: string, toId: string, groupId: string | null = null) =>
  op({ type: 'createEdge', id, fromId, toId, relation: 'SUPPORTS', groupId });

/** Applies ops the way the server does: each parsed by the op schema first. */
const run = (state: GraphState, ops: readonly TOp[]) =>
  applyOps(
    state,
    ops.map((o) => op(o)),
  ).state;

/**
 * "Schools should ban phones" (c), because an expert says phones harm
 * learning: a linked argument of two premises (expertise, assertion),
 * tagged as an argument from expert opinion.
 */
const GROUP = 'g:c:g1';
function expertMap(scheme = 'expert-opinion') {
  const state = build(
    claim('c', 'CLAIM'),
    claim('expertise'),
    claim('assertion'),
    link('s1', 'expertise', 'c', 'g1'),
    link('s2', 'assertion', 'c', 'g1'),
  );
  return run(state, tagArgument(live(state), GROUP, scheme));
}

type Request = Omit<
  Parameters<typeof answerCriticalQuestion>[1],
  'nodeId' | 'edgeId' | 'at' | 'text'
>;
/** Answers a question as a person would: the ops go through the normal op path. */
function answer(state: GraphState, request: Request, n: number) {
  const ops = answerCriticalQuestion(live(state), {
    ...request,
    text: `Answer ${n}`,
    nodeId: `o${n}`,
    edgeId: `a${n}`,
    at: { x: 100, y: 50 },
  });
  return { ops, state: run(state, ops) };
}

const status = (state: GraphState, key = GROUP) =>
  Object.fromEntries(criticalQuestionSlots(live(state), key).map((s) => [s.question.id, s.status]));

describe('critical questions of a tagged argument', () => {
  it('tags every edge of a linked argument, and undo untags it', () => {
    const before = build(
      claim('c', 'CLAIM'),
      claim('p'),
      claim('q'),
      link('s1', 'p', 'c', 'g1'),
      link('s2', 'q', 'c', 'g1'),
    );
    const ops = tagArgument(live(before), GROUP, 'analogy');
    // Each op's undo, from the state it applied to.
    const undos: TOp[] = [];
    let after = before;
    for (const o of ops) {
      undos.unshift(invertOp(after, op(o)));
      after = run(after, [o]);
    }
    expect([...after.edges.values()].map((e) => e.scheme)).toEqual(['analogy', 'analogy']);
    expect(tagArgument(live(after), GROUP, 'analogy')).toEqual([]);
    const undone = run(after, undos);
    expect([...undone.edges.values()].map((e) => e.scheme)).toEqual([null, null]);
  });

  it('shows every question of the scheme as an open slot', () => {
    const slots = criticalQuestionSlots(live(expertMap()), GROUP);
    expect(slots.map((s) => s.question.id)).toEqual(
      schemeById('expert-opinion')!.questions.map((q) => q.id),
    );
    expect(slots.every((s) => s.status === 'open' && s.answeredBy.length === 0)).toBe(true);
  });

  it('answers an undermine with an objection attacking the chosen premise, which turns OUT', () => {
    const before = expertMap();
    expect(groundedLabelling(live(before)).nodes.get('expertise')).toBe('IN');
    const done = answer(
      before,
      { argument: GROUP, question: 'credible', premiseId: 'expertise' },
      1,
    );
    expect(done.ops).toMatchObject([
      { type: 'createNode', id: 'o1', kind: 'OBJECTION', text: 'Answer 1' },
      {
        type: 'createEdge',
        id: 'a1',
        fromId: 'o1',
        toId: 'expertise',
        relation: 'ATTACKS',
        answers: { argument: GROUP, scheme: 'expert-opinion', question: 'credible' },
      },
    ]);
    const slot = criticalQuestionSlots(live(done.state), GROUP).find(
      (s) => s.question.id === 'credible',
    )!;
    expect(slot).toMatchObject({
      status: 'answered',
      answeredBy: [{ nodeId: 'o1', edgeId: 'a1' }],
    });
    expect(status(done.state).field).toBe('open');
    const stands = groundedLabelling(live(done.state));
    expect(stands.nodes.get('expertise')).toBe('OUT');
    expect(stands.inferences.get(GROUP)).toBe('OUT');
  });

  it('answers a rebut by attacking the conclusion', () => {
    const done = answer(expertMap('popular-opinion'), { argument: GROUP, question: 'reasons' }, 2);
    expect(done.ops[1]).toMatchObject({ fromId: 'o2', toId: 'c', relation: 'ATTACKS' });
    expect(groundedLabelling(live(done.state)).nodes.get('c')).toBe('OUT');
    expect(status(done.state).reasons).toBe('answered');
  });

  it('answers an undercut by undercutting the inference: the support stops counting, its ends stand', () => {
    const done = answer(expertMap(), { argument: GROUP, question: 'trustworthy' }, 1);
    expect(done.ops[1]).toMatchObject({ fromId: 'o1', toId: 'expertise', relation: 'UNDERCUTS' });
    expect(status(done.state).trustworthy).toBe('answered');
    const stands = groundedLabelling(live(done.state));
    expect(stands.inferences.get(GROUP)).toBe('OUT');
    expect(['c', 'expertise', 'assertion'].map((id) => stands.nodes.get(id))).toEqual([
      'IN',
      'IN',
      'IN',
    ]);
  });

  it('undercuts through a premise that takes part in no other argument when there is one', () => {
    const state = run(expertMap(), [claim('d', 'CLAIM'), link('s3', 'expertise', 'd')]);
    const done = answer(state, { argument: GROUP, question: 'evidence' }, 1);
    expect(done.ops[1]).toMatchObject({ toId: 'assertion', relation: 'UNDERCUTS' });
    const stands = groundedLabelling(live(done.state));
    expect(stands.inferences.get(GROUP)).toBe('OUT');
    expect(stands.inferences.get('e:s3')).toBe('IN');
  });

  it('works on a single support the same way', () => {
    const plain = build(claim('c', 'CLAIM'), claim('p'), link('s', 'p', 'c'));
    const state = run(plain, tagArgument(live(plain), 'e:s', 'sign'));
    const done = answer(state, { argument: 'e:s', question: 'observed' }, 1);
    expect(done.ops[1]).toMatchObject({ toId: 'p', relation: 'ATTACKS' });
    expect(status(done.state, 'e:s')).toEqual({
      strength: 'open',
      observed: 'answered',
      'other-cause': 'open',
    });
  });

  it('counts an answer only while its edge is on the map, still fits the question, and the scheme is unchanged', () => {
    const done = answer(
      expertMap(),
      { argument: GROUP, question: 'credible', premiseId: 'expertise' },
      1,
    );
    expect(status(done.state).credible).toBe('answered');
    const deleted = run(done.state, [op({ type: 'deleteNode', id: 'o1' })]);
    expect(status(deleted).credible).toBe('open');
    const moved = run(done.state, [
      op({ type: 'updateEdge', id: 'a1', expect: { toId: 'expertise' }, toId: 'c' }),
    ]);
    expect(status(moved).credible).toBe('open');
    const retagged = run(done.state, tagArgument(live(done.state), GROUP, 'position-to-know'));
    expect(Object.values(status(retagged))).toEqual(['open', 'open', 'open']);
    const untagged = run(done.state, tagArgument(live(done.state), GROUP, null));
    expect(openCriticalQuestions(live(untagged))).toEqual([]);
  });

  it('lists the open questions of every tagged argument for a prep sheet', () => {
    const state = run(expertMap(), [claim('q'), link('s3', 'q', 'c')]);
    const done = answer(state, { argument: GROUP, question: 'said', premiseId: 'assertion' }, 1);
    const open = openCriticalQuestions(live(done.state));
    expect(open.map((a) => a.argument.key)).toEqual([GROUP]);
    expect(open[0]!.open.map((q) => q.id)).toEqual([
      'credible',
      'field',
      'trustworthy',
      'consistent',
      'evidence',
    ]);
  });

  it('refuses what cannot be answered, with a reason', () => {
    const graph = live(expertMap());
    const base = { text: 'x', nodeId: 'o1', edgeId: 'a1', at: { x: 0, y: 0 } };
    const code = (request: Partial<Parameters<typeof answerCriticalQuestion>[1]>, g = graph) =>
      codeOf(() =>
        answerCriticalQuestion(g, { ...base, argument: GROUP, question: 'credible', ...request }),
      );
    expect(code({ argument: 'e:nope' })).toBe('NOT_FOUND');
    expect(code({}, live(run(expertMap(), tagArgument(graph, GROUP, null))))).toBe(
      'VALIDATION_FAILED',
    );
    expect(code({ question: 'nope' })).toBe('VALIDATION_FAILED');
    // Two premises: say which; and it must be one of them.
    expect(code({})).toBe('VALIDATION_FAILED');
    expect(code({ premiseId: 'c' })).toBe('VALIDATION_FAILED');
    expect(code({ premiseId: 'expertise', text: '   ' })).toBe('VALIDATION_FAILED');
    expect(code({ premiseId: 'expertise' })).toBeUndefined();
    expect(codeOf(() => tagArgument(graph, GROUP, 'no-such-scheme'))).toBe('VALIDATION_FAILED');
  });
});

describe('schemes and answers on edges, through the op path', () => {
  const base = () => build(claim('c', 'CLAIM'), claim('p'), claim('o'), link('s', 'p', 'c'));

  it('refuses a scheme on anything but a support, and an answer on anything but an attack', () => {
    expect(
      codeOf(() =>
        run(base(), [
          op({
            type: 'createEdge',
            id: 'x',
            fromId: 'o',
            toId: 'c',
            relation: 'ATTACKS',
            scheme: 'sign',
          }),
        ]),
      ),
    ).toBe('VALIDATION_FAILED');
    const answers = { argument: 'e:s', scheme: 'sign', question: 'observed' };
    expect(
      codeOf(() =>
        run(base(), [
          op({
            type: 'createEdge',
            id: 'x',
            fromId: 'o',
            toId: 'c',
            relation: 'SUPPORTS',
            answers,
          }),
        ]),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        run(base(), [op({ type: 'updateEdge', id: 's', expect: { answers: null }, answers })]),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('refuses an unknown scheme or question, or a malformed argument, as invalid input', () => {
    const parse = (input: unknown) => op(input as TOpInput) && 'ok';
    const edge = { type: 'createEdge', id: 'x', fromId: 'o', toId: 'p', relation: 'ATTACKS' };
    expect(() =>
      parse({ ...edge, answers: { argument: 'e:s', scheme: 'nope', question: 'x' } }),
    ).toThrow('no such argumentation scheme');
    expect(() =>
      parse({ ...edge, answers: { argument: 'e:s', scheme: 'sign', question: 'nope' } }),
    ).toThrow('no such critical question');
    expect(() =>
      parse({ ...edge, answers: { argument: 's', scheme: 'sign', question: 'observed' } }),
    ).toThrow('linked group');
    expect(() => parse({ type: 'updateEdge', id: 's', baseVersion: 1, scheme: 'nope' })).toThrow(
      'no such argumentation scheme',
    );
    expect(parse({ type: 'updateEdge', id: 's', baseVersion: 1, scheme: null })).toBe('ok');
  });

  it('undo takes an answer mark back off, and is refused if someone changed it since', () => {
    const answers = { argument: 'e:s', scheme: 'sign', question: 'other-cause' };
    const state = run(base(), [
      op({ type: 'createEdge', id: 'u', fromId: 'o', toId: 'p', relation: 'UNDERCUTS' }),
    ]);
    const mark = op({ type: 'updateEdge', id: 'u', expect: { answers: null }, answers });
    const marked = run(state, [mark]);
    expect(marked.edges.get('u')!.answers).toEqual(answers);
    const undo = invertOp(state, mark);
    const undone = run(marked, [undo]);
    expect(undone.edges.get('u')!.answers).toBeNull();
    const changed = run(marked, [
      op({
        type: 'updateEdge',
        id: 'u',
        expect: { answers },
        answers: { ...answers, question: 'strength' },
      }),
    ]);
    expect(codeOf(() => run(changed, [undo]))).toBe('STALE_VERSION');
  });
});
