import 'server-only';
import { displayName } from '../../domain/people';
import {
  PRESENTING_STALE_MS,
  type PresentingInput,
  type PresentingState,
} from '../../domain/presenting';
import { authorizePresenting, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { announce } from './bus';

/**
 * The latest presenting state of each map this process has heard of, so a
 * reader who opens the map while someone presents follows at once. Memory
 * only, like presence: every process hears every state through the bus (the
 * presenter renews it every few seconds), and one not renewed is forgotten.
 */
type Known = { payload: string; at: number; n: number; clientId: string };
// One per process, whichever route's bundle asks (the stream's and the POST's are built apart).
const globalForPresenting = globalThis as unknown as {
  counterpointPresenting?: Map<string, Known>;
};
const latest = (globalForPresenting.counterpointPresenting ??= new Map<string, Known>());

export function rememberPresenting(mapId: string, payload: string): void {
  let state: PresentingState;
  try {
    state = JSON.parse(payload) as PresentingState;
  } catch {
    return;
  }
  const known = latest.get(mapId);
  // A late update of the same tab changes nothing.
  if (known && known.clientId === state.clientId && known.n >= state.n) return;
  if (!state.active) {
    latest.delete(mapId);
    return;
  }
  if (latest.size > 10_000) latest.clear();
  latest.set(mapId, { payload, at: state.at, n: state.n, clientId: state.clientId });
}

/** The map's presenting state as sent, or null when nobody presents it (or they left). */
export function latestPresenting(mapId: string): string | null {
  const known = latest.get(mapId);
  if (!known) return null;
  if (Date.now() - known.at > PRESENTING_STALE_MS) {
    latest.delete(mapId);
    return null;
  }
  return known.payload;
}

/**
 * Tells the map's readers where the presenter is: the part of the map they
 * show, their selection and spotlight. Only the map's managers and the
 * teacher of its class may present (authorizePresenting); never stored.
 */
export async function publishPresenting(
  actor: Actor,
  mapId: string,
  input: PresentingInput,
): Promise<void> {
  await authorizePresenting(actor, mapId);
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to present a map.');
  const user = await db().user.findUnique({
    where: { id: actor.userId },
    select: { name: true, email: true },
  });
  const state: PresentingState = {
    ...input,
    presenterId: actor.userId,
    name: user ? displayName(user) : 'The presenter',
    at: Date.now(),
  };
  const payload = JSON.stringify(state);
  rememberPresenting(mapId, payload);
  await announce(db(), { type: 'presenting', mapId, payload });
}

/** Whether the actor may present this map (the map page asks, to show "Present"). */
export async function mayPresent(actor: Actor, mapId: string): Promise<boolean> {
  try {
    await authorizePresenting(actor, mapId);
    return actor.kind === 'user';
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') return false;
    throw error;
  }
}
