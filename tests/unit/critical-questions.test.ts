import { describe, expect, it } from 'vitest';
import { applyOps, type GraphState } from '@/lib/domain/ops';
import type { ReasoningGraph } from '@/lib/domain/reasoning/arguments';
import {
  answerCriticalQuestion,
  criticalQuestionSlots,
  openCriticalQuestions,
  type CqAnswer,
  type Tagging,
} from '@/lib/domain/reasoning/critical-questions';
import { schemeById } from '@/lib/domain/reasoning/schemes';
import { groundedLabelling } from '@/lib/domain/reasoning/semantics';
import { build, codeOf, op } from '../support/ops';

/** The graph a reader sees: live nodes and edges. */
const live = (state: GraphState): ReasoningGraph => ({
  nodes: [...state.nodes.values()].filter((n) => !n.deleted),
  edges: [...state.edges.values()].filter((e) => !e.deleted),
});

const claim = (id: string, kind: 'CLAIM' | 'PREMISE' = 'PREMISE') =>
  op({ type: 'createNode', id, kind, text: `Node ${id}`, x: 0, y: 0 });
const link = (
  id: string,
  fromId: string,
  toId: string,
  relation: 'SUPPORTS' | 'ATTACKS' | 'UNDERCUTS' = 'SUPPORTS',
  groupId: string | null = null,
) => op({ type: 'createEdge', id, fromId, toId, relation, groupId });

/**
 * "Schools should ban phones" (c), because an expert says phones harm
 * learning: a linked argument of two premises (expertise, assertion).
 */
const expertMap = () =>
  build(
    claim('c', 'CLAIM'),
    claim('expertise'),
    claim('assertion'),
    link('s1', 'expertise', 'c', 'SUPPORTS', 'g1'),
    link('s2', 'assertion', 'c', 'SUPPORTS', 'g1'),
  );
const GROUP = 'g:c:g1';

/** Answers, applies the ops through the normal path, and records the answer on its edge. */
function answer(
  state: GraphState,
  tagging: Tagging,
  request: Omit<Parameters<typeof answerCriticalQuestion>[2], 'nodeId' | 'edgeId' | 'at' | 'text'>,
  n: number,
) {
  const { ops, answer } = answerCriticalQuestion(live(state), tagging, {
    ...request,
    text: `Answer ${n}`,
    nodeId: `o${n}`,
    edgeId: `a${n}`,
    at: { x: 100, y: 50 },
  });
  const next = applyOps(
    state,
    ops.map((o) => op(o)),
  ).state;
  const answers = new Map<string, CqAnswer>([...tagging.answers, [`a${n}`, answer]]);
  return { state: next, tagging: { ...tagging, answers }, ops, answer };
}

const status = (g: ReasoningGraph, t: Tagging, key: string) =>
  Object.fromEntries(criticalQuestionSlots(g, t, key).map((s) => [s.question.id, s.status]));

