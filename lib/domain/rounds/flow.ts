import { flowedSpeeches } from '../formats';
import type { Format } from '../formats/schema';
import type { FlowEntry } from './types';

/**
 * The flow of a round as a grid, and the marks a judge reads on it. Pure:
 * the same code lays the flow out in the browser and checks it in tests.
 *
 * Columns are the format's flowed speeches, in order. An entry said in a
 * speech that is not flowed (a cross-examination) is placed in the column of
 * the nearest earlier flowed speech (the speech that was questioned), or in
 * the first column when no flowed speech comes before it; an entry whose
 * speech index is past the format's end goes in the last column. So every
 * entry is placed, and nothing a student wrote drops off the grid.
 *
 * Rows: a response sits on the row of the entry it answers; several
 * responses to one entry stack on the rows below (in the order of their
 * columns, then createdAt, then id). An entry goes down, if need be, to the
 * first row that is free in every column used by it and what answers it (in
 * turn), so an exchange across the speeches reads along one row. A new
 * argument (or an entry whose parent was deleted) starts below everything
 * already placed in those columns; new arguments are placed column by
 * column, each column's in createdAt then id order, after the answers to
 * earlier columns. Rows never overlap: each cell is below its column's last.
 */

type FlowCell = { entryId: string; column: number; row: number };

export type FlowLayout = {
  /** One cell per entry given, each on its own (column, row). */
  cells: FlowCell[];
  /** Rows used: one more than the lowest cell's row, 0 for an empty flow. */
  rows: number;
  /** The speech index (in the format) of each column, left to right. */
  columns: number[];
};

type Side = 'FOR' | 'AGAINST';

/** The column an entry of `speech` goes in: its own, the nearest earlier flowed one, or the first. */
function columnOf(flowed: number[], speech: number): number {
  let column = 0;
  flowed.forEach((s, c) => {
    if (s <= speech) column = c;
  });
  return column;
}

/** The side of the motion a speech argues: the side of its bench (null for an unknown speech). */
function sideOf(format: Format, speech: number): Side | null {
  const key = format.speeches[speech]?.position;
  return format.positions.find((p) => p.key === key)?.side ?? null;
}

