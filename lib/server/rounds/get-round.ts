import 'server-only';
import { authorizeRound, canInRound, type Actor } from '../authz';
import { db } from '../db';
import type { RoundLineUpView, RoundView } from '../../domain/rounds/views';
import { listMapPeople } from '../maps/list-map-people';
import { peopleAsSeenBy } from '../maps/display-names';
import { ballotsFor } from './ballots';
import { lineUpVersion } from './line-up';
import { ENTRY_SELECT, entryView, roundData, visibleEntriesWhere } from './round-views';

const person = { select: { id: true, name: true, email: true } } as const;

/** A round as one reader may see it: the shared flow, their teams' notes, released ballots. */
export async function getRoundView(actor: Actor, roundId: string): Promise<RoundView> {
  const access = await authorizeRound(actor, 'round:read', roundId);
  const userId = actor.kind === 'user' ? actor.userId : null;
  // The log position first: anything committed after it reaches the page by the stream.
  const map = await db().argumentMap.findUniqueOrThrow({
    where: { id: access.round.mapId },
    select: { id: true, title: true, lastSeq: true },
  });
  const [round, entries, nodes, notes, myTeams, ballots] = await Promise.all([
    db().round.findUniqueOrThrow({
      where: { id: roundId },
      select: {
        number: true,
        motion: true,
        format: true,
        clock: true,
        seats: {
          select: {
            position: true,
            team: {
              select: {
                id: true,
                name: true,
                color: true,
                members: { select: { user: person }, orderBy: { createdAt: 'asc' } },
              },
            },
          },
        },
        judges: { select: { chair: true, user: person } },
      },
    }),
    db().flowEntry.findMany({
      where: visibleEntriesWhere(roundId, access.teamIds),
      select: ENTRY_SELECT,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    db().node.findMany({
      where: { mapId: map.id, deletedAt: null },
      select: {
        id: true,
        text: true,
        kind: true,
        side: true,
        anchorExact: true,
        source: { select: { title: true } },
      },
      orderBy: { createdAt: 'asc' },
    }),
    access.teamIds.length
      ? db().annotation.findMany({
          where: {
            mapId: map.id,
            teamId: { in: access.teamIds },
            deletedAt: null,
            nodeId: { not: null },
            body: { not: '' },
          },
          select: { nodeId: true, body: true, team: { select: { name: true } } },
        })
      : [],
    access.teamIds.length
      ? db().team.findMany({
          where: { id: { in: access.teamIds } },
          select: { id: true, name: true },
        })
      : [],
    ballotsFor(roundId, userId),
  ]);
  const lineUp: RoundLineUpView | null = access.manager
    ? {
        ...(await lineUpOf(map.id, roundId, round.judges)),
        version: lineUpVersion({
          motion: round.motion,
          seats: round.seats.map((s) => ({ position: s.position, teamId: s.team.id })),
          judges: round.judges.map((j) => ({ userId: j.user.id, chair: j.chair })),
        }),
      }
    : null;
  const people = await peopleAsSeenBy(actor, access, [
    ...round.seats.flatMap((s) => s.team.members.map((m) => m.user.id)),
    ...round.judges.map((j) => j.user.id),
    ...ballots.map((b) => b.judge.id),
    ...entries.map((e) => e.authorId),
  ]);
  const { format, clock } = roundData(round);
  const order = new Map(format.positions.map((p, i) => [p.key, i]));
  return {
    id: roundId,
    number: round.number,
    motion: round.motion,
    map: { id: map.id, title: map.title },
    format,
    clock,
    serverNow: Date.now(),
    seq: map.lastSeq,
    seats: round.seats
      .toSorted((a, b) => (order.get(a.position) ?? 0) - (order.get(b.position) ?? 0))
      .map((s) => ({
        position: s.position,
        team: {
          id: s.team.id,
          name: s.team.name,
          color: s.team.color,
          members: s.team.members.map((m) => ({
            id: people.idOf(m.user.id),
            name: people.name(m.user.id, m.user),
          })),
        },
      })),
    judges: round.judges
      .map((j) => ({
        id: people.idOf(j.user.id),
        name: people.name(j.user.id, j.user),
        chair: j.chair,
      }))
      .toSorted((a, b) => Number(b.chair) - Number(a.chair) || a.name.localeCompare(b.name)),
    entries: entries.map((e) => ({ ...entryView(e), authorId: people.idOf(e.authorId) })),
    nodes: nodes.map((n) => ({
      id: n.id,
      text: n.text,
      kind: n.kind,
      side: n.side,
      quote: n.anchorExact ? { exact: n.anchorExact, source: n.source?.title ?? '' } : null,
      notes: notes
        .filter((a) => a.nodeId === n.id)
        .map((a) => ({ team: a.team.name, body: a.body })),
    })),
    ballots: ballots.map((b) => ({
      ...b,
      judge: { id: people.idOf(b.judge.id), name: people.name(b.judge.id, { name: b.judge.name }) },
    })),
    me: {
      id: userId,
      flow: canInRound(access, 'round:flow'),
      chair: canInRound(access, 'round:chair'),
      judge: access.judge,
      manage: access.manager,
      editMap: access.role === 'OWNER' || access.role === 'EDITOR',
      teams: myTeams,
    },
    lineUp,
  };
}

/** What the edit form of a round offers its managers: the map's teams and people, its judges. */
async function lineUpOf(
  mapId: string,
  roundId: string,
  judges: { chair: boolean; user: { id: string } }[],
): Promise<Omit<RoundLineUpView, 'version'>> {
  const [teams, people, released] = await Promise.all([
    db().team.findMany({
      where: { mapId },
      select: { id: true, name: true, side: true },
      orderBy: { createdAt: 'asc' },
    }),
    listMapPeople(mapId),
    db().ballot.count({ where: { roundId, releasedAt: { not: null } } }),
  ]);
  return {
    teams,
    people,
    judgeIds: judges.map((j) => j.user.id),
    chairId: judges.find((j) => j.chair)?.user.id ?? null,
    locked: released > 0,
  };
}
