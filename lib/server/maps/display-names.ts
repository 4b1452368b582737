import 'server-only';
import { createHash, randomInt } from 'node:crypto';
import type { Anonymity } from '../../domain/anonymity';
import {
  avatarColour,
  displayName,
  nameWithPseudonym,
  pseudonymColour,
  pseudonymName,
} from '../../domain/people';
import type { Prisma } from '../../generated/prisma/client';
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
  /**
   * The id to send for a person: to a reader who does not see names on an
   * anonymous map, a classmate's per-map id (`perMapId`), never their user
   * id; the reader's own id, the teachers' and everything a teacher reads
   * stay real. `realIdsOn` maps per-map ids sent back to user ids.
   */
  idOf: IdOf;
  /** The id readers who do not see names get, whoever reads (for presence, sorted out per reader by the stream). */
  idClassmatesSee: IdOf;
};

type IdOf = {
  (userId: string): string;
  (userId: string | null | undefined): string | null;
};

const realId = ((userId: string | null | undefined) => userId ?? null) as IdOf;

/** Everyone by their own name: a map that is not anonymous. */
export const PLAIN_PEOPLE: PeopleLens = {
  anonymity: null,
  name: (_id, person) => displayName(person),
  color: (_id, person) => avatarColour(person?.avatarColor),
  handle: (_id, person) => displayName(person),
  teachersSee: (_id, person) => displayName(person),
  idOf: realId,
  idClassmatesSee: realId,
};

/** Whether a map is anonymous (once it is, it stays so). */
export async function isAnonymous(mapId: string): Promise<boolean> {
  const map = await db().argumentMap.findUnique({
    where: { id: mapId },
    select: { anonymousSince: true },
  });
  return !!map?.anonymousSince;
}

/** What every per-map id starts with: how the server tells one sent back from a user id. */
const PER_MAP_ID = 'anon_';

/**
 * The id under which pseudonym `number` of a map travels to those who do not
 * see names: `anon_` and 22 base64url characters (132 bits) of the SHA-256
 * of the map's id and the number. Deterministic (the same on every request,
 * reload and instance, so a page's lists, presence and stream agree), made
 * of nothing a user id or another map could be matched with: it says no
 * more than "Student N" on this map does.
 */
function perMapId(mapId: string, number: number): string {
  const digest = createHash('sha256').update(`counterpoint:person:${mapId}:${number}`);
  return PER_MAP_ID + digest.digest('base64url').slice(0, 22);
}

/**
 * The user ids behind ids a browser sent back for people of a map (an
 * @mention, an assignee): a per-map id becomes the user id of its
 * pseudonym; a user id, or a per-map id that names nobody on the map, is
 * left as it is (the caller's checks refuse it). Reads only when a per-map
 * id is among them.
 */
export async function realIdsOn(
  mapId: string,
  ids: readonly string[],
  client: Prisma.TransactionClient = db(),
): Promise<Map<string, string>> {
  const masked = ids.filter((id) => id.startsWith(PER_MAP_ID));
  const real = new Map<string, string>();
  if (masked.length === 0) return real;
  const rows = await client.mapPseudonym.findMany({
    where: { mapId },
    select: { userId: true, number: true },
  });
  const byPerMapId = new Map(rows.map((r) => [perMapId(mapId, r.number), r.userId]));
  for (const id of masked) {
    const userId = byPerMapId.get(id);
    if (userId) real.set(id, userId);
  }
  return real;
}

/**
 * The per-map ids of these people for readers who do not see names, for
 * what is worked out once for every reader (the stream's batches): the
 * map's teachers, and everyone on a map that is not anonymous, are left
 * out (their ids travel as they are). Numbers are given on first need, as
 * the lens does. `anonymous`: whether the map is, when the caller knows.
 */
export async function perMapIdsOf(
  mapId: string,
  userIds: Iterable<string | null | undefined>,
  anonymous?: boolean,
): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const id of userIds) if (id) ids.add(id);
  if (ids.size === 0 || anonymous === false) return new Map();
  if (anonymous === undefined && !(await isAnonymous(mapId))) return new Map();
  const teachers = await mapTeacherIds(mapId);
  const numbers = await pseudonymsOf(
    mapId,
    [...ids].filter((id) => !teachers.has(id)),
  );
  return new Map([...numbers].map(([userId, n]) => [userId, perMapId(mapId, n)]));
}

/**
 * How the people of an anonymous map appear to every reader who does not
 * see names, read inside a write's transaction (`client`) for what the
 * stream sends all of them at once (a comment's changes): pseudonyms and
 * their colours, teachers by their own names. Ids stay user ids here: the
 * stream swaps them for per-map ids per reader (map-stream.ts). Null when
 * someone it must name has no pseudonym yet; it gives none itself (it runs
 * under the map's row lock), so the stream then sends a bare nudge and each
 * page fetches its own view.
 */
export async function peopleAsClassmatesSee(
  mapId: string,
  userIds: Iterable<string | null | undefined>,
  client: Prisma.TransactionClient,
): Promise<PeopleLens | null> {
  const ids = new Set<string>();
  for (const id of userIds) if (id) ids.add(id);
  const teachers = await mapTeacherIds(mapId, client);
  const pseudonymous = [...ids].filter((id) => !teachers.has(id));
  const rows = pseudonymous.length
    ? await client.mapPseudonym.findMany({
        where: { mapId, userId: { in: pseudonymous } },
        select: { userId: true, number: true },
      })
    : [];
  if (rows.length < pseudonymous.length) return null;
  const numbers = new Map(rows.map((r) => [r.userId, r.number]));
  const numberOf = (id: string | null | undefined) => (id ? numbers.get(id) : undefined);
  const shown = (id: string | null | undefined, person: Who) => {
    const n = numberOf(id);
    return n === undefined ? displayName(person) : pseudonymName(n);
  };
  return {
    anonymity: null,
    name: shown,
    handle: shown,
    teachersSee: shown,
    color(id, person) {
      const n = numberOf(id);
      return n === undefined ? avatarColour(person?.avatarColor) : pseudonymColour(n);
    },
    idOf: realId,
    idClassmatesSee: realId,
  };
}

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
  // The reader gets a number only if they have a role here (a student, a
  // member): a passer-by on a public map, who can write nothing, takes none.
  const wanted = new Set<string>();
  for (const id of [...userIds, access.role !== null ? viewerId : null])
    if (id && !teachers.has(id)) wanted.add(id);
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
    idOf: ((id: string | null | undefined) => {
      if (!id) return null;
      const n = seesNames || id === viewerId ? undefined : numberOf(id);
      return n === undefined ? id : perMapId(mapId, n);
    }) as IdOf,
    idClassmatesSee: ((id: string | null | undefined) => {
      const n = numberOf(id);
      return n === undefined ? (id ?? null) : perMapId(mapId, n);
    }) as IdOf,
  };
}

/**
 * The pseudonym numbers of these people on a map, giving the next numbers
 * to those who have none yet. Numbers go in order of first appearance, and
 * people who first appear together are numbered in a random order, so a
 * number says nothing of a name or of the class's roster. Two requests that
 * both meet someone new take the map's pseudonym lock in turn (a
 * transaction-scoped advisory lock keyed on the map, not the map's row
 * lock that edits take): one gives the
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
  const give = async (tx: Prisma.TransactionClient) => {
    await tx.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(hashtext(${`pseudonyms:${mapId}`}))) AS l`;
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
  };
  const given = await db().$transaction(give);
  for (const r of given) known.set(r.userId, r.number);
  return known;
}
