import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invertOps } from '@/lib/domain/history';
import {
  applyOp,
  applyOps,
  graphStateOf,
  invertOp,
  opFootprint,
  OpError,
  type GraphState,
  type TOp,
} from '@/lib/domain/ops';
import { sectionSubtree } from '@/lib/domain/sections';
import { build, content, edge, node, op } from '../support/ops';

const IDS = ['n1', 'n2', 'n3', 'n4', 'n5'];
const EDGE_IDS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
const SECTION_IDS = ['s1', 's2', 's3'];
const PASSAGE = 'twenty characters ok';

/** Random ops over a small pool of ids, so that they often hit each other. */
const arbOp: fc.Arbitrary<TOp> = fc.oneof(
  fc
    .record({
      id: fc.constantFrom(...IDS),
      text: fc.string({ minLength: 1, maxLength: 8 }).filter((t) => t.trim().length > 0),
      kind: fc.constantFrom('CLAIM', 'PREMISE', 'EVIDENCE'),
    })
    .map((r) => op({ type: 'createNode', id: r.id, kind: r.kind, text: r.text, x: 0, y: 0 })),
  fc
    .record({
      id: fc.constantFrom(...IDS),
      v: fc.integer({ min: 1, max: 4 }),
      text: fc.constantFrom('edited', 'again'),
    })
    .map((r) => op({ type: 'updateNode', id: r.id, baseVersion: r.v, text: r.text })),
  fc
    .record({
      id: fc.constantFrom(...IDS),
      x: fc.integer({ min: -500, max: 500 }),
      y: fc.integer({ min: -500, max: 500 }),
    })
    .map((r) => op({ type: 'moveNodes', moves: [r] })),
  fc.constantFrom(...IDS).map((id) => op({ type: 'deleteNode', id })),
  fc
    .record({ id: fc.constantFrom(...IDS), edgeIds: fc.subarray(EDGE_IDS) })
    .map((r) => op({ type: 'restoreNode', ...r })),
  fc
    .record({
      id: fc.constantFrom(...EDGE_IDS),
      fromId: fc.constantFrom(...IDS),
      toId: fc.constantFrom(...IDS),
      relation: fc.constantFrom('SUPPORTS', 'ATTACKS', 'UNDERCUTS'),
    })
    .map((r) => op({ type: 'createEdge', ...r })),
  fc
    .record({
      id: fc.constantFrom(...EDGE_IDS),
      v: fc.integer({ min: 1, max: 3 }),
      toId: fc.constantFrom(...IDS),
    })
    .map((r) => op({ type: 'updateEdge', id: r.id, baseVersion: r.v, toId: r.toId })),
  fc.constantFrom(...EDGE_IDS).map((id) => op({ type: 'deleteEdge', id })),
  fc.constantFrom(...EDGE_IDS).map((id) => op({ type: 'restoreEdge', id })),
  // Evidence cut as a card, marked, and turned into a claim (which drops the card).
  fc.constantFrom(...IDS).map((id) =>
    op({
      type: 'createNode',
      id,
      kind: 'EVIDENCE',
      text: 'A card',
      x: 0,
      y: 0,
      anchor: { sourceId: 's', exact: PASSAGE, prefix: '', suffix: '', start: 0, end: 20 },
      card: { underline: [[0, 4]], highlight: [] },
    }),
  ),
  fc
    .record({
      id: fc.constantFrom(...IDS),
      layer: fc.constantFrom('underline' as const, 'highlight' as const),
      s: fc.integer({ min: 0, max: 22 }),
      len: fc.integer({ min: 1, max: 8 }),
      on: fc.boolean(),
    })
    .map((r) =>
      op({ type: 'markCard', id: r.id, layer: r.layer, range: [r.s, r.s + r.len], on: r.on }),
    ),
  fc
    .record({ id: fc.constantFrom(...IDS), v: fc.integer({ min: 1, max: 4 }) })
    .map((r) => op({ type: 'updateNode', id: r.id, baseVersion: r.v, kind: 'CLAIM' })),
  fc
    .record({
      id: fc.constantFrom(...IDS),
      v: fc.integer({ min: 1, max: 4 }),
      tags: fc.subarray(['pro', 'con', 'Economy', 'economy', 'health care']),
    })
    .map((r) => op({ type: 'updateNode', id: r.id, baseVersion: r.v, tags: r.tags })),
  // Sections, cards put in them, and tag colours.
  fc
    .record({
      id: fc.constantFrom(...SECTION_IDS),
      title: fc.constantFrom('One', 'Two'),
      parentId: fc.constantFrom(null, ...SECTION_IDS),
    })
    .map((r) => op({ type: 'createSection', ...r })),
  fc
    .record({
      id: fc.constantFrom(...SECTION_IDS),
      title: fc.constantFrom('One', 'Two'),
      was: fc.constantFrom('One', 'Two'),
    })
    .map((r) => op({ type: 'renameSection', id: r.id, title: r.title, expect: { title: r.was } })),
  fc.constantFrom(...SECTION_IDS).map((id) => op({ type: 'deleteSection', id })),
  fc
    .record({
      id: fc.constantFrom(...IDS),
      to: fc.constantFrom(null, ...SECTION_IDS),
      from: fc.constantFrom(null, ...SECTION_IDS),
    })
    .map((r) => op({ type: 'updateNode', id: r.id, expect: { section: r.from }, section: r.to })),
  fc
    .record({
      tag: fc.constantFrom('pro', 'Pro', 'con'),
      colour: fc.constantFrom(null, '#1f77b4', '#15803d'),
      expect: fc.constantFrom(null, '#1f77b4', '#15803d'),
    })
    .map((r) => op({ type: 'setTagColor', ...r })),
);

