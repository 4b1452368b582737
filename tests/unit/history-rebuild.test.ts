import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MapStore } from '@/lib/client/map-store';
import { invertOps, rebuildHistory, type Intent, type LoggedBatch } from '@/lib/domain/history';
import { applyOps, graphStateOf, type GraphState, type TOp } from '@/lib/domain/ops';
import { op } from '../support/ops';

/** A server stand-in that applies batches and logs them as the op route does: with intent and inverse. */
function loggingServer() {
  let state: GraphState = graphStateOf([], []);
  const log: LoggedBatch[] = [];
  return {
    log,
    state: () => state,
    send: async (ops: TOp[], key: string, intent: Intent) => {
      const inverse = invertOps(state, ops);
      state = applyOps(state, ops).state;
      log.push({ key, intent, inverse });
      return { ok: true as const, seq: log.length };
    },
  };
}

const view = (store: MapStore) =>
  [...store.getView().nodes.values()]
    .filter((n) => !n.deleted)
    .map((n) => `${n.id}:${n.text}@${n.x},${n.y}`)
    .sort()
    .join('|');

/** Every state reached by undoing all the way back, then redoing all the way forward. */
function walk(store: MapStore): string[] {
  const seen = [view(store)];
  while (store.undo()) seen.push(view(store));
  while (store.redo()) seen.push(view(store));
  return seen;
}

describe('undo history rebuilt from the op log', () => {
  it('keeps undo and redo steps across a reload', async () => {
    const server = loggingServer();
    const store = new MapStore(graphStateOf([], []), server.send);
    store.perform([op({ type: 'createNode', id: 'a', kind: 'CLAIM', text: 'First', x: 0, y: 0 })]);
    store.perform([op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Second' })]);
    store.perform([op({ type: 'moveNodes', moves: [{ id: 'a', x: 40, y: 80 }] })]);
    store.undo();
    await store.settled();

    const reloaded = new MapStore(server.state(), server.send, () => {}, {
      history: rebuildHistory(server.log),
      seq: server.log.length,
    });
    expect(reloaded.canRedo).toBe(true);
    expect(reloaded.redo()).toBe(true);
    expect(view(reloaded)).toBe('a:Second@40,80');
    expect(reloaded.undo() && reloaded.undo()).toBe(true);
    expect(view(reloaded)).toBe('a:First@0,0');
    expect(reloaded.undo()).toBe(true);
    expect(view(reloaded)).toBe('');
    expect(reloaded.canUndo).toBe(false);
  });

  it('a new change after undoing clears the redo steps, as it did before the reload', () => {
    const step = (key: string, intent: Intent): LoggedBatch => ({
      key,
      intent,
      inverse: [op({ type: 'deleteNode', id: key })],
    });
    const history = rebuildHistory([
      step('a', 'do'),
      step('b', 'do'),
      step('u', 'undo'),
      step('c', 'do'),
    ]);
    expect(history.undo.map((h) => h.key)).toEqual(['a', 'c']);
    expect(history.redo).toEqual([]);
  });

  it('a change that cannot be undone is no step; undoing or redoing into one only takes its step off', () => {
    const step = (key: string, intent: Intent, undoable = true): LoggedBatch => ({
      key,
      intent,
      inverse: undoable ? [op({ type: 'deleteNode', id: key })] : null,
    });
    // a, then an undoable b; undo b (its undo cannot be redone): b is gone, no redo step.
    let history = rebuildHistory([step('a', 'do'), step('b', 'do'), step('ub', 'undo', false)]);
    expect([history.undo.map((h) => h.key), history.redo]).toEqual([['a'], []]);
    // A change without an inverse leaves the stacks alone, redo steps included.
    history = rebuildHistory([step('a', 'do'), step('ua', 'undo'), step('x', 'do', false)]);
    expect([history.undo, history.redo.map((h) => h.key)]).toEqual([[], ['ua']]);
  });

  it('ignores undos of steps older than the loaded part of the log, and keeps only the latest steps', () => {
    const step = (key: string, intent: Intent): LoggedBatch => ({ key, intent, inverse: [] });
    expect(rebuildHistory([step('u1', 'undo'), step('u2', 'undo')]).redo.map((h) => h.key)).toEqual(
      ['u1', 'u2'],
    );
    expect(
      rebuildHistory([step('a', 'do'), step('b', 'do'), step('c', 'do')], 2).undo.map((h) => h.key),
    ).toEqual(['b', 'c']);
  });

  it('for any sequence of edits, undos and redos, the rebuilt history walks through the same states as the live one', async () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('create' as const) }),
      fc.record({
        kind: fc.constant('edit' as const),
        pick: fc.nat(),
        text: fc
          .string({ minLength: 1, maxLength: 6 })
          .filter((t) => t.trim() === t && t.length > 0),
      }),
      fc.record({
        kind: fc.constant('move' as const),
        pick: fc.nat(),
        x: fc.integer({ min: -500, max: 500 }),
      }),
      fc.record({ kind: fc.constant('undo' as const) }),
      fc.record({ kind: fc.constant('redo' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 30 }), async (actions) => {
        const server = loggingServer();
        const store = new MapStore(graphStateOf([], []), server.send);
        let created = 0;
        for (const a of actions) {
          const live = [...store.getView().nodes.values()].filter((n) => !n.deleted);
          if (a.kind === 'create')
            store.perform([
              op({
                type: 'createNode',
                id: `n${created++}`,
                kind: 'CLAIM',
                text: 'New',
                x: 0,
                y: 0,
              }),
            ]);
          else if (a.kind === 'undo') store.undo();
          else if (a.kind === 'redo') store.redo();
          else if (live.length > 0) {
            const node = live[a.pick % live.length]!;
            if (a.kind === 'edit' && a.text !== node.text)
              store.perform([
                op({ type: 'updateNode', id: node.id, baseVersion: node.version, text: a.text }),
              ]);
            if (a.kind === 'move')
              store.perform([op({ type: 'moveNodes', moves: [{ id: node.id, x: a.x, y: 0 }] })]);
          }
        }
        await store.settled();
        const reloaded = new MapStore(server.state(), server.send, () => {}, {
          history: rebuildHistory(server.log),
          seq: server.log.length,
        });
        expect(walk(reloaded)).toEqual(walk(store));
      }),
      { numRuns: 150 },
    );
  });
});
