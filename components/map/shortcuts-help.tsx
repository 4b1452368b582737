'use client';

import { useRef } from 'react';
import { useShortcuts } from '@/lib/client/shortcuts';
import styles from './dialog.module.css';

/** [keys, what they do, editors only] */
const SHORTCUTS: [string, string, boolean][] = [
  ['/', 'Find a node by its text (Enter: next match, Shift+Enter: previous)', false],
  ['Tab, then Enter or Space', 'Move to a node and select it', false],
  [
    '↑ ↓ ← → (on a node)',
    'Move to what it bears on, to its reasons, or to the reasons beside it',
    false,
  ],
  [
    'E (on a node)',
    'Move to its connections: arrow keys or E for the next, Escape back to the node',
    false,
  ],
  ['F6, Shift + F6', 'Move between the map, the side panel and the page header', false],
  ['C (on a selected node)', 'Hide or show the reasons below it', false],
  ['F', 'Focus on the selected claim and its neighbourhood; F again shows the whole map', false],
  ['Shift + click, Ctrl/⌘ + click', 'Select several nodes', false],
  ['Shift + drag on the canvas', 'Select every node in a box', false],
  ['Escape (on a selected node)', 'Clear the selection, so Tab moves on through the page', false],
  [
    'Enter (on a selected node)',
    'Edit its text; Enter saves, Shift+Enter is a new line, Escape cancels',
    true,
  ],
  ['Double-click a node', 'Edit its text', true],
  ['Double-click empty canvas', 'Add a claim there', true],
  ['Tab (on a selected node)', 'Add a premise that supports it', true],
  ['Shift + Tab (on a selected node)', 'Add an objection to it', true],
  ['K (on a selected node)', 'Connect it to another node, chosen by its text', true],
  ['N', 'Add a claim', true],
  ['L', 'Auto-layout the map (top-down or left-to-right, as chosen in the toolbar)', true],
  ['Delete or Backspace', 'Delete the selected nodes or connection', true],
  ['Ctrl/⌘ + Z', 'Undo (also after reloading the page)', true],
  ['Shift + Ctrl/⌘ + Z, or Ctrl + Y', 'Redo', true],
  ['Drag from a node’s edge to another node', 'Connect them, as chosen under “Connect as”', true],
  [
    'Drag from a node’s edge to empty canvas',
    'Add a connected node; you choose how it relates',
    true,
  ],
  ['Drag the end of a selected connection', 'Reconnect it to another node', true],
  ['Select text in the source reader', 'Make a claim or evidence that quotes it', true],
  [
    'In the outline: ↑ ↓ → ← Home End, letters',
    'Move between rows, open or close a row, jump to the row starting with those letters',
    false,
  ],
  ['In the outline: Enter or F2', 'Edit the row’s text (on a “see …” row: go to its place)', true],
  ['In the outline: + or -', 'Add a premise that supports the row, or an objection to it', true],
  ['In the outline: Ctrl/⌘ + M', 'Move the row under another node, chosen by its text', true],
  ['In the outline: Delete', 'Delete the row’s node (on a “see …” row: that connection)', true],
  ['?', 'Show this list', false],
];

/** The list of keyboard shortcuts, in a modal dialog opened by its button or "?". */
export function ShortcutsHelp({ canEdit }: { canEdit: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useShortcuts([{ key: '?', run: () => dialog.current?.showModal() }]);
  const rows = SHORTCUTS.filter(([, , editorsOnly]) => canEdit || !editorsOnly);
  return (
    <>
      <button
        type="button"
        className={`button button--quiet ${styles.opener}`}
        onClick={() => dialog.current?.showModal()}
        aria-keyshortcuts="?"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
      >
        ?
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="help-title">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <dl>
          {rows.map(([keys, what]) => (
            <div key={keys} className={styles.row}>
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
