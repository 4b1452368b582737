import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyOp,
  applyOps,
  graphStateOf,
  invertOp,
  OpError,
  ZOp,
  type GraphState,
  type TOp,
  type TOpInput,
} from '@/lib/domain/ops';

const op = (input: TOpInput): TOp => ZOp.parse(input);
const node = (id: string, text = `Claim ${id}`): TOp =>
  op({ type: 'createNode', id, kind: 'CLAIM', text, x: 0, y: 0 });
const edge = (
  id: string,
  fromId: string,
  toId: string,
  relation: 'SUPPORTS' | 'ATTACKS' = 'SUPPORTS',
): TOp => op({ type: 'createEdge', id, fromId, toId, relation });

function build(...ops: TOp[]): GraphState {
  return applyOps(graphStateOf([], []), ops).state;
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof OpError) return error.code;
    throw error;
  }
  return undefined;
}

/**
 * The graph as a user sees it: live nodes and edges. Versions are
 * bookkeeping, and deleted entities are tombstones kept for redo.
 */
function content(state: GraphState) {
  const strip = <T extends { version: number }>({ version: _v, ...rest }: T) => rest;
  const live = <T extends { deleted: boolean; id: string }>(items: Iterable<T>) =>
    [...items].filter((x) => !x.deleted).sort((a, b) => a.id.localeCompare(b.id));
  return {
    nodes: live(state.nodes.values()).map(strip),
    edges: live(state.edges.values()).map(strip),
  };
}

describe('validation of op input', () => {
  it.each([
    [
      'empty text',
      { type: 'createNode', id: 'a', kind: 'CLAIM', text: '   ', x: 0, y: 0 },
      'The text cannot be empty',
    ],
    [
      'text over 5,000 characters',
      { type: 'createNode', id: 'a', kind: 'CLAIM', text: 'x'.repeat(5001), x: 0, y: 0 },
      'longer than 5000',
    ],
    [
      'an unknown kind',
      { type: 'createNode', id: 'a', kind: 'THESIS', text: 'ok', x: 0, y: 0 },
      'The kind must be one of',
    ],
    [
      'an unknown relation',
      { type: 'createEdge', id: 'e', fromId: 'a', toId: 'b', relation: 'LIKES' },
      'The relation must be one of',
    ],
    [
      'an update that changes nothing',
      { type: 'updateNode', id: 'a', baseVersion: 1 },
      'An update must change',
    ],
    [
      'an update with no base',
      { type: 'updateNode', id: 'a', text: 'x' },
      'either the version it was based on or the values it expects',
    ],
    [
      'an id with spaces',
      { type: 'createNode', id: 'a b', kind: 'CLAIM', text: 'ok', x: 0, y: 0 },
      'An id may contain only',
    ],
    ['an unknown op', { type: 'explode' }, "Expected 'createNode'"],
  ])('rejects %s', (_name, input, message) => {
    const result = ZOp.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(' ')).toContain(message);
  });

  it('accepts a text of exactly 5000 characters and trims surrounding space', () => {
    expect(
      ZOp.parse({ type: 'createNode', id: 'a', kind: 'CLAIM', text: 'x'.repeat(5000), x: 0, y: 0 }),
    ).toBeTruthy();
    expect(
      ZOp.parse({ type: 'createNode', id: 'a', kind: 'CLAIM', text: '  hi  ', x: 0, y: 0 }),
    ).toMatchObject({ text: 'hi' });
  });
});

