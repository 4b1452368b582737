import 'server-only';
import {
  authorizeMap,
  teachesMap,
  teamLayerAccess,
  type Actor,
  type MapAccess,
  type TeamLayerAccess,
} from '../authz';
import { AppError } from '../errors';
import { getMapSnapshot } from '../maps/get-map-snapshot';
import { realtimeBus, type BusEvent, type LoggedBatch } from './bus';
import { followMap, lastSeqOf, readBatches } from './map-feed';
import { latestPresenting, rememberPresenting } from './presenting';
import { stampSeq } from '../bench-trace';

/** A client further behind than this gets a fresh snapshot instead of a replay. */
const MAX_REPLAY = 1000;
const HEARTBEAT_MS = 15_000;
/**
 * Access is re-checked when it changes (an `access` event, a reveal in the
 * log, a reconnect of the LISTEN connection); this slow re-check only bounds
 * how long a change made outside the app (by hand in the database) goes
 * unnoticed.
 */
const REAUTHORIZE_MS = 60_000;
const PAGE = 200;
/** A stream waits at most this long for the log to show a batch it already heard of; then it closes (the browser reconnects). */
const STALL_WAIT_MS = 50;
const STALL_RETRIES = 40;

/**
 * Where a stream starts: after the event id the browser last saw
 * (`Last-Event-ID` on reconnect), else after the snapshot the page loaded.
 * Anything else (garbage) starts with a full snapshot.
 */
