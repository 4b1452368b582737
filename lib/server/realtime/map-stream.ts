import 'server-only';
import type { TOp } from '../../domain/ops';
import { authorizeMap, teamLayerAccess, type Actor, type MapAccess } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { getMapSnapshot } from '../maps/get-map-snapshot';
import { realtimeBus, type BusEvent } from './bus';

/** A client further behind than this gets a fresh snapshot instead of a replay. */
const MAX_REPLAY = 1000;
const HEARTBEAT_MS = 15_000;
/** How often an open stream checks that its reader may still read the map. */
const REAUTHORIZE_MS = 3_000;
const PAGE = 200;

/** One batch of the op log as a stream event carries it. */
type StreamedBatch = { seq: number; actorId: string | null; key: string | null; ops: TOp[] };

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

function frame(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Which team-private batches a reader's stream carries: the team layers the
 * reader may see (authz `teamLayerAccess`). Team batches carry notes; the
 * stream only says that a layer changed (readers fetch what they may see).
 */
async function teamFilterFor(actor: Actor, access: MapAccess, mapId: string) {
  const layers = await teamLayerAccess(actor, access, mapId);
  if (layers.all) return {};
  return { OR: [{ teamId: null }, { teamId: { in: layers.teamIds } }] };
}

/**
 * The Server-Sent Events stream of one open map: the op log after `from`
 * (graph batches as `ops`; comment and note batches as `social`, a nudge to
 * refetch what this reader may see),
 * in sequence order with the sequence number as the event id, then live
 * batches as they commit; presence of other readers; heartbeats. A client
 * too far behind, or with an unusable resume point, gets the snapshot.
 * Batches private to a team go only to that team (and the owner; everyone
 * once revealed). The reader's access and teams are re-checked every few
 * seconds; a reader who lost access gets "revoked" and the stream ends.
 */
export async function openMapStream(
  actor: Actor,
  mapId: string,
  from: number | null,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  // Re-read with the access on every re-check: a student moved to another
  // team, or the owner's reveal, changes what the open stream carries.
  let teamFilter = await teamFilterFor(actor, access, mapId);
  const encoder = new TextEncoder();
  let closed = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
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

      let sent = from ?? 0;
      /**
       * False until the resume point is settled: a batch that commits while
       * the stream starts is caught up by start's own catch-up, which reads
       * lastSeq after subscribing (not replayed from 0 before the snapshot).
       */
      let started = false;
      let chain: Promise<void> = Promise.resolve();
      /** Sends everything after `sent`, one catch-up at a time (so never out of order). */
      const catchUp = () => {
        chain = chain
          .then(async () => {
            while (!closed) {
              // lastSeq is written in the same transaction as its batch: every
              // batch up to it is committed and visible to the query below.
              const { lastSeq } = await db().argumentMap.findUniqueOrThrow({
                where: { id: mapId },
                select: { lastSeq: true },
              });
              if (lastSeq <= sent) return;
              const rows = await db().mapOp.findMany({
                where: { mapId, seq: { gt: sent, lte: lastSeq }, ...teamFilter },
                orderBy: { seq: 'asc' },
                take: PAGE,
                select: { seq: true, actorId: true, idempotencyKey: true, op: true },
              });
              for (const row of rows) {
                const body = row.op as { kind?: string; ops: TOp[] };
                if (body.kind === 'social') {
                  send(
                    frame(
                      'social',
                      { seq: row.seq, actorId: row.actorId, key: row.idempotencyKey },
                      row.seq,
                    ),
                  );
                } else {
                  const batch: StreamedBatch = {
                    seq: row.seq,
                    actorId: row.actorId,
                    key: row.idempotencyKey,
                    ops: body.ops,
                  };
                  send(frame('ops', batch, row.seq));
                }
                sent = row.seq;
              }
              if (rows.length < PAGE) {
                // The rest up to lastSeq belongs to other teams: move the cursor past it.
                if (sent < lastSeq) {
                  send(frame('skip', { seq: lastSeq }, lastSeq));
                  sent = lastSeq;
                }
                return;
              }
            }
          })
          .catch(() => close());
      };

      const start = async () => {
        const { lastSeq } = await db().argumentMap.findUniqueOrThrow({
          where: { id: mapId },
          select: { lastSeq: true },
        });
        if (from === null || from > lastSeq || lastSeq - from > MAX_REPLAY) {
          const snapshot = await getMapSnapshot(actor, mapId);
          send(frame('snapshot', snapshot, snapshot.seq));
          sent = snapshot.seq;
        }
        send(frame('ready', { seq: sent }));
        started = true;
        catchUp();
      };

      const unsubscribe = realtimeBus().subscribe(mapId, (event: BusEvent) => {
        if (event.type === 'presence') send(`event: presence\ndata: ${event.payload}\n\n`);
        else if (started) catchUp();
      });
      const heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS);
      const recheck = setInterval(() => {
        authorizeMap(actor, 'map:read', mapId)
          .then(async (now) => {
            teamFilter = await teamFilterFor(actor, now, mapId);
          })
          .catch((error: unknown) => {
            if (
              error instanceof AppError &&
              (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')
            ) {
              send(frame('revoked', { message: 'You no longer have access to this map.' }));
              close();
            }
          });
      }, REAUTHORIZE_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(recheck);
      };
      signal.addEventListener('abort', close);
      send('retry: 2000\n\n');
      start().catch(() => close());
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
}
