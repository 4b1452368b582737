// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArgumentNode } from '@/components/map/argument-node';
import { ConflictDialog } from '@/components/map/conflict-dialog';
import { NodeEditingContext } from '@/components/map/editor-context';
import { useMapShortcuts } from '@/components/map/use-map-shortcuts';
import { useTextEditing } from '@/components/map/use-text-editing';
import { MapStore, type SendResult, type StoreNotice } from '@/lib/client/map-store';
import { toFlowNodes, type ArgumentFlowNode } from '@/lib/client/to-flow';
import { graphStateOf, type TOp } from '@/lib/domain/ops';

afterEach(cleanup);

const ORIGINAL = 'Russia is a credible guarantor.';

/** Where the store's notices go: the workspace's notice, once it is drawn. */
let tellWorkspace: (notice: StoreNotice) => void = () => {};

/** A map holding one claim, and what its store sent to the server. */
function mapWithOneClaim() {
  const sent: TOp[][] = [];
  const store = new MapStore(
    graphStateOf(
      [
        {
          id: 'claim-1',
          kind: 'CLAIM',
          text: ORIGINAL,
          side: 'NEUTRAL',
          x: 0,
          y: 0,
          version: 1,
          anchor: null,
          card: null,
          tags: [],
          deleted: false,
        },
      ],
      [],
    ),
    async (ops): Promise<SendResult> => {
      sent.push(ops);
      return { ok: true, seq: sent.length };
    },
    (notice) => tellWorkspace(notice),
  );
  return { store, sent };
}

/** The map's shortcuts, as an editor has them, with every command a spy. */
const commands = () => ({
  addClaim: vi.fn(),
  autoLayout: vi.fn(async () => {}),
  setConnectFrom: vi.fn(),
  setEditingId: vi.fn(),
  addReason: vi.fn(),
  toggleFocus: vi.fn(),
  toggleCollapsed: vi.fn(),
});

/** One card as the workspace draws it: its text editing, and the map's shortcuts live around it. */
function Workspace({ store, spies }: { store: MapStore; spies: ReturnType<typeof commands> }) {
  const { view } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [notice, setNotice] = useState<StoreNotice | null>(null);
  useEffect(() => {
    tellWorkspace = setNotice;
  }, []);
  const text = useTextEditing({ store, canEdit: true, setNotice, select: () => {} });
  useMapShortcuts({
    editing: spies,
    selectedNodeId: 'claim-1',
    setSelectedNodeId: () => {},
    toggleCollapsed: spies.toggleCollapsed,
    toggleFocus: spies.toggleFocus,
    store: null,
  });
  const [node] = toFlowNodes({ nodes: [view.nodes.get('claim-1')!], sources: [] });
  const props = { ...node!, selected: true } as unknown as NodeProps<ArgumentFlowNode>;
  return (
    <ReactFlowProvider>
      <NodeEditingContext.Provider value={text.nodeEditing}>
        <div role="application" aria-label="Canvas" tabIndex={0} />
        <button type="button" onClick={() => text.setEditingId('claim-1')}>
          Edit text
        </button>
        <ArgumentNode {...props} />
        {notice?.conflict && (
          <ConflictDialog
            conflict={notice.conflict}
            onKeepTheirs={() => text.resolveConflict.keepTheirs()}
            onUseMine={() => text.resolveConflict.useMine(notice.conflict!)}
            onMerge={() => text.resolveConflict.merge(notice.conflict!)}
          />
        )}
      </NodeEditingContext.Provider>
    </ReactFlowProvider>
  );
}

async function openEditor() {
  const { store, sent } = mapWithOneClaim();
  const spies = commands();
  const user = userEvent.setup();
  render(<Workspace store={store} spies={spies} />);
  await user.click(screen.getByRole('button', { name: 'Edit text' }));
  const editor = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Node text' });
  return { store, sent, spies, user, editor };
}

