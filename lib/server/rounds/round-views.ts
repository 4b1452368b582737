import 'server-only';
import type { Format } from '../../domain/formats/schema';
import type { ClockState, FlowEntry, FlowRelation } from '../../domain/rounds/types';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

export type EntryRow = {
  id: string;
  speech: number;
  answersId: string | null;
  relation: string | null;
  nodeId: string | null;
  text: string;
  teamId: string | null;
  authorId: string | null;
  version: number;
  createdAt: Date;
};

/** A flow entry row as the browser gets it. */
export function entryView(row: EntryRow): FlowEntry {
  return {
    id: row.id,
    speech: row.speech,
    answersId: row.answersId,
    relation: row.relation as FlowRelation | null,
    nodeId: row.nodeId,
    text: row.text,
    teamId: row.teamId,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** The stored format and clocks of a round, as written by create-round (the schema checked them then). */
export function roundData(row: { format: Prisma.JsonValue; clock: Prisma.JsonValue }): {
  format: Format;
  clock: ClockState;
} {
  return { format: row.format as unknown as Format, clock: row.clock as unknown as ClockState };
}

/**
 * The entries a reader may see: the shared flow, and the private notes of
 * their own teams only (a team's flow notes never reach another team, nor
 * the teacher).
 */
export function visibleEntriesWhere(roundId: string, teamIds: readonly string[]) {
  return {
    roundId,
    deletedAt: null,
    OR: [{ teamId: null }, { teamId: { in: [...teamIds] } }],
  } satisfies Prisma.FlowEntryWhereInput;
}

export const ENTRY_SELECT = {
  id: true,
  speech: true,
  answersId: true,
  relation: true,
  nodeId: true,
  text: true,
  teamId: true,
  authorId: true,
  version: true,
  createdAt: true,
} satisfies Prisma.FlowEntrySelect;

/** Rows of entries by id inside a transaction (deleted ones too). */
export function entriesById(tx: Tx, roundId: string, ids: string[]) {
  return tx.flowEntry.findMany({
    where: { roundId, id: { in: ids } },
    select: { ...ENTRY_SELECT, deletedAt: true },
  });
}
