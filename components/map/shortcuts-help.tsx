'use client';

import { useEffect, useRef } from 'react';
import { isTyping } from './use-map-editing';

const SHORTCUTS: [string, string][] = [
  ['/', 'Find a node by its text (Enter: next match, Shift+Enter: previous)'],
  ['Tab, then Enter or Space', 'Move to a node and select it'],
  ['Enter (on a selected node)', 'Edit its text; Enter saves, Shift+Enter is a new line, Escape cancels'],
  ['Double-click a node', 'Edit its text'],
  ['↑ ↓ ← → (on a node)', 'Move to what it bears on, to its reasons, or to the reasons beside it'],
  ['Tab (on a selected node)', 'Add a premise that supports it'],
  ['Shift + Tab (on a selected node)', 'Add an objection to it'],
  ['Escape (on a selected node)', 'Clear the selection, so Tab moves on through the page'],
  ['N', 'Add a claim'],
  ['L', 'Auto-layout the map'],
  ['Delete or Backspace', 'Delete the selected node or connection'],
  ['Ctrl/⌘ + Z', 'Undo'],
  ['Shift + Ctrl/⌘ + Z, or Ctrl + Y', 'Redo'],
  ['Drag from a node’s top edge to another node', 'Connect them, as chosen under “New connections”'],
  ['Select text in the source reader', 'Make a claim or evidence that quotes it'],
  ['?', 'Show this list'],
];

/** The list of keyboard shortcuts, in a modal dialog opened by its button or "?". */
export function ShortcutsHelp({ canEdit }: { canEdit: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTyping(event.target)) {
        event.preventDefault();
        dialog.current?.showModal();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const editingOnly = new Set([
    'N',
    'L',
    'Delete or Backspace',
    'Ctrl/⌘ + Z',
    'Shift + Ctrl/⌘ + Z, or Ctrl + Y',
    'Double-click a node',
    'Tab (on a selected node)',
    'Shift + Tab (on a selected node)',
    'Escape (on a selected node)',
  ]);
  const rows = SHORTCUTS.filter(([keys]) => canEdit || (!editingOnly.has(keys) && !keys.startsWith('Enter (') && !keys.startsWith('Drag') && !keys.startsWith('Select text')));
  return (
    <>
      <button type="button" className="button button--quiet help-button" onClick={() => dialog.current?.showModal()} aria-keyshortcuts="?">
        Shortcuts
      </button>
      <dialog ref={dialog} className="help-dialog" aria-labelledby="help-title">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <dl>
          {rows.map(([keys, what]) => (
            <div key={keys} className="help-dialog__row">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit" className="button">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
