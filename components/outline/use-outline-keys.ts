'use client';

import { useState } from 'react';
import { useShortcuts, type Shortcut } from '@/lib/client/shortcuts';
import type { OutlineRow } from '@/lib/domain/outline';
import { rowText } from './outline-row';

/** The part of the page whose keys are the outline's first (see keyScope). */
export const OUTLINE_SCOPE = 'outline';

/** How long typed letters add up to one type-ahead search. */
const TYPE_AHEAD_MS = 700;

/** The letters typed lately, for type-ahead: a pause starts a new search. */
class TypedLetters {
  private text = '';
  private at = 0;
  add(letter: string): string {
    const now = performance.now();
    this.text = now - this.at > TYPE_AHEAD_MS ? letter : this.text + letter;
    this.at = now;
    return this.text;
  }
}
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

type Commands = {
  rows: OutlineRow[];
  active: OutlineRow | null;
  focusRow: (key: string) => void;
  setExpanded: (key: string, open: boolean) => void;
  /** Enter or F2: edit the text, or go to the primary place of a "see" item. */
  open: (row: OutlineRow) => void;
  /** Null for a reader: the editing keys do nothing. */
  edit: {
    addReason: (row: OutlineRow, kind: 'PREMISE' | 'OBJECTION') => void;
    move: (row: OutlineRow) => void;
    remove: (row: OutlineRow) => void;
  } | null;
};

/**
 * The outline's keys, as the WAI-ARIA tree pattern has them (↑ ↓ between
 * rows, → opens or goes to the first child, ← closes or goes to the parent,
 * Home, End, type-ahead by first letters), and its editing keys. They are
 * scoped shortcuts: pressed on the tree they come before the map's own
 * (N, L, K, C, F are letters to search by here), while the map's Ctrl+Z
 * still undoes.
 */
export function useOutlineKeys(commands: Commands) {
  // What was typed lately, mutated by the key handler alone (never read while rendering).
  const [typed] = useState(() => new TypedLetters());
  // The keys act on the row that has the focus: the active row as last
  // rendered can lag behind it for a frame (a new card's row, just saved).
  const onActive =
    (act: (row: OutlineRow, index: number) => void): Shortcut['run'] =>
    (event) => {
      const { active, rows } = commands;
      const focused =
        event.target instanceof Element ? event.target.closest('[role="treeitem"]')?.id : null;
      const row = rows.find((r) => `outline-${r.item.key}` === focused) ?? active;
      if (!row) return false;
      act(row, rows.indexOf(row));
    };
  const go = (index: number) => {
    const row = commands.rows[index];
    if (row) commands.focusRow(row.item.key);
  };

  const shortcuts: Shortcut[] = [
    { key: 'ArrowDown', run: onActive((_, i) => go(i + 1)) },
    { key: 'ArrowUp', run: onActive((_, i) => go(Math.max(0, i - 1))) },
    { key: 'Home', run: onActive(() => go(0)) },
    { key: 'End', run: onActive(() => go(commands.rows.length - 1)) },
    {
      key: 'ArrowRight',
      run: onActive((row, i) => {
        if (row.expanded === false) commands.setExpanded(row.item.key, true);
        else if (row.expanded) go(i + 1);
      }),
    },
    {
      key: 'ArrowLeft',
      run: onActive((row) => {
        if (row.expanded) commands.setExpanded(row.item.key, false);
        else if (row.parentKey) commands.focusRow(row.parentKey);
      }),
    },
    { key: ['Enter', 'F2'], run: onActive((row) => commands.open(row)) },
    {
      key: LETTERS,
      run: (event) => {
        const { rows, active } = commands;
        const text = typed.add(event.key.toLowerCase());
        // One letter pressed again and again steps through the rows starting with it.
        const same = [...text].every((c) => c === text[0]);
        const start = active ? rows.indexOf(active) + (same ? 1 : 0) : 0;
        const order = [...rows.slice(start), ...rows.slice(0, start)];
        const found =
          order.find((r) => rowText(r).startsWith(text)) ??
          (same ? order.find((r) => rowText(r).startsWith(text[0]!)) : undefined);
        if (found) commands.focusRow(found.item.key);
      },
    },
  ];
  const { edit } = commands;
  if (edit)
    shortcuts.push(
      { key: ['+', 'Insert'], run: onActive((row) => edit.addReason(row, 'PREMISE')) },
      { key: '-', run: onActive((row) => edit.addReason(row, 'OBJECTION')) },
      { key: 'm', mod: true, run: onActive((row) => edit.move(row)) },
      { key: 'Delete', run: onActive((row) => edit.remove(row)) },
    );
  useShortcuts(shortcuts.map((s) => ({ ...s, scope: OUTLINE_SCOPE })));
}
