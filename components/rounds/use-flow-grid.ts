'use client';

import { useMemo } from 'react';
import { nextOpposingSpeech, sideOfSpeech } from '@/lib/domain/formats';
import type { Format } from '@/lib/domain/formats/schema';
import { layoutFlow, type EntryMarks } from '@/lib/domain/rounds/flow';
import type { FlowEntry, FlowRelation } from '@/lib/domain/rounds/types';

export type Cell = { row: number; col: number };

/** Where a new entry goes: its cell, its speech, and what it answers. */
export type Draft = Cell & {
  speech: number;
  answers: FlowEntry | null;
  relation: FlowRelation | null;
};

export type FlowGrid = {
  /** Speech index of each column. */
  columns: number[];
  /** Rows to draw: the layout's, the draft's, and one empty row for new arguments. */
  rows: number;
  at: (cell: Cell) => FlowEntry | null;
  cellOf: (entryId: string) => Cell | null;
  marks: Map<string, EntryMarks>;
  /** The draft for typing into an empty cell: a response to the entry on its left, if any. */
  draftAt: (cell: Cell) => Draft;
  /** The draft for answering an entry: in the other side's next speech, beside it. Null when no speech follows. */
  responseTo: (entry: FlowEntry) => Draft | null;
};

/** The relation a response starts with: support from one's own side, an attack from the other. */
function relationBetween(format: Format, answered: number, speech: number): FlowRelation {
  return sideOfSpeech(format, answered) === sideOfSpeech(format, speech) ? 'SUPPORTS' : 'ATTACKS';
}

/** The flow as a grid of cells (lib/domain/rounds/flow.ts lays it out and marks it). */
export function useFlowGrid(
  format: Format,
  entries: readonly FlowEntry[],
  marks: Map<string, EntryMarks>,
  draft: Draft | null,
): FlowGrid {
  return useMemo(() => {
    const layout = layoutFlow(format, entries);
    const byId = new Map(entries.map((e) => [e.id, e]));
    const grid = new Map<string, FlowEntry>();
    const cells = new Map<string, Cell>();
    for (const cell of layout.cells) {
      const entry = byId.get(cell.entryId);
      if (!entry) continue;
      grid.set(`${cell.row}:${cell.column}`, entry);
      cells.set(entry.id, { row: cell.row, col: cell.column });
    }
    const columns = layout.columns;
    const at = ({ row, col }: Cell) => grid.get(`${row}:${col}`) ?? null;
    const rows = Math.max(layout.rows, draft ? draft.row + 1 : 0) + 1;
    const draftAt = ({ row, col }: Cell): Draft => {
      const speech = columns[col]!;
      for (let left = col - 1; left >= 0; left--) {
        const answers = at({ row, col: left });
        if (answers)
          return {
            row,
            col,
            speech,
            answers,
            relation: relationBetween(format, answers.speech, speech),
          };
      }
      return { row, col, speech, answers: null, relation: null };
    };
    const responseTo = (entry: FlowEntry): Draft | null => {
      const from = cells.get(entry.id);
      if (!from) return null;
      const next = nextOpposingSpeech(format, entry.speech);
      let col = next === null ? -1 : columns.indexOf(next);
      if (col < 0) col = columns.findIndex((s) => s > entry.speech);
      if (col < 0) return null;
      let row = from.row;
      while (at({ row, col })) row++;
      const speech = columns[col]!;
      return {
        row,
        col,
        speech,
        answers: entry,
        relation: relationBetween(format, entry.speech, speech),
      };
    };
    return {
      columns,
      rows,
      at,
      cellOf: (id) => cells.get(id) ?? null,
      marks,
      draftAt,
      responseTo,
    };
  }, [format, entries, marks, draft]);
}