export function parseResumePoint(lastEventId: string | null, since: string | null): number | null {
  const raw = lastEventId ?? since;
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

const encoder = new TextEncoder();

function frame(event: string, data: unknown, id?: number): Uint8Array {
  return encoder.encode(
    `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
  );
}

/**
 * A batch's frame is the same for every reader who may see it: encoded once
 * per process, whatever the number of open streams. On an anonymous map a
 * batch that names pseudonymous people (`masked`) has a second frame, with
 * their per-map ids, for readers who do not see names; a reader named in it
 * gets their own id back in a frame made for them alone.
 */
const frames = new WeakMap<LoggedBatch, Uint8Array>();
const maskedFrames = new WeakMap<LoggedBatch, Uint8Array>();
const nudgeFrames = new WeakMap<LoggedBatch, Uint8Array>();
function batchFrame(batch: LoggedBatch, reader: { userId: string | null; seesNames: boolean }) {
  const masked = batch.masked;
  // Changes as classmates see them (pseudonyms) name someone pseudonymous: a
  // reader who sees names gets a bare nudge and fetches their view with names.
  if (reader.seesNames && batch.body.pseudonymous && masked) {
    let bytes = nudgeFrames.get(batch);
    if (!bytes) {
      bytes = encodeBatch(batch, {}, false);
      nudgeFrames.set(batch, bytes);
    }
    return bytes;
  }
  if (!masked || reader.seesNames) return plainFrame(batch);
  if (reader.userId !== null && reader.userId in masked) {
    const { [reader.userId]: _mine, ...others } = masked;
    return encodeBatch(batch, others);
  }
  let bytes = maskedFrames.get(batch);
  if (!bytes) {
    bytes = encodeBatch(batch, masked);
    maskedFrames.set(batch, bytes);
  }
  return bytes;
}

function plainFrame(batch: LoggedBatch): Uint8Array {
  let bytes = frames.get(batch);
  if (!bytes) {
    bytes = encodeBatch(batch, {});
    frames.set(batch, bytes);
  }
  return bytes;
}

/**
 * The batch's frame with the user ids in `masked` replaced by their per-map
 * ids (`withChanges` false: without its changes, a nudge to refetch).
 */
function encodeBatch(
  batch: LoggedBatch,
  masked: Record<string, string>,
  withChanges = true,
): Uint8Array {
  const { seq, key } = batch;
  const idOf = (id: string | null) => (id !== null && masked[id]) || id;
  const actorId = idOf(batch.actorId);
  if (
    batch.body.kind === 'social' ||
    batch.body.kind === 'round' ||
    batch.body.kind === 'source' ||
    batch.body.kind === 'vote'
  ) {
    // A source batch logs its changes as its ops: a catch-up, read from the
    // log without the live `changes`, says them too (a removal's quotes to forget).
    const told = batch.body.changes ?? (batch.body.kind === 'source' ? batch.body.ops : undefined);
    let changes: unknown = withChanges ? told : undefined;
    if (batch.body.pseudonymous && changes !== undefined) changes = withIdsMasked(changes, masked);
    else if (batch.body.kind === 'round' && changes && Object.keys(masked).length > 0) {
      const round = changes as { entries?: { authorId: string | null }[] };
      changes = {
        ...round,
        entries: round.entries?.map((e) => ({ ...e, authorId: idOf(e.authorId) })),
      };
    }
    const { roundId, deleted } = batch.body;
    return frame(batch.body.kind, { seq, actorId, key, roundId, deleted, changes }, seq);
  }
  if (batch.body.kind === 'moderation') {
    // Ids only (of the suggestion or flag), never words or names: each
    // page fetches its view only when it shows what changed.
    const { what, suggestionId, flagId } = batch.body;
    return frame('moderation', { seq, actorId, key, what, suggestionId, flagId }, seq);
  }
  return frame('ops', { seq, actorId, key, ops: batch.body.ops }, seq);
}

/**
 * `value` with every string that is one of `masked`'s user ids replaced by
 * its per-map id, at any depth: what a batch's changes as classmates see
 * them (`pseudonymous`) name a person by (authors, mentions, assignees).
 */
function withIdsMasked(value: unknown, masked: Record<string, string>): unknown {
  if (typeof value === 'string') return Object.hasOwn(masked, value) ? masked[value] : value;
  if (Array.isArray(value)) return value.map((item) => withIdsMasked(item, masked));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withIdsMasked(item, masked)]),
    );
  return value;
}

/** What a reader may see of the log: their access to the map and the team layers it opens; whether they see names on an anonymous map. */
async function standingOf(
  actor: Actor,
  mapId: string,
): Promise<TeamLayerAccess & { seesNames: boolean }> {
  const access: MapAccess = await authorizeMap(actor, 'map:read', mapId);
  const [layers, seesNames] = await Promise.all([
    teamLayerAccess(actor, access, mapId),
    teachesMap(actor, access),
  ]);
  return { ...layers, seesNames };
}

/**
 * A presence update as one reader may see it. On an anonymous map it
 * carries the name the teachers see beside the pseudonym (`teacherName`)
 * and the id readers who do not see names get (`seenAs`: the per-map id of
 * a pseudonymous person, null for a guest): teachers get the name and the
 * user id, the person themself their own id with the pseudonym, everyone
 * else the pseudonym and `seenAs`. Worked out once per update and process,
 * like a batch's frame.
 */
type PresenceFrames = {
  names: Uint8Array;
  self: Uint8Array;
  others: Uint8Array;
  userId: string | null;
};
const presenceFrames = new WeakMap<BusEvent, PresenceFrames>();
function presenceFrame(
  event: BusEvent & { payload: string },
  reader: { userId: string | null; seesNames: boolean },
): Uint8Array {
  let frames = presenceFrames.get(event);
  if (!frames) {
    const plain = encoder.encode(`event: presence\ndata: ${event.payload}\n\n`);
    frames = { names: plain, self: plain, others: plain, userId: null };
    if (event.payload.includes('"teacherName"') || event.payload.includes('"seenAs"')) {
      const { teacherName, seenAs, ...presence } = JSON.parse(event.payload) as {
        teacherName?: string;
        seenAs?: string | null;
        name: string;
        userId: string | null;
      };
      const self = frame('presence', presence);
      frames = {
        names: frame('presence', { ...presence, name: teacherName ?? presence.name }),
        self,
        others: seenAs === undefined ? self : frame('presence', { ...presence, userId: seenAs }),
        userId: presence.userId,
      };
    }
    presenceFrames.set(event, frames);
  }
  if (reader.seesNames) return frames.names;
  return reader.userId !== null && reader.userId === frames.userId ? frames.self : frames.others;
}

/**
 * The Server-Sent Events stream of one open map: the op log after `from`
 * (graph batches as `ops`; comment and note batches as `social`, a nudge to
 * refetch what this reader may see; batches of other teams as `skip`), in
 * sequence order with the sequence number as the event id, then live
 * batches as they commit; presence of other readers; heartbeats. A client
 * too far behind, or with an unusable resume point, gets the snapshot.
 *
 * Live batches come from the map's feed (map-feed.ts), shared by every
 * stream of the map in this process: a stream reads the database only to
 * start, to fill a gap of its own, and to re-check access when it changed.
 * Batches private to a team go only to that team (and the owner; everyone
 * once revealed); a reader who lost access gets "revoked" and the stream ends.
 */
export async function openMapStream(
  actor: Actor,
  mapId: string,
  from: number | null,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  let layers = await standingOf(actor, mapId);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const reader = () => ({ userId, seesNames: layers.seesNames });
  let closed = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (bytes: Uint8Array) => {
        if (!closed) controller.enqueue(bytes);
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };

      /** The last seq this reader has been given (or told to skip). */
      let sent = from ?? 0;
      /** Hidden batches (other teams') not yet announced with a `skip`. */
      let hiddenUpTo = 0;
      /** Live batches wait here while the stream starts or catches up, so order holds. */
      let queue: LoggedBatch[] | null = [];

      const flushSkip = () => {
        if (hiddenUpTo > sent) {
          send(frame('skip', { seq: hiddenUpTo }, hiddenUpTo));
          sent = hiddenUpTo;
        }
      };
      /** Passes on the batch after `sent`: its frame, or a skip if another team's. */
      const pass = (batch: LoggedBatch, live: boolean) => {
        if (
          batch.teamId === null ||
          layers.teamIds.includes(batch.teamId) ||
          // A team's private flow notes go to that team alone, never its teacher.
          (layers.all && batch.body.kind !== 'round')
        ) {
          flushSkip();
          send(batchFrame(batch, reader()));
          if (live) {
            stampSeq(batch.seq, 'enqueuedFirst');
            stampSeq(batch.seq, 'enqueuedLast', true);
          }
          sent = batch.seq;
        } else {
          hiddenUpTo = batch.seq;
          if (live) flushSkip();
        }
        // The owner revealed (or hid) the team layers: what this reader may see changed.
        if (batch.body.revealed !== undefined) recheck();
      };
      const position = () => Math.max(sent, hiddenUpTo);

      let catchingUp = false;
      /** Reads from the log everything after this reader's position, then hands on what waited. */
      const catchUp = async () => {
        catchingUp = true;
        try {
          for (let attempt = 0; ; attempt++) {
            if (attempt > 0) {
              // A batch ahead of what the log shows yet: give its commit a moment.
              if (attempt > STALL_RETRIES) throw new Error('the log does not reach the batch');
              await new Promise((resolve) => setTimeout(resolve, STALL_WAIT_MS));
            }
            const lastSeq = await lastSeqOf(mapId);
            while (!closed && position() < lastSeq) {
              const batches = await readBatches(mapId, position(), lastSeq, PAGE);
              if (batches.length === 0) break;
              for (const batch of batches) pass(batch, false);
            }
            flushSkip();
            const waiting = (queue ?? []).sort((a, b) => a.seq - b.seq);
            queue = null;
            // A gap among the waiting batches puts the rest back in a queue: read again.
            for (const batch of waiting) onBatch(batch);
            if (!queue || closed) return;
          }
        } finally {
          catchingUp = false;
        }
      };

      function onBatch(batch: LoggedBatch) {
        if (closed) return;
        if (queue) {
          queue.push(batch);
          return;
        }
        if (batch.seq <= position()) return;
        if (batch.seq === position() + 1) pass(batch, true);
        else {
          // Something before it never reached this stream: read it from the log.
          queue = [batch];
          if (!catchingUp) catchUp().catch(() => close());
        }
      }

      let rechecking = false;
      let recheckAgain = false;
      function recheck() {
        if (rechecking) {
          recheckAgain = true;
          return;
        }
        rechecking = true;
        standingOf(actor, mapId)
          .then((now) => {
            const moved = [...now.teamIds].sort().join() !== [...layers.teamIds].sort().join();
            layers = now;
            // Put on a team, or moved to another: a `social` nudge without
            // changes makes the page fetch the layers it may see now.
            if (moved) send(frame('social', { seq: position() }));
          })
          .catch((error: unknown) => {
            if (
              error instanceof AppError &&
              (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')
            ) {
              send(frame('revoked', { message: 'You no longer have access to this map.' }));
              close();
            }
          })
          .finally(() => {
            rechecking = false;
            if (recheckAgain && !closed) {
              recheckAgain = false;
              recheck();
            }
          });
      }

      const start = async () => {
        const lastSeq = await lastSeqOf(mapId);
        if (from === null || from > lastSeq || lastSeq - from > MAX_REPLAY) {
          const snapshot = await getMapSnapshot(actor, mapId);
          send(frame('snapshot', snapshot, snapshot.seq));
          sent = snapshot.seq;
        }
        send(frame('ready', { seq: sent }));
        // Someone presents: a reader who opens the map now follows at once.
        const presenting = latestPresenting(mapId);
        if (presenting) send(encoder.encode(`event: presenting\ndata: ${presenting}\n\n`));
        // Batches that committed while the stream started came to the queue:
        // the catch-up reads up to the log's end, then hands them on in order.
        await catchUp();
      };

      const unfollow = followMap(mapId, onBatch);
      const unsubscribe = realtimeBus().subscribe(mapId, (event: BusEvent) => {
        if (event.type === 'presence') send(presenceFrame(event, reader()));
        else if (event.type === 'presenting') {
          rememberPresenting(mapId, event.payload);
          send(encoder.encode(`event: presenting\ndata: ${event.payload}\n\n`));
        } else if (event.type === 'access' || event.type === 'resync') recheck();
      });
      const heartbeat = setInterval(() => send(encoder.encode(': ping\n\n')), HEARTBEAT_MS);
      const slowRecheck = setInterval(recheck, REAUTHORIZE_MS);
      cleanup = () => {
        unfollow();
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(slowRecheck);
      };
      signal.addEventListener('abort', close);
      send(encoder.encode('retry: 2000\n\n'));
      start().catch(() => close());
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
}