describe('applying ops', () => {
  it('creates, edits, moves and deletes a node, bumping its version on content edits only', () => {
    let state = build(node('a'));
    expect(state.nodes.get('a')).toMatchObject({ text: 'Claim a', version: 1, deleted: false });
    state = applyOp(
      state,
      op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Edited', kind: 'PREMISE' }),
    ).state;
    expect(state.nodes.get('a')).toMatchObject({ text: 'Edited', kind: 'PREMISE', version: 2 });
    state = applyOp(state, op({ type: 'moveNodes', moves: [{ id: 'a', x: 10, y: 20 }] })).state;
    expect(state.nodes.get('a')).toMatchObject({ x: 10, y: 20, version: 2 });
    state = applyOp(state, op({ type: 'deleteNode', id: 'a' })).state;
    expect(state.nodes.get('a')).toMatchObject({ deleted: true, version: 2 });
  });

  it('deletes the edges of a deleted node with it, and undo brings both back', () => {
    const before = build(
      node('a'),
      node('b'),
      node('c'),
      edge('ab', 'a', 'b'),
      edge('cb', 'c', 'b', 'ATTACKS'),
    );
    const del = op({ type: 'deleteNode', id: 'b' });
    const after = applyOp(before, del);
    expect(after.changedEdges.sort()).toEqual(['ab', 'cb']);
    expect([...after.state.edges.values()].every((e) => e.deleted)).toBe(true);
    const undone = applyOp(after.state, invertOp(before, del)).state;
    expect(content(undone)).toEqual(content(before));
  });

  it('refuses a stale text edit and reports the current node', () => {
    const state = applyOp(
      build(node('a')),
      op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Theirs' }),
    ).state;
    try {
      applyOp(state, op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Mine' }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OpError);
      expect((error as OpError).code).toBe('STALE_VERSION');
      expect((error as OpError).current).toMatchObject({ text: 'Theirs', version: 2 });
    }
  });

  it.each([
    [
      'an edge from a node to itself',
      () => applyOp(build(node('a')), edge('aa', 'a', 'a')),
      'VALIDATION_FAILED',
    ],
    [
      'a duplicate edge',
      () => applyOp(build(node('a'), node('b'), edge('ab', 'a', 'b')), edge('ab2', 'a', 'b')),
      'DUPLICATE_EDGE',
    ],
    [
      'an edge to a missing node',
      () => applyOp(build(node('a')), edge('ax', 'a', 'x')),
      'NOT_FOUND',
    ],
    [
      'an edge to a deleted node',
      () =>
        applyOp(
          build(node('a'), node('b'), op({ type: 'deleteNode', id: 'b' })),
          edge('ab', 'a', 'b'),
        ),
      'DELETED',
    ],
    [
      'an edit of a deleted node',
      () =>
        applyOp(
          build(node('a'), op({ type: 'deleteNode', id: 'a' })),
          op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'x' }),
        ),
      'DELETED',
    ],
    ['a second node with the same id', () => applyOp(build(node('a')), node('a')), 'ID_TAKEN'],
    [
      'reconnecting an edge onto itself',
      () =>
        applyOp(
          build(node('a'), node('b'), edge('ab', 'a', 'b')),
          op({ type: 'updateEdge', id: 'ab', baseVersion: 1, toId: 'a' }),
        ),
      'VALIDATION_FAILED',
    ],
  ])('refuses %s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });

  it('allows the same two nodes to be joined by different relations', () => {
    const state = build(
      node('a'),
      node('b'),
      edge('ab', 'a', 'b'),
      edge('ab-attack', 'a', 'b', 'ATTACKS'),
    );
    expect(state.edges.size).toBe(2);
  });

  it('lets a user undo their edit after deleting and restoring the node', () => {
    const edit = op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Mine' });
    const start = build(node('a', 'Original'));
    const edited = applyOp(start, edit).state;
    const undoEdit = invertOp(start, edit);
    const del = op({ type: 'deleteNode', id: 'a' });
    const deleted = applyOp(edited, del).state;
    const restored = applyOp(deleted, invertOp(edited, del)).state;
    expect(applyOp(restored, undoEdit).state.nodes.get('a')!.text).toBe('Original');
  });

  it('undoes two edits of the same node in a row (regression: seed 317684320)', () => {
    const first = op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'edited' });
    const second = op({ type: 'updateNode', id: 'a', baseVersion: 2, text: 'edited' });
    const s0 = build(node('a', 'Original'));
    const s1 = applyOp(s0, first).state;
    const s2 = applyOp(s1, second).state;
    const s3 = applyOp(s2, invertOp(s1, second)).state;
    expect(applyOp(s3, invertOp(s0, first)).state.nodes.get('a')!.text).toBe('Original');
  });

  it('refuses to undo an edit over a later edit by someone else', () => {
    const edit = op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Mine' });
    const start = build(node('a', 'Original'));
    const theirs = applyOp(
      applyOp(start, edit).state,
      op({ type: 'updateNode', id: 'a', baseVersion: 2, text: 'Theirs' }),
    ).state;
    expect(codeOf(() => applyOp(theirs, invertOp(start, edit)))).toBe('STALE_VERSION');
  });

  it('applies a batch all or nothing, naming the change at fault', () => {
    const start = build(node('a'));
    expect(() => applyOps(start, [node('b'), edge('bb', 'b', 'b')])).toThrow(
      'Change 2 of 2: A node cannot be connected to itself',
    );
    expect(start.nodes.has('b')).toBe(false);
  });
});

// ── Property tests ──

const IDS = ['n1', 'n2', 'n3', 'n4', 'n5'];
const EDGE_IDS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];

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
);

/** Applies what applies; an op refused with OpError leaves the state as it was. */
function run(
  ops: TOp[],
  each?: (before: GraphState, op: TOp, after: GraphState) => void,
): GraphState {
  let state = graphStateOf([], []);
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
});
