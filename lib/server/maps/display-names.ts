import 'server-only';
import { randomInt } from 'node:crypto';
import type { Anonymity } from '../../domain/anonymity';
import {
  avatarColour,
  displayName,
  nameWithPseudonym,
  pseudonymColour,
  pseudonymName,
} from '../../domain/people';
import { mapTeacherIds, teachesMap, type Actor, type MapAccess } from '../authz';
import { db } from '../db';

type Who = { name?: string | null; email?: string | null; avatarColor?: string | null } | null;

/**
 * How the people of one map appear to one reader. Every path that sends a
 * person's name or avatar colour for a map to a browser (comments, notes,
 * the @mention list, the timeline, presence, rounds) asks this lens, so
 * anonymous mode is decided here and nowhere else.
 */
export type PeopleLens = {
  /** Null on a map that is not anonymous. */
  anonymity: Anonymity | null;
  /** The name to show: the person's own, a pseudonym, or (to a teacher) both. */
  name(userId: string | null | undefined, person: Who): string;
  /** The avatar colour: a pseudonym's is drawn from its number, never the person's own. */
  color(userId: string | null | undefined, person: Who): string;
  /** What others may read about a person in shared text (an @mention): never the real name of a pseudonymous person. */
  handle(userId: string | null | undefined, person: Who): string;
  /** The name the map's teachers see, whoever reads (for what is sent to everyone and sorted out per reader: presence). */
  teachersSee(userId: string | null | undefined, person: Who): string;
};

/** Everyone by their own name: a map that is not anonymous. */
export const PLAIN_PEOPLE: PeopleLens = {
  anonymity: null,
  name: (_id, person) => displayName(person),
  color: (_id, person) => avatarColour(person?.avatarColor),
  handle: (_id, person) => displayName(person),
  teachersSee: (_id, person) => displayName(person),
};

/**
 * The lens for `actor` on a map they may read (`access` from authorizeMap),
 * for the people `userIds` it is about to show. On an anonymous map every
 * person who does not teach on it appears as "Student N" to everyone but
 * the map's teachers, who see the name with the pseudonym beside it; the
 * teachers keep their own names. Pseudonyms are given here on first need.
 */
export async function peopleAsSeenBy(
  actor: Actor,
  access: MapAccess,
  userIds: Iterable<string | null | undefined>,
): Promise<PeopleLens> {
  const mapId = access.map.id;
  // Read with the map by authorizeMap: no read of its own.
  const { anonymousSince } = access.map;
  if (!anonymousSince) return PLAIN_PEOPLE;
  const viewerId = actor.kind === 'user' ? actor.userId : null;
  const [teachers, seesNames] = await Promise.all([
    mapTeacherIds(mapId),
    teachesMap(actor, access),
  ]);
  const wanted = new Set<string>();
  for (const id of [...userIds, viewerId]) if (id && !teachers.has(id)) wanted.add(id);
  const numbers = await pseudonymsOf(mapId, [...wanted]);
  const mine = viewerId ? numbers.get(viewerId) : undefined;
  const numberOf = (id: string | null | undefined) => (id ? numbers.get(id) : undefined);
  return {
    anonymity: {
      since: anonymousSince.toISOString(),
      seesNames,
      youAppearAs: mine !== undefined ? pseudonymName(mine) : null,
    },
    name(id, person) {
      const n = numberOf(id);
      if (n === undefined) return displayName(person);
      return seesNames
        ? nameWithPseudonym(displayName(person), pseudonymName(n))
        : pseudonymName(n);
    },
    color(id, person) {
      const n = numberOf(id);
      return n === undefined ? avatarColour(person?.avatarColor) : pseudonymColour(n);
    },
    handle(id, person) {
      const n = numberOf(id);
      return n === undefined ? displayName(person) : pseudonymName(n);
    },
    teachersSee(id, person) {
      const n = numberOf(id);
      return n === undefined
        ? displayName(person)
        : nameWithPseudonym(displayName(person), pseudonymName(n));
    },
  };
}

/**
 * The pseudonym numbers of these people on a map, giving the next numbers
 * to those who have none yet. Numbers go in order of first appearance, and
 * people who first appear together are numbered in a random order, so a
 * number says nothing of a name or of the class's roster. Two requests that
 * both meet someone new take the map's row lock in turn: one gives the
 * numbers, the other finds them given.
 */
async function pseudonymsOf(mapId: string, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db().mapPseudonym.findMany({
    where: { mapId, userId: { in: userIds } },
    select: { userId: true, number: true },
  });
  const known = new Map(rows.map((r) => [r.userId, r.number]));
  const missing = userIds.filter((id) => !known.has(id));
  if (missing.length === 0) return known;
  const given = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "ArgumentMap" WHERE "id" = ${mapId} FOR UPDATE`;
    const already = await tx.mapPseudonym.findMany({
      where: { mapId, userId: { in: missing } },
      select: { userId: true, number: true },
    });
    const have = new Set(already.map((r) => r.userId));
    // A person whose account went meanwhile has nothing left to name.
    const users = await tx.user.findMany({
      where: { id: { in: missing.filter((id) => !have.has(id)) } },
      select: { id: true },
    });
    const fresh = users.map((u) => u.id);
    for (let i = fresh.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [fresh[i], fresh[j]] = [fresh[j]!, fresh[i]!];
    }
    const { _max } = await tx.mapPseudonym.aggregate({ where: { mapId }, _max: { number: true } });
    let next = _max.number ?? 0;
    const stored = fresh.map((userId) => ({ mapId, userId, number: ++next }));
    if (stored.length) await tx.mapPseudonym.createMany({ data: stored });
    return [...already, ...stored];
  });
  for (const r of given) known.set(r.userId, r.number);
  return known;
}
