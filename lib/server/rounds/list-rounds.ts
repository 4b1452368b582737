import 'server-only';
import type { Format } from '../../domain/formats/schema';
import type { Decision } from '../../domain/rounds/ballot';
import type { RoundSummary } from '../../domain/rounds/views';
import { authorizeClassroom, authorizeMap, type Actor, type MapAccess } from '../authz';
import { db } from '../db';
import { peopleAsSeenBy, type PeopleLens } from '../maps/display-names';

const SUMMARY_SELECT = {
  id: true,
  number: true,
  motion: true,
  format: true,
  createdAt: true,
  map: { select: { id: true, title: true } },
  seats: { select: { position: true, team: { select: { name: true, color: true } } } },
  judges: { select: { chair: true, user: { select: { id: true, name: true, email: true } } } },
  ballots: {
    where: { releasedAt: { not: null } },
    select: { decision: true, judge: { select: { id: true, name: true, email: true } } },
  },
} as const;

type Row = {
  id: string;
  number: number;
  motion: string;
  format: unknown;
  createdAt: Date;
  map: { id: string; title: string };
  seats: { position: string; team: { name: string; color: string } }[];
  judges: { chair: boolean; user: { id: string; name: string | null; email: string | null } }[];
  ballots: {
    decision: unknown;
    judge: { id: string; name: string | null; email: string | null };
  }[];
};

/** "Proposition (Team Red) won", or a BP ranking, from a released decision. */
function outcomeOf(format: Format, seats: Row['seats'], decision: Decision): string {
  const bench = (key: string) => {
    const name = format.positions.find((p) => p.key === key)?.name ?? key;
    const team = seats.find((s) => s.position === key)?.team.name;
    return team ? `${name} (${team})` : name;
  };
  if ('winner' in decision) return `${bench(decision.winner)} won`;
  if ('ranks' in decision)
    return Object.entries(decision.ranks)
      .toSorted((a, b) => a[1] - b[1])
      .map(([key, rank]) => `${rank}. ${bench(key)}`)
      .join(', ');
  return 'No decision';
}

function summaryOf(row: Row, people: PeopleLens): RoundSummary {
  const format = row.format as Format;
  return {
    id: row.id,
    number: row.number,
    motion: row.motion,
    formatName: format.name,
    map: row.map,
    createdAt: row.createdAt.toISOString(),
    seats: format.positions.map((p) => {
      const seat = row.seats.find((s) => s.position === p.key);
      return {
        position: p.key,
        bench: p.name,
        team: seat?.team.name ?? '',
        color: seat?.team.color ?? '',
      };
    }),
    judges: row.judges
      .toSorted((a, b) => Number(b.chair) - Number(a.chair))
      .map((j) => people.name(j.user.id, j.user)),
    results: row.ballots.map((b) => ({
      judge: people.name(b.judge.id, b.judge),
      outcome: outcomeOf(format, row.seats, b.decision as Decision),
    })),
  };
}

/** A map's rounds as its rounds page lists them, and the log position the list is as of. */
export type MapRoundList = { seq: number; rounds: RoundSummary[] };

/**
 * The rounds of a map, newest first, with released results: the map's
 * rounds page's list (whoever reads the map), with the map's log
 * position read first: anything committed after it reaches the page by the
 * map's stream (a round batch), which reads the list again.
 */
export async function readMapRoundList(actor: Actor, mapId: string): Promise<MapRoundList> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  const { lastSeq } = await db().argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: { lastSeq: true },
  });
  return { seq: lastSeq, rounds: await summariesOfMap(actor, access, mapId) };
}

/** The rounds of a map, newest first, as `access`'s reader sees their people. */
async function summariesOfMap(
  actor: Actor,
  access: MapAccess,
  mapId: string,
): Promise<RoundSummary[]> {
  const rows = await db().round.findMany({
    where: { mapId },
    select: SUMMARY_SELECT,
    orderBy: { number: 'desc' },
  });
  const people = await peopleAsSeenBy(
    actor,
    access,
    rows.flatMap((r) => [...r.judges.map((j) => j.user.id), ...r.ballots.map((b) => b.judge.id)]),
  );
  return rows.map((row) => summaryOf(row, people));
}

/** The rounds on every map of a class, newest first: the class's results page. */
export async function listClassRounds(actor: Actor, classroomId: string): Promise<RoundSummary[]> {
  await authorizeClassroom(actor, 'classroom:read', classroomId);
  const rows = await db().round.findMany({
    where: { map: { classroomId } },
    select: SUMMARY_SELECT,
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  // Each map shows its people its own way (an anonymous map hides students' names).
  const lenses = new Map<string, PeopleLens>();
  for (const mapId of new Set(rows.map((r) => r.map.id))) {
    const mine = rows.filter((r) => r.map.id === mapId);
    // A class's members read every map of the class.
    const access = await authorizeMap(actor, 'map:read', mapId);
    lenses.set(
      mapId,
      await peopleAsSeenBy(
        actor,
        access,
        mine.flatMap((r) => [
          ...r.judges.map((j) => j.user.id),
          ...r.ballots.map((b) => b.judge.id),
        ]),
      ),
    );
  }
  return rows.map((row) => summaryOf(row, lenses.get(row.map.id)!));
}

/**
 * Which rounds each card of a map came up in (linked from a shared flow
 * entry), for the map's side panel: node id → round numbers and speeches.
 */
export async function roundsOfNodes(
  actor: Actor,
  mapId: string,
): Promise<Record<string, { roundId: string; number: number; speeches: string[] }[]>> {
  await authorizeMap(actor, 'map:read', mapId);
  const entries = await db().flowEntry.findMany({
    where: { round: { mapId }, nodeId: { not: null }, teamId: null, deletedAt: null },
    select: {
      nodeId: true,
      speech: true,
      round: { select: { id: true, number: true, format: true } },
    },
    orderBy: [{ round: { number: 'asc' } }, { speech: 'asc' }],
  });
  const byNode: Record<string, { roundId: string; number: number; speeches: string[] }[]> = {};
  for (const e of entries) {
    const list = (byNode[e.nodeId!] ??= []);
    let item = list.find((r) => r.roundId === e.round.id);
    if (!item) list.push((item = { roundId: e.round.id, number: e.round.number, speeches: [] }));
    const speech = (e.round.format as Format).speeches[e.speech];
    const label = speech?.short ?? speech?.name ?? `Speech ${e.speech + 1}`;
    if (!item.speeches.includes(label)) item.speeches.push(label);
  }
  return byNode;
}
