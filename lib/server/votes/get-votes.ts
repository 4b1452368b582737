import 'server-only';
import {
  BUILT_IN_PERSPECTIVES,
  tallyVotes,
  type Perspective,
  type TeamTallies,
  type VotesView,
} from '../../domain/votes';
import { authorizeMap, can, type Actor } from '../authz';
import { db } from '../db';

/** The map's perspectives: the built-in ones, then the owner's own in the order made. */
async function perspectivesOf(mapId: string): Promise<Perspective[]> {
  const own = await db().mapPerspective.findMany({
    where: { mapId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true },
  });
  return [
    ...BUILT_IN_PERSPECTIVES.map((p) => ({ key: p.key, label: p.label })),
    ...own.map((p) => ({ key: `p:${p.id}`, label: p.name })),
  ];
}

/**
 * What a reader may see of a map's votes. With guided (blind) voting, the
 * tallies of a claim are sent only to someone who has voted on it (from any
 * perspective), and always to the owner: the rule is kept here, on the
 * server, so nothing hidden ever reaches the page. The owner also gets the
 * tallies per team (by each voter's team now). A reader on a team gets
 * their own team's tallies, under the same guided-voting rule, and never
 * another team's: they weigh What stands by their team's ratings.
 */
export async function getVotes(actor: Actor, mapId: string): Promise<VotesView> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const manages = can(access, 'map:manage');
  // A team's tallies only for a member of the map (as team layers: authz.ts
  // teamLayerAccess): someone taken off the map who can still read it (a
  // public map) does not keep seeing their old team's ratings.
  const memberOfMap = userId !== null && access.role !== null;
  const [map, perspectives, votes, teams] = await Promise.all([
    db().argumentMap.findUniqueOrThrow({ where: { id: mapId }, select: { blindVoting: true } }),
    perspectivesOf(mapId),
    db().vote.findMany({
      where: { mapId },
      select: { nodeId: true, perspective: true, impact: true, voterId: true },
    }),
    // Every team for the owner; otherwise only the reader's own (none when signed out).
    manages || memberOfMap
      ? db().team.findMany({
          where: manages ? { mapId } : { mapId, members: { some: { userId: userId! } } },
          orderBy: { createdAt: 'asc' },
          select: { id: true, name: true, color: true, members: { select: { userId: true } } },
        })
      : [],
  ]);
  const mine = votes
    .filter((v) => v.voterId === userId)
    .map(({ nodeId, perspective, impact }) => ({ nodeId, perspective, impact }));
  const votedOn = new Set(mine.map((v) => v.nodeId));
  const seesAll = manages || !map.blindVoting;
  const visible = seesAll ? votes : votes.filter((v) => votedOn.has(v.nodeId));
  const talliesOf = (team: (typeof teams)[number], from: typeof votes): TeamTallies => {
    const members = new Set(team.members.map((m) => m.userId));
    return {
      teamId: team.id,
      name: team.name,
      color: team.color,
      tallies: tallyVotes(from.filter((v) => members.has(v.voterId))),
    };
  };
  const own = memberOfMap
    ? teams.find((t) => t.members.some((m) => m.userId === userId))
    : undefined;
  return {
    blind: map.blindVoting,
    manages,
    canVote: userId !== null && can(access, 'map:vote'),
    perspectives,
    mine,
    tallies: tallyVotes(visible),
    teams: manages ? teams.map((team) => talliesOf(team, votes)) : [],
    myTeam: own ? talliesOf(own, visible) : null,
  };
}
