import 'server-only';
import { z } from 'zod';
import { authorizeMap, type Actor } from '../authz';
import { db } from '../db';
import { peopleAsSeenBy } from '../maps/display-names';
import { announce } from './bus';

export const ZPresenceInput = z.object({
  /** One per open tab, so two tabs of one person are two cursors. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/),
  selection: z.string().max(64).nullable().default(null),
  cursor: z
    .object({
      x: z.number().finite().min(-1e7).max(1e7),
      y: z.number().finite().min(-1e7).max(1e7),
    })
    .nullable()
    .default(null),
  left: z.boolean().default(false),
  /** The tab's count of its updates, so a late one is told from a newer one. */
  n: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
});

type Presence = z.infer<typeof ZPresenceInput> & {
  userId: string | null;
  /** As the map's students see it: a pseudonym on an anonymous map. */
  name: string;
  /** On an anonymous map, the name its teachers see; the stream gives it only to them (map-stream.ts). */
  teacherName?: string;
  /** On an anonymous map, the id readers who do not see names get instead of `userId` (map-stream.ts). */
  seenAs?: string | null;
  color: string;
  at: number;
};

/**
 * Tells the map's other readers who is here, what they selected and where
 * their cursor is. Memory only: presence is never written to the database,
 * only passed through NOTIFY between processes.
 */
export async function publishPresence(
  actor: Actor,
  mapId: string,
  input: z.infer<typeof ZPresenceInput>,
): Promise<void> {
  const { name, teacherName, color, seenAs } = await presenceIdentity(actor, mapId);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const presence: Presence = {
    ...input,
    userId,
    name,
    ...(teacherName !== name && { teacherName }),
    ...(seenAs !== userId && { seenAs }),
    color,
    at: Date.now(),
  };
  await announce(db(), { type: 'presence', mapId, payload: JSON.stringify(presence) });
}

/**
 * Tells the map's other readers that a tab went, when its event stream
 * closed: the tab's own goodbye (sent as the page hides) can be lost with a
 * crashed or killed tab. Unnumbered (`n` 0), so a later update of the same
 * tab (its stream reconnected after a network blip) brings it back. Never
 * throws: whoever left may no longer be allowed to read the map.
 */
export async function announceStreamClosed(
  actor: Actor,
  mapId: string,
  clientId: string,
): Promise<void> {
  await publishPresence(actor, mapId, {
    clientId,
    selection: null,
    cursor: null,
    left: true,
    n: 0,
  }).catch(() => {});
}

/**
 * Cursor updates arrive several times a second per reader: who they are and
 * whether they may read the map is checked at most every few seconds (as
 * often as an open stream re-checks access), not on every update.
 */
const IDENTITY_TTL_MS = 3_000;
type Identity = { name: string; teacherName: string; color: string; seenAs: string | null };
const identities = new Map<string, Identity & { until: number }>();

async function presenceIdentity(actor: Actor, mapId: string): Promise<Identity> {
  const key = `${mapId}:${actor.kind === 'user' ? actor.userId : actor.kind === 'share-link' ? `link:${actor.linkId}` : 'anonymous'}`;
  const cached = identities.get(key);
  if (cached && cached.until > Date.now()) return cached;
  const access = await authorizeMap(actor, 'map:read', mapId);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const user =
    actor.kind === 'user'
      ? await db().user.findUnique({
          where: { id: actor.userId },
          select: { name: true, email: true, avatarColor: true },
        })
      : null;
  // The reader themself: the lens numbers them if they have a role here.
  const people = await peopleAsSeenBy(actor, access, []);
  // On an anonymous map, a signed-in passer-by with no role here (a public
  // map) has no pseudonym: like a link visitor, a guest to classmates.
  const guest = !user || (people.anonymity !== null && access.role === null);
  const identity = {
    // A share-link visitor has no account: a guest, in the neutral colour.
    name: guest ? 'Guest' : people.handle(userId, user),
    teacherName: user ? people.teachersSee(userId, user) : 'Guest',
    color: guest ? people.color(null, null) : people.color(userId, user),
    seenAs: guest ? null : people.idClassmatesSee(userId),
    until: Date.now() + IDENTITY_TTL_MS,
  };
  if (identities.size > 10_000) identities.clear();
  identities.set(key, identity);
  return identity;
}
