import { describe, expect, it } from 'vitest';
import { describeBatch, invertOps, rewind } from '@/lib/domain/history';
import { applyOps, graphStateOf, type GraphState, type TOp } from '@/lib/domain/ops';
import { content, op } from '../support/ops';

describe('rewinding and describing the log', () => {
  it('rewinds a graph to any earlier point by applying later inverses, newest first', () => {
    let state = graphStateOf([], []);
    const states: GraphState[] = [state];
    const inverses: TOp[][] = [];
    const batches: TOp[][] = [
      [op({ type: 'createNode', id: 'a', kind: 'CLAIM', text: 'A', x: 0, y: 0 })],
      [
        op({ type: 'createNode', id: 'b', kind: 'PREMISE', text: 'B', x: 0, y: 100 }),
        op({ type: 'createEdge', id: 'ab', fromId: 'b', toId: 'a', relation: 'SUPPORTS' }),
      ],
      [op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'A, edited' })],
      [op({ type: 'moveNodes', moves: [{ id: 'b', x: 50, y: 50 }] })],
      [op({ type: 'deleteNode', id: 'b' })],
    ];
    for (const batch of batches) {
      inverses.push(invertOps(state, batch));
      state = applyOps(state, batch).state;
      states.push(state);
    }
    for (let at = 0; at < batches.length; at++) {
      expect(content(rewind(state, inverses.slice(at)))).toEqual(content(states[at]!));
    }
  });

  it('gives back the versions the entities had then, so a past view is the graph as it was', () => {
    let state = graphStateOf([], []);
    const states: GraphState[] = [state];
    const inverses: TOp[][] = [];
    const batches: TOp[][] = [
      [
        op({ type: 'createNode', id: 'a', kind: 'CLAIM', text: 'A', x: 0, y: 0 }),
        op({ type: 'createNode', id: 'b', kind: 'PREMISE', text: 'B', x: 0, y: 100 }),
        op({ type: 'createEdge', id: 'ab', fromId: 'b', toId: 'a', relation: 'SUPPORTS' }),
      ],
      [
        op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'A, edited' }),
        op({ type: 'updateNode', id: 'a', baseVersion: 2, kind: 'PREMISE' }),
      ],
      [op({ type: 'updateEdge', id: 'ab', baseVersion: 1, relation: 'ATTACKS' })],
      [op({ type: 'deleteNode', id: 'b' })],
      [op({ type: 'restoreNode', id: 'b', edgeIds: ['ab'] })],
      [op({ type: 'updateNode', id: 'b', baseVersion: 1, text: 'B, edited' })],
      // Tags leave the version alone, and rewinding them must too.
      [op({ type: 'updateNode', id: 'b', expect: { tags: [] }, tags: ['pro'] })],
      [op({ type: 'updateNode', id: 'b', baseVersion: 2, text: 'B, again' })],
    ];
    for (const batch of batches) {
      inverses.push(invertOps(state, batch));
      state = applyOps(state, batch).state;
      states.push(state);
    }
    for (let at = 0; at < batches.length; at++) {
      const live = (s: GraphState) => ({
        nodes: [...s.nodes.values()].filter((n) => !n.deleted),
        edges: [...s.edges.values()].filter((e) => !e.deleted),
      });
      expect(live(rewind(state, inverses.slice(at)))).toEqual(live(states[at]!));
    }
  });

  it('describes a batch in words a teacher can scan', () => {
    const names = new Map([
      ['a', 'Russia failed Armenia'],
      ['b', 'The CSTO is not NATO'],
    ]);
    const nameOf = (id: string) => names.get(id) ?? null;
    expect(
      describeBatch(
        [op({ type: 'createNode', id: 'a', kind: 'CLAIM', text: 'x', x: 0, y: 0 })],
        'do',
        nameOf,
      ),
    ).toBe('added claim “Russia failed Armenia”');
    expect(
      describeBatch(
        [op({ type: 'createEdge', id: 'e', fromId: 'b', toId: 'a', relation: 'ATTACKS' })],
        'do',
        nameOf,
      ),
    ).toBe('connected “The CSTO is not NATO” attacks “Russia failed Armenia”');
    expect(
      describeBatch(
        [
          op({
            type: 'moveNodes',
            moves: [
              { id: 'a', x: 1, y: 1 },
              { id: 'b', x: 2, y: 2 },
            ],
          }),
        ],
        'undo',
        nameOf,
      ),
    ).toBe('Undid: moved 2 nodes');
    expect(
      describeBatch(
        [
          op({
            type: 'updateNode',
            id: 'a',
            baseVersion: 1,
            card: { underline: [], highlight: [] },
          }),
          op({ type: 'markCard', id: 'a', layer: 'highlight', range: [0, 4], on: true }),
        ],
        'do',
        nameOf,
      ),
    ).toBe('cut “Russia failed Armenia” as a card, highlighted words of “Russia failed Armenia”');
    expect(
      describeBatch(
        [op({ type: 'updateNode', id: 'a', expect: { tags: [] }, tags: ['pro'] })],
        'do',
        nameOf,
      ),
    ).toBe('changed the tags of “Russia failed Armenia”');
  });
});
