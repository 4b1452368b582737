'use client';

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { newId } from '@/lib/client/ids';
import type { EntryMarks } from '@/lib/domain/rounds/flow';
import type { ClockState, FlowEntry, TRoundOpInput } from '@/lib/domain/rounds/types';
import type { RoundView } from '@/lib/domain/rounds/views';
import { EntryComposer, RELATION_WORDS, type Composed } from './entry-composer';
import { FlowCellContent } from './flow-cell';
import { benchOfSpeech } from './round-words';
import { useFlowGrid, type Cell, type Draft } from './use-flow-grid';
import styles from './flow.module.css';

type Props = {
  round: RoundView;
  entries: FlowEntry[];
  clock: ClockState;
  /** Dropped, extended and turned, for each entry (flowMarks). */
  marks: Map<string, EntryMarks>;
  send: (ops: TRoundOpInput[]) => Promise<string | null>;
  onError: (message: string) => void;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** An entry to bring into view and focus (from a ballot's reason, say), with a counter to repeat it. */
  reveal: { id: string; n: number } | null;
};

/** Writing a new entry in a cell, or editing one (with the words to start from). */
type Writing = { draft: Draft; text: string } | { editing: FlowEntry; cell: Cell; text: string };

const key = ({ row, col }: Cell) => `${row}:${col}`;

/**
 * The flow of a round: one column per flowed speech, each entry a cell, a
 * response beside what it answers with an arrow and the relation it
 * carries; dropped, extended and turned arguments marked from the
 * structure. A grid as a spreadsheet is: arrow keys move, typing into an
 * empty cell writes there (a response to the entry on its left in that
 * row), Enter on an entry answers it in the other side's next speech, F2
 * edits its words, Escape gives up.
 */
export function FlowView({
  round,
  entries,
  clock,
  marks,
  send,
  onError,
  selectedId,
  onSelect,
  reveal,
}: Props) {
  const { format } = round;
  const [writing, setWriting] = useState<Writing | null>(null);
  const draft = writing && 'draft' in writing ? writing.draft : null;
  const grid = useFlowGrid(format, entries, marks, draft);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const [chosen, setActive] = useState<Cell>({ row: 0, col: 0 });
  // Always a cell of the grid as it is now (others' deletions can shrink it): the grid's tab stop.
  const active = {
    row: Math.min(chosen.row, grid.rows - 1),
    col: Math.min(chosen.col, grid.columns.length - 1),
  };
  /** An entry to focus once the layout has placed it (one just written, or one asked for). */
  const pendingFocus = useRef<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const canWrite = round.me.flow;
  /** The entries as they are now, for what an answer from the server finds changed. */
  const latest = useRef(entries);
  useEffect(() => {
    latest.current = entries;
  });

  // The cell takes the focus at once (its onFocus makes it the grid's tab stop), so keys
  // typed straight after never land outside the grid.
  const focusCell = (cell: Cell) => {
    setActive(cell);
    table.current?.querySelector<HTMLElement>(`[data-cell="${key(cell)}"]`)?.focus();
  };
  const focusEntry = (id: string) => {
    pendingFocus.current = id;
    placePending();
  };
  /** Focuses the pending entry if the grid has placed it yet: before paint, before the next key. */
  function placePending() {
    const id = pendingFocus.current;
    const cell = id ? grid.cellOf(id) : null;
    if (!id || !cell) return;
    pendingFocus.current = null;
    table.current?.querySelector<HTMLElement>(`[data-cell="${key(cell)}"]`)?.focus();
    onSelect(id);
  }
  useLayoutEffect(placePending);
  useEffect(() => {
    if (!reveal) return;
    focusEntry(reveal.id);
    // Not on this reader's flow (gone since): nothing waits to steal the focus later.
    pendingFocus.current = null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when asked again
  }, [reveal]);

  const write = (draftOrEntry: Writing) => {
    if (!canWrite)
      return onError('Only the round’s teams, its judges and the map’s editors can flow it.');
    setWriting(draftOrEntry);
  };
  const stopWriting = (cell: Cell) => {
    setWriting(null);
    focusCell(cell);
  };

  const submitNew = async (draftCell: Draft, composed: Composed) => {
    const id = newId();
    setWriting(null);
    pendingFocus.current = id;
    const refused = await send([
      {
        type: 'addEntry',
        id,
        speech: draftCell.speech,
        answersId: draftCell.answers?.id ?? null,
        relation: draftCell.answers ? (composed.relation ?? draftCell.relation) : null,
        nodeId: composed.nodeId,
        text: composed.text,
        teamId: composed.teamId,
      },
    ]);
    if (refused) {
      // Said, and what was typed is back in its cell to try again.
      pendingFocus.current = null;
      onError(refused);
      setWriting({ draft: draftCell, text: composed.text });
    }
  };
  const submitEdit = async (entry: FlowEntry, cell: Cell, composed: Composed) => {
    setWriting(null);
    focusCell(cell);
    const changed =
      composed.text !== entry.text || (entry.answersId && composed.relation !== entry.relation);
    if (!changed) return;
    const refused = await send([
      {
        type: 'editEntry',
        id: entry.id,
        text: composed.text,
        ...(entry.answersId && composed.relation ? { relation: composed.relation } : {}),
        baseVersion: entry.version,
      },
    ]);
    if (refused) {
      // Someone changed it meanwhile (or it went): say so, and keep what was typed to try again.
      onError(refused);
      const now = latest.current.find((e) => e.id === entry.id);
      if (now) setWriting({ editing: now, cell, text: composed.text });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableCellElement>, cell: Cell) => {
    if (event.target !== event.currentTarget) return;
    const entry = grid.at(cell);
    const move = (row: number, col: number) => {
      event.preventDefault();
      focusCell({
        row: Math.max(0, Math.min(grid.rows - 1, row)),
        col: Math.max(0, Math.min(grid.columns.length - 1, col)),
      });
    };
    if (event.key === 'ArrowDown') return move(cell.row + 1, cell.col);
    if (event.key === 'ArrowUp') return move(cell.row - 1, cell.col);
    if (event.key === 'ArrowRight') return move(cell.row, cell.col + 1);
    if (event.key === 'ArrowLeft') return move(cell.row, cell.col - 1);
    if (event.key === 'Home') return move(cell.row, 0);
    if (event.key === 'End') return move(cell.row, grid.columns.length - 1);
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      if (!entry) return write({ draft: grid.draftAt(cell), text: '' });
      if (event.key === 'F2') return write({ editing: entry, cell, text: entry.text });
      const response = grid.responseTo(entry);
      if (response) return write({ draft: response, text: '' });
      return onError('No later speech can answer this one.');
    }
    const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (typed && !entry && event.key !== ' ') {
      event.preventDefault();
      write({ draft: grid.draftAt(cell), text: event.key });
    }
  };

  const composerLabel = (d: Draft) => {
    const speech = format.speeches[d.speech]!;
    const where = speech.short ?? speech.name;
    return d.answers
      ? `Response in ${where} to “${d.answers.text.slice(0, 60)}”`
      : `New argument in ${where}`;
  };

  return (
    <div className={styles.scroller}>
      <table
        ref={table}
        role="grid"
        className={styles.grid}
        aria-label={`Flow of round ${round.number}`}
        aria-rowcount={grid.rows + 1}
        aria-colcount={grid.columns.length}
      >
        <thead>
          <tr>
            {grid.columns.map((speech) => {
              const s = format.speeches[speech]!;
              const bench = benchOfSpeech(round, speech);
              return (
                <th
                  key={speech}
                  scope="col"
                  className={`${styles.head} ${bench.side === 'FOR' ? styles.for : styles.against}`}
                  aria-current={speech === clock.speech ? 'step' : undefined}
                >
                  <span className={styles.headShort}>{s.short ?? s.name}</span>
                  <span className={styles.headName}>
                    {s.name}
                    {bench.team ? ` · ${bench.team}` : ''}
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: grid.rows }, (_, row) => (
            <tr key={row}>
              {grid.columns.map((speech, col) => {
                const cell = { row, col };
                const entry = grid.at(cell);
                const isDraft = draft && draft.row === row && draft.col === col;
                const editing =
                  writing && 'editing' in writing && entry && writing.editing.id === entry.id;
                const isActive = active.row === row && active.col === col;
                return (
                  <td
                    key={col}
                    role="gridcell"
                    data-cell={key(cell)}
                    tabIndex={isActive ? 0 : -1}
                    aria-selected={entry ? entry.id === selectedId : undefined}
                    className={`${styles.cell} ${entry && entry.id === selectedId ? styles.selected : ''}`}
                    onFocus={() => setActive(cell)}
                    onClick={() => {
                      setActive(cell);
                      onSelect(entry?.id ?? null);
                    }}
                    onDoubleClick={() => !entry && write({ draft: grid.draftAt(cell), text: '' })}
                    onKeyDown={(e) => onKeyDown(e, cell)}
                  >
                    {isDraft && writing && 'draft' in writing ? (
                      <EntryComposer
                        label={composerLabel(writing.draft)}
                        initialText={writing.text}
                        relation={writing.draft.relation}
                        nodes={round.nodes}
                        teams={round.me.teams}
                        onSubmit={(composed) => void submitNew(writing.draft, composed)}
                        onCancel={() => stopWriting(cell)}
                      />
                    ) : editing && entry ? (
                      <EntryComposer
                        label={`Edit “${entry.text.slice(0, 60)}”`}
                        initialText={writing.text}
                        relation={entry.relation}
                        nodes={round.nodes}
                        teams={[]}
                        editing
                        onSubmit={(composed) => void submitEdit(entry, cell, composed)}
                        onCancel={() => stopWriting(cell)}
                      />
                    ) : entry ? (
                      <FlowCellContent
                        entry={entry}
                        marks={grid.marks.get(entry.id)}
                        answers={entry.answersId ? (byId.get(entry.answersId) ?? null) : null}
                        linked={
                          entry.nodeId ? round.nodes.some((n) => n.id === entry.nodeId) : false
                        }
                        speech={speech}
                      />
                    ) : (
                      <span className="visually-hidden">Empty</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.help} id="flow-help">
        Arrow keys move. Type in an empty cell to write there (beside an entry, it answers it).
        Enter on an entry answers it in the other side’s next speech; F2 edits it; ↓ in the box
        picks a card of the map. Relations: {Object.values(RELATION_WORDS).join(', ').toLowerCase()}
        .
      </p>
    </div>
  );
}