function byCreation(a: FlowEntry, b: FlowEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function layoutFlow(format: Format, entries: readonly FlowEntry[]): FlowLayout {
  const flowed = flowedSpeeches(format);
  const columnOfEntry = new Map(entries.map((e) => [e.id, columnOf(flowed, e.speech)]));
  const column = (e: FlowEntry) => columnOfEntry.get(e.id) ?? 0;
  const order = (a: FlowEntry, b: FlowEntry) => column(a) - column(b) || byCreation(a, b);

  const known = new Set(entries.map((e) => e.id));
  const parentOf = (e: FlowEntry) =>
    e.answersId !== null && e.answersId !== e.id && known.has(e.answersId) ? e.answersId : null;
  const responses = new Map<string, FlowEntry[]>();
  for (const e of entries) {
    const parent = parentOf(e);
    if (parent === null) continue;
    const list = responses.get(parent);
    if (list) list.push(e);
    else responses.set(parent, [e]);
  }
  for (const list of responses.values()) list.sort(order);

  // skyline[c]: the first row below everything placed in column c so far.
  const skyline = flowed.map(() => 0);
  const placed = new Map<string, FlowCell>();

  /** The first row free in every column that `e` and its not yet placed answers (in turn) use. */
  const chainFloor = (e: FlowEntry, seen: Set<string>): number => {
    seen.add(e.id);
    let floor = skyline[column(e)] ?? 0;
    for (const r of responses.get(e.id) ?? [])
      if (!placed.has(r.id) && !seen.has(r.id)) floor = Math.max(floor, chainFloor(r, seen));
    return floor;
  };

  const place = (e: FlowEntry, minRow: number) => {
    const row = Math.max(minRow, chainFloor(e, new Set()));
    const c = column(e);
    placed.set(e.id, { entryId: e.id, column: c, row });
    skyline[c] = row + 1;
    for (const r of responses.get(e.id) ?? []) if (!placed.has(r.id)) place(r, row);
  };

  const sorted = [...entries].sort(order);
  for (const e of sorted) if (parentOf(e) === null && !placed.has(e.id)) place(e, 0);
  // Entries left are on a loop of answers (which ops never make): start each loop as new.
  for (const e of sorted) if (!placed.has(e.id)) place(e, 0);

  return {
    cells: entries.flatMap((e) => placed.get(e.id) ?? []),
    rows: Math.max(0, ...skyline),
    columns: flowed,
  };
}

export type EntryMarks = {
  /** The other side's next flowed speech has been given and did not answer it. */
  dropped: boolean;
  /** A later speech of its own side supports it, or carries the same map node on. */
  extended: boolean;
  /** The other side answered it with SUPPORTS: they claim it for themselves. */
  turned: boolean;
  /** How many public entries answer it. */
  answeredBy: number;
};

/** One sentence per mark, for the flow's legend. */
export const MARK_LEGEND: Record<Exclude<keyof EntryMarks, 'answeredBy'>, string> = {
  dropped: "Dropped: the other side's next speech has been given and did not answer this argument.",
  extended:
    'Extended: a later speech of the same side supported this argument or carried the same map node on.',
  turned:
    'Turned: the other side answered this argument with support, claiming it for their own case.',
};

/**
 * The marks of every public entry (private notes are no arguments: they get
 * none, and they count for nothing in anyone's marks, nor reveal themselves
 * by making a speech count as reached).
 *
 * `reached`: speeches with a lower index are over (pass the index of the
 * speech now up); a speech with a public entry counts as reached too, so a
 * flow kept without the clock still shows its drops.
 *
 * Only entries in flowed speeches get dropped, extended or turned, and only
 * answers said in flowed speeches make them (a cross-examination's bench is
 * not one side's speech); answeredBy counts every public answer. An entry is
 * never dropped when its side has no later flowed speech, nor when no flowed
 * speech of the other side follows it.
 */
export function flowMarks(
  format: Format,
  entries: readonly FlowEntry[],
  reached: number,
): Map<string, EntryMarks> {
  const open = entries.filter((e) => e.teamId === null);
  const flowed = (speech: number) => format.speeches[speech]?.flowed === true;
  const side = (speech: number) => (flowed(speech) ? sideOf(format, speech) : null);
  const spoken = new Set(open.map((e) => e.speech));
  const isReached = (speech: number) => speech < reached || spoken.has(speech);

  const answers = new Map<string, FlowEntry[]>();
  const onNode = new Map<string, FlowEntry[]>();
  for (const e of open) {
    if (e.answersId !== null && e.answersId !== e.id)
      answers.set(e.answersId, [...(answers.get(e.answersId) ?? []), e]);
    if (e.nodeId !== null) onNode.set(e.nodeId, [...(onNode.get(e.nodeId) ?? []), e]);
  }

  const nextSpeechOf = (from: number, wanted: (s: Side) => boolean): number | null => {
    for (let i = from + 1; i < format.speeches.length; i++) {
      const s = side(i);
      if (s !== null && wanted(s)) return i;
    }
    return null;
  };

  const marks = new Map<string, EntryMarks>();
  for (const e of open) {
    const own = side(e.speech);
    const replies = answers.get(e.id) ?? [];
    const mark: EntryMarks = {
      dropped: false,
      extended: false,
      turned: false,
      answeredBy: replies.length,
    };
    if (own !== null) {
      const next = nextSpeechOf(e.speech, (s) => s !== own);
      const ownLater = nextSpeechOf(e.speech, (s) => s === own);
      mark.dropped =
        next !== null &&
        ownLater !== null &&
        isReached(next) &&
        !replies.some((r) => r.speech === next);
      const later = (r: FlowEntry) => r.speech > e.speech && side(r.speech) === own;
      mark.extended =
        replies.some((r) => r.relation === 'SUPPORTS' && later(r)) ||
        (e.nodeId !== null && (onNode.get(e.nodeId) ?? []).some((r) => r.id !== e.id && later(r)));
      mark.turned = replies.some(
        (r) => r.relation === 'SUPPORTS' && side(r.speech) === otherSide(own),
      );
    }
    marks.set(e.id, mark);
  }
  return marks;
}

function otherSide(side: Side): Side {
  return side === 'FOR' ? 'AGAINST' : 'FOR';
}
