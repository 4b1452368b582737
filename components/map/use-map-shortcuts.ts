'use client';

import { useEffect, useRef } from 'react';
import { isTyping, type useMapEditing } from './use-map-editing';

/** The id of the node `target` belongs to, if React Flow shows it selected. */
function selectedNodeAt(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest('.react-flow__node') : null;
  return element?.classList.contains('selected') ? element.getAttribute('data-id') : null;
}

type Options = {
  /** The editor's commands; null on a map the reader may not edit. */
  editing: ReturnType<typeof useMapEditing> | null;
  selectedNodeId: string | null;
  setSelectedNodeId: (id: string | null) => void;
  toggleCollapsed: (id: string) => void;
  toggleFocus: (id: string | null) => void;
  /** Undo and redo the latest own change, of the map or of comments and notes. */
  undo: () => void;
  redo: () => void;
};

/**
 * The map's keyboard shortcuts (listed in the help panel). Keys pressed in a
 * text field belong to the field. A node's own shortcuts read the selection
 * from the DOM first: it reaches React state through React Flow's effects,
 * possibly after the key press.
 */
export function useMapShortcuts(options: Options) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey) return;
      const {
        editing,
        selectedNodeId,
        setSelectedNodeId,
        toggleCollapsed,
        toggleFocus,
        undo,
        redo,
      } = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const target = selectedNodeAt(event.target) ?? selectedNodeId;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };

      if (!mod && key === 'c' && target) return run(() => toggleCollapsed(target));
      if (!mod && key === 'f') return run(() => toggleFocus(target));
      if (key === 'escape' && selectedNodeAt(event.target)) return setSelectedNodeId(null);
      // Undo works for everyone with something to undo: commenters undo their comments and notes.
      if (mod && key === 'z') return run(() => (event.shiftKey ? redo() : undo()));
      if (mod && key === 'y') return run(() => redo());
      if (!editing || mod) return;
      if (key === 'n') return run(() => editing.addClaim());
      if (key === 'l') return run(() => void editing.autoLayout());
      if (key === 'k' && target) return run(() => editing.setConnectFrom(target));
      const onNode = selectedNodeAt(event.target);
      if (!onNode) return;
      if (key === 'enter') {
        return run(() => {
          setSelectedNodeId(onNode);
          editing.setEditingId(onNode);
        });
      }
      if (key === 'tab')
        return run(() => editing.addReason(onNode, event.shiftKey ? 'OBJECTION' : 'PREMISE'));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