/** Applies what applies; an op refused with OpError leaves the state as it was. */
function run(
  ops: TOp[],
  each?: (before: GraphState, op: TOp, after: GraphState) => void,
): GraphState {
  let state = graphStateOf([], [], { sections: [], tagColors: {} });
  for (const o of ops) {
    try {
      const next = applyOp(state, o).state;
      each?.(state, o, next);
      state = next;
    } catch (error) {
      if (!(error instanceof OpError)) throw error;
    }
  }
  return state;
}

function checkInvariants(state: GraphState) {
  const seen = new Set<string>();
  for (const e of state.edges.values()) {
    if (e.deleted) continue;
    const from = state.nodes.get(e.fromId);
    const to = state.nodes.get(e.toId);
    expect(from && !from.deleted, `edge ${e.id} starts at a live node`).toBe(true);
    expect(to && !to.deleted, `edge ${e.id} ends at a live node`).toBe(true);
    expect(e.fromId).not.toBe(e.toId);
    const key = `${e.fromId}>${e.toId}:${e.relation}`;
    expect(seen.has(key), `duplicate live edge ${key}`).toBe(false);
    seen.add(key);
  }
}

describe('op invariants (property tests)', () => {
  it('any op followed by its inverse restores the graph', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 30 }), arbOp, (prefix, last) => {
        const before = run(prefix);
        let after: GraphState;
        try {
          after = applyOp(before, last).state;
        } catch (error) {
          if (error instanceof OpError) return;
          throw error;
        }
        const restored = applyOp(after, invertOp(before, last)).state;
        expect(content(restored)).toEqual(content(before));
      }),
      { numRuns: 500 },
    );
  });

  it('random op sequences never leave an edge at a missing or deleted node, or a duplicate edge', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 60 }), (ops) => {
        run(ops, (_b, _o, after) => checkInvariants(after));
      }),
      { numRuns: 300 },
    );
  });

  it('versions only grow', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 60 }), (ops) => {
        run(ops, (before, _o, after) => {
          for (const [id, n] of before.nodes)
            expect(after.nodes.get(id)!.version).toBeGreaterThanOrEqual(n.version);
          for (const [id, e] of before.edges)
            expect(after.edges.get(id)!.version).toBeGreaterThanOrEqual(e.version);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('any chain of edits to one node and one edge undoes back to the start', () => {
    const arbEdit = fc.oneof(
      fc.record({ text: fc.constantFrom('one', 'two', 'two', 'three') }),
      fc.record({ kind: fc.constantFrom('CLAIM', 'PREMISE', 'OBJECTION') }),
      fc.record({ relation: fc.constantFrom('SUPPORTS', 'ATTACKS', 'UNDERCUTS') }),
    );
    fc.assert(
      fc.property(fc.array(arbEdit, { minLength: 1, maxLength: 12 }), (edits) => {
        const start = build(node('a', 'zero'), node('b'), edge('ab', 'a', 'b'));
        let state = start;
        const undo: TOp[] = [];
        for (const edit of edits) {
          const o =
            'relation' in edit
              ? op({
                  type: 'updateEdge',
                  id: 'ab',
                  baseVersion: state.edges.get('ab')!.version,
                  relation: edit.relation,
                })
              : op({
                  type: 'updateNode',
                  id: 'a',
                  baseVersion: state.nodes.get('a')!.version,
                  ...edit,
                });
          undo.push(invertOp(state, o));
          state = applyOp(state, o).state;
        }
        for (const inverse of undo.reverse()) state = applyOp(state, inverse).state;
        expect(content(state)).toEqual(content(start));
      }),
      { numRuns: 300 },
    );
  });

  it('undoing a whole session in reverse order returns to the start', () => {
    fc.assert(
      fc.property(
        fc.array(arbOp, { maxLength: 10 }),
        fc.array(arbOp, { minLength: 1, maxLength: 15 }),
        (setup, session) => {
          const start = run(setup);
          const undo: TOp[] = [];
          let state = start;
          for (const o of session) {
            try {
              const next = applyOp(state, o).state;
              undo.push(invertOp(state, o));
              state = next;
            } catch (error) {
              if (!(error instanceof OpError)) throw error;
            }
          }
          for (const inverse of undo.reverse()) state = applyOp(state, inverse).state;
          expect(content(state)).toEqual(content(start));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a batch applied to only the rows its footprint loads does what it does on the whole map', () => {
    /** What the server loads for a batch (lib/server/maps/graph-working-set.ts), from a whole state. */
    const workingSet = (state: GraphState, ops: TOp[]): GraphState => {
      const { nodeIds, edgeIds, connectionsOf, map, sectionsOf } = opFootprint(ops);
      const named = [...state.edges.values()].filter((e) => edgeIds.has(e.id));
      for (const e of named) {
        nodeIds.add(e.fromId).add(e.toId);
        connectionsOf.add(e.fromId).add(e.toId);
      }
      const doomed = new Set(
        [...sectionsOf].flatMap((id) => sectionSubtree(state.map!.sections, id).map((s) => s.id)),
      );
      return graphStateOf(
        [...state.nodes.values()].filter(
          (n) => nodeIds.has(n.id) || (n.section && doomed.has(n.section)),
        ),
        [...state.edges.values()].filter(
          (e) => edgeIds.has(e.id) || connectionsOf.has(e.fromId) || connectionsOf.has(e.toId),
        ),
        map ? state.map : undefined,
      );
    };
    const outcome = (state: GraphState, ops: TOp[]) => {
      try {
        const result = applyOps(state, ops);
        return {
          changedNodes: result.changedNodes.map((id) => result.state.nodes.get(id)),
          changedEdges: result.changedEdges.map((id) => result.state.edges.get(id)),
          inverse: invertOps(state, ops),
        };
      } catch (error) {
        if (error instanceof OpError) return { refused: error.code };
        throw error;
      }
    };
    // A connected map to start from, so that batches meet edges at every turn.
    const start: TOp[] = [
      ...IDS.map((id) => node(id)),
      edge('e1', 'n1', 'n2'),
      edge('e2', 'n3', 'n2', 'ATTACKS'),
      edge('e3', 'n4', 'n1'),
      edge('e4', 'n5', 'n3'),
    ];
    fc.assert(
      fc.property(
        fc.array(arbOp, { maxLength: 30 }),
        fc.array(arbOp, { minLength: 1, maxLength: 4 }),
        (history, batch) => {
          const whole = run([...start, ...history]);
          expect(outcome(workingSet(whole, batch), batch)).toEqual(outcome(whole, batch));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