describe('the card editor', () => {
  it('opens with the focus in it and its text selected, so typing replaces the text', async () => {
    const { editor } = await openEditor();
    expect(document.activeElement).toBe(editor);
    expect(editor.value).toBe(ORIGINAL);
    expect([editor.selectionStart, editor.selectionEnd]).toEqual([0, ORIGINAL.length]);
  });

  it('saves the typed text on Enter, as an edit of the version it started from', async () => {
    const { store, sent, user } = await openEditor();
    await user.keyboard('Russia armed both sides.{Enter}');
    expect(screen.queryByRole('textbox', { name: 'Node text' })).toBeNull();
    expect(screen.getByText('Russia armed both sides.')).toBeTruthy();
    await store.settled();
    expect(sent).toEqual([
      [{ type: 'updateNode', id: 'claim-1', baseVersion: 1, text: 'Russia armed both sides.' }],
    ]);
  });

  it('keeps Shift+Enter as a new line in the text', async () => {
    const { store, sent, user, editor } = await openEditor();
    await user.keyboard('First line{Shift>}{Enter}{/Shift}second line');
    expect(editor.value).toBe('First line\nsecond line');
    await user.keyboard('{Enter}');
    await store.settled();
    expect(sent).toEqual([
      [{ type: 'updateNode', id: 'claim-1', baseVersion: 1, text: 'First line\nsecond line' }],
    ]);
  });

  it('cancels on Escape: the card shows its text as it was, and nothing is sent', async () => {
    const { store, sent, user } = await openEditor();
    await user.keyboard('Something else entirely');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Node text' })).toBeNull();
    expect(screen.getByText(ORIGINAL)).toBeTruthy();
    expect(screen.queryByText('Something else entirely')).toBeNull();
    await store.settled();
    expect(sent).toEqual([]);
  });

  it('keeps letters typed in it from the map’s shortcuts (N adds a claim, F focuses, K connects)', async () => {
    const { spies, user, editor } = await openEditor();
    await user.keyboard('nfk knife');
    expect(editor.value).toBe('nfk knife');
    expect(spies.addClaim).not.toHaveBeenCalled();
    expect(spies.toggleFocus).not.toHaveBeenCalled();
    expect(spies.setConnectFrom).not.toHaveBeenCalled();

    // The same keys on the canvas are the map's.
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('application', { name: 'Canvas' }));
    await user.keyboard('nfk');
    expect(spies.addClaim).toHaveBeenCalledTimes(1);
    expect(spies.toggleFocus).toHaveBeenCalledTimes(1);
    expect(spies.setConnectFrom).toHaveBeenCalledWith('claim-1');
  });

  it('offers the conflict choice, instead of overwriting, when someone else saved the text while it was open', async () => {
    const { store, sent, user, editor } = await openEditor();
    await user.keyboard('Russia armed both sides.');
    // Another user's edit of the same card (version 1 → 2) arrives through the stream.
    const theirs = 'Russia is a guarantor only on paper.';
    act(() =>
      store.receive({
        seq: 1,
        actorId: 'someone-else',
        key: null,
        ops: [{ type: 'updateNode', id: 'claim-1', baseVersion: 1, text: theirs }],
      }),
    );
    expect(editor.value).toBe('Russia armed both sides.');
    await user.keyboard('{Enter}');

    const dialog = screen.getByRole('dialog', { name: 'Someone else changed this text first' });
    expect(screen.getByRole('region', { name: 'Their version' }).textContent).toContain(theirs);
    expect(screen.getByRole('region', { name: 'Your version' }).textContent).toContain(
      'Russia armed both sides.',
    );
    await store.settled();
    expect(sent).toEqual([]);
    expect(store.getView().nodes.get('claim-1')!.text).toBe(theirs);

    // Merging opens the editor with both texts; saving it is an edit of their version.
    await user.click(screen.getByRole('button', { name: 'Merge both and edit' }));
    expect(dialog.isConnected).toBe(false);
    const merged = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Node text' });
    expect(merged.value).toBe(`${theirs}\n\nRussia armed both sides.`);
    await user.click(merged);
    await user.keyboard('{Enter}');
    await store.settled();
    expect(sent).toEqual([
      [
        {
          type: 'updateNode',
          id: 'claim-1',
          baseVersion: 2,
          text: `${theirs}\n\nRussia armed both sides.`,
        },
      ],
    ]);
  });
});
