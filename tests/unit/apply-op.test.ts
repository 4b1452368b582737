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
