import type { Format } from '../formats/schema';
import type { BallotInput } from './ballot';
import type { ClockState, FlowEntry } from './types';

/** What the server hands the browser about rounds (lib/server/rounds builds these). */

export type BallotView = BallotInput & {
  id: string;
  judge: { id: string; name: string };
  releasedAt: string | null;
  updatedAt: string;
};

export type RoundNode = {
  id: string;
  text: string;
  kind: string;
  side: string;
  /** The passage of a source the card quotes, with the source's title. */
  quote: { exact: string; source: string } | null;
  /** The reader's own teams' notes on the card. */
  notes: { team: string; body: string }[];
};

export type RoundView = {
  id: string;
  number: number;
  motion: string;
  map: { id: string; title: string };
  format: Format;
  clock: ClockState;
  /** The server's clock when this was read: pages count running clocks from it. */
  serverNow: number;
  /** The map's log position this view is as of: the stream resumes after it. */
  seq: number;
  seats: {
    position: string;
    team: { id: string; name: string; color: string; members: { id: string; name: string }[] };
  }[];
  judges: { id: string; name: string; chair: boolean }[];
  entries: FlowEntry[];
  /** The map's cards, to link entries to and to show what they quote. */
  nodes: RoundNode[];
  /** Released ballots; a judge's own too, released or not. */
  ballots: BallotView[];
  me: {
    id: string | null;
    flow: boolean;
    chair: boolean;
    judge: boolean;
    manage: boolean;
    editMap: boolean;
    /** The reader's teams on this map (their private notes). */
    teams: { id: string; name: string }[];
  };
  /** For the round's managers, what its edit form offers and holds (real ids); null for others. */
  lineUp: RoundLineUpView | null;
};

export type RoundLineUpView = {
  teams: { id: string; name: string; side: string }[];
  people: { id: string; name: string }[];
  judgeIds: string[];
  chairId: string | null;
  /** A released ballot holds the benches and judges (the motion and the chair can still change). */
  locked: boolean;
  /** The version of the line-up (motion, benches, judges, chair) this view shows: a correction sends it back. */
  version: string;
};

/** What a round batch changed, as the stream hands it to readers allowed to see it. */
export type RoundChanges = {
  roundId: string;
  entries: FlowEntry[];
  removedEntries: string[];
  clock: ClockState | null;
  /** A ballot was released: the results changed. */
  ballots?: true;
  /** The round was deleted. */
  deleted?: true;
  /** The round was just made (the map's rounds page lists it). */
  created?: true;
  /** Its motion, benches, judges or chair were corrected: the round is read again. */
  setup?: true;
};

export type RoundSummary = {
  id: string;
  number: number;
  motion: string;
  formatName: string;
  map: { id: string; title: string };
  createdAt: string;
  seats: { position: string; bench: string; team: string; color: string }[];
  judges: string[];
  /** Released decisions, one per judge: who won (or the ranking), by bench name. */
  results: { judge: string; outcome: string }[];
};
