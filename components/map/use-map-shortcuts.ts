'use client';

import { useShortcuts, type Shortcut } from '@/lib/client/shortcuts';

/** The id of the node `target` belongs to, if React Flow shows it selected. */
function selectedNodeAt(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest('.react-flow__node') : null;
  return element?.classList.contains('selected') ? element.getAttribute('data-id') : null;
}

/** The editor's commands the keyboard reaches. */
type EditorCommands = {
  addClaim: () => void;
  autoLayout: () => Promise<void>;
  setConnectFrom: (id: string) => void;
  setEditingId: (id: string) => void;
  addReason: (parentId: string, kind: 'PREMISE' | 'OBJECTION') => void;
};

type Options = {
  /** The editor's commands; null on a map the reader may not edit. */
  editing: EditorCommands | null;
  selectedNodeId: string | null;
  setSelectedNodeId: (id: string | null) => void;
  toggleCollapsed: (id: string) => void;
  toggleFocus: (id: string | null) => void;
  /**
   * Whose undo and redo Ctrl+Z and Ctrl+Shift+Z reach: the map's, for an
   * editor (null otherwise). Comments and notes are undone in their panels.
   */
  store: { undo: () => void; redo: () => void } | null;
};

/**
 * The map's keyboard shortcuts (listed in the help panel). A node's own
 * shortcuts read the selection from the DOM first: it reaches React state
 * through React Flow's effects, possibly after the key press.
 */
export function useMapShortcuts({
  editing,
  selectedNodeId,
  setSelectedNodeId,
  toggleCollapsed,
  toggleFocus,
  store,
}: Options) {
  /** The node a key acts on: the selected node it was pressed on, else the selection. */
  const target = (event: KeyboardEvent) => selectedNodeAt(event.target) ?? selectedNodeId;

  const forEveryone: Shortcut[] = [
    {
      key: 'c',
      run: (event) => {
        const id = target(event);
        if (!id) return false;
        toggleCollapsed(id);
      },
    },
    { key: 'f', run: (event) => toggleFocus(target(event)) },
    {
      key: 'Escape',
      keepDefault: true,
      run: (event) => {
        if (!selectedNodeAt(event.target)) return false;
        setSelectedNodeId(null);
      },
    },
  ];
  // The map's undo takes back edits of the map only (the discussion and team
  // notes have their own, where they are written: see UndoArea).
  const undoShortcuts: Shortcut[] = store
    ? [
        { key: 'z', mod: true, run: (event) => (event.shiftKey ? store.redo() : store.undo()) },
        { key: 'y', mod: true, run: () => store.redo() },
      ]
    : [];
  useShortcuts(
    editing
      ? [...forEveryone, ...undoShortcuts, ...editorShortcuts(editing, setSelectedNodeId, target)]
      : [...forEveryone, ...undoShortcuts],
  );
}

/** What only editors may do from the keyboard. */
function editorShortcuts(
  editing: EditorCommands,
  setSelectedNodeId: (id: string | null) => void,
  target: (event: KeyboardEvent) => string | null,
): Shortcut[] {
  return [
    { key: 'n', run: () => editing.addClaim() },
    { key: 'l', run: () => void editing.autoLayout() },
    {
      key: 'k',
      run: (event) => {
        const id = target(event);
        if (!id) return false;
        editing.setConnectFrom(id);
      },
    },
    {
      key: 'Enter',
      run: (event) => {
        const id = selectedNodeAt(event.target);
        if (!id) return false;
        setSelectedNodeId(id);
        editing.setEditingId(id);
      },
    },
    {
      key: 'Tab',
      run: (event) => {
        const id = selectedNodeAt(event.target);
        if (!id) return false;
        editing.addReason(id, event.shiftKey ? 'OBJECTION' : 'PREMISE');
      },
    },
  ];
}