describe('critical questions of a tagged argument', () => {
  const tagging: Tagging = { schemes: new Map([[GROUP, 'expert-opinion']]), answers: new Map() };

  it('shows every question of the scheme as an open slot', () => {
    const slots = criticalQuestionSlots(live(expertMap()), tagging, GROUP);
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
      tagging,
      { argument: GROUP, question: 'credible', premiseId: 'expertise' },
      1,
    );
    expect(done.ops).toMatchObject([
      { type: 'createNode', id: 'o1', kind: 'OBJECTION', text: 'Answer 1' },
      { type: 'createEdge', id: 'a1', fromId: 'o1', toId: 'expertise', relation: 'ATTACKS' },
    ]);
    expect(done.answer).toEqual({
      argument: GROUP,
      scheme: 'expert-opinion',
      question: 'credible',
    });
    const slot = criticalQuestionSlots(live(done.state), done.tagging, GROUP).find(
      (s) => s.question.id === 'credible',
    )!;
    expect(slot).toMatchObject({
      status: 'answered',
      answeredBy: [{ nodeId: 'o1', edgeId: 'a1' }],
    });
    expect(status(live(done.state), done.tagging, GROUP).field).toBe('open');
    const stands = groundedLabelling(live(done.state));
    expect(stands.nodes.get('expertise')).toBe('OUT');
    expect(stands.inferences.get(GROUP)).toBe('OUT');
  });

  it('answers a rebut by attacking the conclusion', () => {
    const rebut = answer(
      expertMap(),
      { schemes: new Map([[GROUP, 'popular-opinion']]), answers: new Map() },
      { argument: GROUP, question: 'reasons' },
      2,
    );
    expect(rebut.ops[1]).toMatchObject({ fromId: 'o2', toId: 'c', relation: 'ATTACKS' });
    expect(groundedLabelling(live(rebut.state)).nodes.get('c')).toBe('OUT');
    expect(status(live(rebut.state), rebut.tagging, GROUP).reasons).toBe('answered');
  });

  it('answers an undercut by undercutting the inference: the support stops counting, its ends stand', () => {
    const done = answer(expertMap(), tagging, { argument: GROUP, question: 'trustworthy' }, 1);
    expect(done.ops[1]).toMatchObject({ fromId: 'o1', toId: 'expertise', relation: 'UNDERCUTS' });
    expect(status(live(done.state), done.tagging, GROUP).trustworthy).toBe('answered');
    const stands = groundedLabelling(live(done.state));
    expect(stands.inferences.get(GROUP)).toBe('OUT');
    expect(['c', 'expertise', 'assertion'].map((id) => stands.nodes.get(id))).toEqual([
      'IN',
      'IN',
      'IN',
    ]);
  });

  it('undercuts through a premise that takes part in no other argument when there is one', () => {
    const state = applyOps(expertMap(), [claim('d', 'CLAIM'), link('s3', 'expertise', 'd')]).state;
    const { ops } = answerCriticalQuestion(live(state), tagging, {
      argument: GROUP,
      question: 'evidence',
      text: 'No data',
      nodeId: 'o1',
      edgeId: 'a1',
      at: { x: 0, y: 0 },
    });
    expect(ops[1]).toMatchObject({ toId: 'assertion', relation: 'UNDERCUTS' });
    const stands = groundedLabelling(live(applyOps(state, ops).state));
    expect(stands.inferences.get(GROUP)).toBe('OUT');
    expect(stands.inferences.get('e:s3')).toBe('IN');
  });

  it('works on a single support the same way', () => {
    const state = build(claim('c', 'CLAIM'), claim('p'), link('s', 'p', 'c'));
    const single: Tagging = { schemes: new Map([['e:s', 'sign']]), answers: new Map() };
    const done = answer(state, single, { argument: 'e:s', question: 'observed' }, 1);
    expect(done.ops[1]).toMatchObject({ toId: 'p', relation: 'ATTACKS' });
    expect(status(live(done.state), done.tagging, 'e:s')).toEqual({
      strength: 'open',
      observed: 'answered',
      'other-cause': 'open',
    });
  });

  it('counts an answer only while its edge is on the map, still fits the question, and the scheme is unchanged', () => {
    const done = answer(
      expertMap(),
      tagging,
      { argument: GROUP, question: 'credible', premiseId: 'expertise' },
      1,
    );
    const deleted = applyOps(done.state, [op({ type: 'deleteNode', id: 'o1' })]).state;
    expect(status(live(deleted), done.tagging, GROUP).credible).toBe('open');
    const moved = applyOps(done.state, [
      op({ type: 'updateEdge', id: 'a1', expect: { toId: 'expertise' }, toId: 'c' }),
    ]).state;
    expect(status(live(moved), done.tagging, GROUP).credible).toBe('open');
    const retagged = { ...done.tagging, schemes: new Map([[GROUP, 'position-to-know']]) };
    expect(Object.values(status(live(done.state), retagged, GROUP))).toEqual([
      'open',
      'open',
      'open',
    ]);
  });

  it('lists the open questions of every tagged argument for a prep sheet', () => {
    const state = applyOps(expertMap(), [claim('q'), link('s3', 'q', 'c')]).state;
    const both: Tagging = {
      schemes: new Map([
        [GROUP, 'expert-opinion'],
        ['e:s3', 'unknown-scheme'],
      ]),
      answers: new Map(),
    };
    const done = answer(
      state,
      both,
      { argument: GROUP, question: 'said', premiseId: 'assertion' },
      1,
    );
    const open = openCriticalQuestions(live(done.state), done.tagging);
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
    const code = (request: Partial<Parameters<typeof answerCriticalQuestion>[2]>, t = tagging) =>
      codeOf(() =>
        answerCriticalQuestion(graph, t, {
          ...base,
          argument: GROUP,
          question: 'credible',
          ...request,
        }),
      );
    expect(code({ argument: 'e:nope' })).toBe('NOT_FOUND');
    expect(code({}, { schemes: new Map(), answers: new Map() })).toBe('VALIDATION_FAILED');
    expect(code({ question: 'nope' })).toBe('VALIDATION_FAILED');
    // Two premises: say which; and it must be one of them.
    expect(code({})).toBe('VALIDATION_FAILED');
    expect(code({ premiseId: 'c' })).toBe('VALIDATION_FAILED');
    expect(code({ premiseId: 'expertise', text: '   ' })).toBe('VALIDATION_FAILED');
    expect(code({ premiseId: 'expertise' })).toBeUndefined();
    expect(() =>
      criticalQuestionSlots(graph, { schemes: new Map(), answers: new Map() }, GROUP),
    ).toThrow('no argumentation scheme');
  });
});
