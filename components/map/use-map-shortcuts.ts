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
  /** Undo and redo the latest own change, of the map or of comments and notes. */
  undo: () => void;
  redo: () => void;
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
  undo,
  redo,
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
    // Undo works for everyone with something to undo: commenters undo their comments and notes.
    { key: 'z', mod: true, run: (event) => (event.shiftKey ? redo() : undo()) },
    { key: 'y', mod: true, run: () => redo() },
  ];
  useShortcuts(
    editing
      ? [...forEveryone, ...editorShortcuts(editing, setSelectedNodeId, target)]
      : forEveryone,
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
