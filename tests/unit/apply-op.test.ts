import { describe, expect, it } from 'vitest';
import { applyOp, applyOps, invertOp, OpError } from '@/lib/domain/ops';
import { build, codeOf, content, edge, node, op } from '../support/ops';

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

  it('applies a batch all or nothing, naming the change at fault', () => {
    const start = build(node('a'));
    expect(() => applyOps(start, [node('b'), edge('bb', 'b', 'b')])).toThrow(
      'Change 2 of 2: A node cannot be connected to itself',
    );
    expect(start.nodes.has('b')).toBe(false);
  });
});

describe('a contradiction (no direction)', () => {
  const pair = () => build(node('a'), node('b'), edge('ab', 'a', 'b', 'CONTRADICTS'));
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof OpError) return `${error.code}: ${error.message}`;
      throw error;
    }
    return 'applied';
  };

  it('joins two statements once, whichever way round it is drawn', () => {
    const state = pair();
    expect(state.edges.get('ab')?.relation).toBe('CONTRADICTS');
    expect(refusal(() => applyOp(state, edge('ba', 'b', 'a', 'CONTRADICTS')))).toBe(
      'DUPLICATE_EDGE: These two statements already contradict each other',
    );
    expect(refusal(() => applyOp(state, edge('ab2', 'a', 'b', 'CONTRADICTS')))).toBe(
      'DUPLICATE_EDGE: These two statements already contradict each other',
    );
    // An attack either way is another relation, and may stand beside it.
    expect(refusal(() => applyOp(state, edge('ba', 'b', 'a', 'ATTACKS')))).toBe('applied');
  });

  it('refuses turning an attack into a second contradiction of the same pair, and bringing one back over another', () => {
    const state = build(
      node('a'),
      node('b'),
      edge('ab', 'a', 'b', 'CONTRADICTS'),
      edge('ba', 'b', 'a', 'ATTACKS'),
    );
    expect(
      refusal(() =>
        applyOp(
          state,
          op({ type: 'updateEdge', id: 'ba', baseVersion: 1, relation: 'CONTRADICTS' }),
        ),
      ),
    ).toMatch(/^DUPLICATE_EDGE/);
    const reversedLater = applyOps(build(node('a'), node('b')), [
      edge('ab', 'a', 'b', 'CONTRADICTS'),
      op({ type: 'deleteEdge', id: 'ab' }),
      edge('ba', 'b', 'a', 'CONTRADICTS'),
    ]).state;
    expect(refusal(() => applyOp(reversedLater, op({ type: 'restoreEdge', id: 'ab' })))).toMatch(
      /^DUPLICATE_EDGE/,
    );
  });

  it('refuses a statement contradicting itself', () => {
    expect(refusal(() => applyOp(build(node('a')), edge('aa', 'a', 'a', 'CONTRADICTS')))).toBe(
      'VALIDATION_FAILED: A statement cannot contradict itself',
    );
  });

  it('is never part of a linked group', () => {
    const start = build(node('a'), node('b'), node('c'), edge('ac', 'a', 'c'));
    const grouped = op({
      type: 'createEdge',
      id: 'bc',
      fromId: 'b',
      toId: 'c',
      relation: 'CONTRADICTS',
      groupId: 'g1',
    });
    expect(refusal(() => applyOp(start, grouped))).toMatch(
      /^VALIDATION_FAILED: A contradiction joins/,
    );
    const linked = build(
      node('a'),
      node('b'),
      node('c'),
      op({
        type: 'createEdge',
        id: 'ac',
        fromId: 'a',
        toId: 'c',
        relation: 'SUPPORTS',
        groupId: 'g1',
      }),
      op({
        type: 'createEdge',
        id: 'bc',
        fromId: 'b',
        toId: 'c',
        relation: 'SUPPORTS',
        groupId: 'g1',
      }),
    );
    const relabel = op({ type: 'updateEdge', id: 'bc', baseVersion: 1, relation: 'CONTRADICTS' });
    expect(refusal(() => applyOp(linked, relabel))).toMatch(/^VALIDATION_FAILED/);
    // Leaving the group in the same edit is allowed.
    const leaving = op({
      type: 'updateEdge',
      id: 'bc',
      baseVersion: 1,
      relation: 'CONTRADICTS',
      groupId: null,
    });
    expect(applyOp(linked, leaving).state.edges.get('bc')).toMatchObject({
      relation: 'CONTRADICTS',
      groupId: null,
    });
  });

  it('carries no scheme and answers no critical question', () => {
    const schemed = op({
      type: 'createEdge',
      id: 'ab',
      fromId: 'a',
      toId: 'b',
      relation: 'CONTRADICTS',
      scheme: 'expert-opinion',
    });
    expect(refusal(() => applyOp(build(node('a'), node('b')), schemed))).toBe(
      'VALIDATION_FAILED: A contradiction cannot have a scheme or answer a critical question',
    );
    const tagged = build(
      node('a'),
      node('b'),
      op({
        type: 'createEdge',
        id: 'ab',
        fromId: 'a',
        toId: 'b',
        relation: 'SUPPORTS',
        scheme: 'expert-opinion',
      }),
    );
    const relabel = op({ type: 'updateEdge', id: 'ab', baseVersion: 1, relation: 'CONTRADICTS' });
    expect(refusal(() => applyOp(tagged, relabel))).toMatch(/^VALIDATION_FAILED/);
    // Untagging in the same edit is allowed, and undo restores the support with its scheme.
    const untag = op({
      type: 'updateEdge',
      id: 'ab',
      baseVersion: 1,
      relation: 'CONTRADICTS',
      scheme: null,
    });
    const after = applyOp(tagged, untag).state;
    expect(after.edges.get('ab')).toMatchObject({ relation: 'CONTRADICTS', scheme: null });
    const undone = applyOp(after, invertOp(tagged, untag)).state;
    expect(undone.edges.get('ab')).toMatchObject({
      relation: 'SUPPORTS',
      scheme: 'expert-opinion',
    });
  });
});
