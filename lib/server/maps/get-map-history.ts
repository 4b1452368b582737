import 'server-only';
import { describeBatch, INTENTS, type HistoryItem, type Intent } from '../../domain/history';
import type { TOp } from '../../domain/ops';
import type { SourceChange } from '../../domain/evidence/source-draft';
import type { TRoundOp } from '../../domain/rounds/types';
import type { TSocialOp } from '../../domain/social';
import type { MapSnapshot } from '../../domain/types';
import { authorizeMap, type Actor } from '../authz';
import { db } from '../db';
import { peopleAsSeenBy } from './display-names';
import { inOneView, readMapSnapshot } from './get-map-snapshot';
import { readRewindBase, rewindTo } from './map-checkpoints';

const PAGE = 50;

/** The map's timeline, newest first: who changed what, when. Team-private batches are not part of it. */
export async function getMapHistory(
  actor: Actor,
  mapId: string,
  before: number | null,
): Promise<{ items: HistoryItem[]; more: boolean }> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  const [rows, nodes] = await Promise.all([
    db().mapOp.findMany({
      where: { mapId, teamId: null, ...(before !== null && { seq: { lt: before } }) },
      orderBy: { seq: 'desc' },
      take: PAGE + 1,
      select: {
        seq: true,
        createdAt: true,
        op: true,
        actorId: true,
        actor: { select: { name: true, email: true, avatarColor: true } },
      },
    }),
    db().node.findMany({ where: { mapId }, select: { id: true, text: true } }),
  ]);
  const texts = new Map(nodes.map((n) => [n.id, n.text]));
  const people = await peopleAsSeenBy(
    actor,
    access,
    rows.map((r) => r.actorId),
  );
  const items = rows.slice(0, PAGE).map((row) => {
    const body = row.op as {
      ops: TOp[];
      intent?: Intent;
      kind?: string;
      revealed?: boolean;
      anonymous?: boolean;
      released?: boolean;
      deleted?: boolean;
      edited?: boolean;
      created?: boolean;
    };
    if (body.kind === 'round') {
      return {
        seq: row.seq,
        at: row.createdAt.toISOString(),
        who: people.name(row.actorId, row.actor),
        color: people.color(row.actorId, row.actor),
        summary: describeRound(body.ops as unknown as TRoundOp[], body),
      };
    }
    if (body.kind === 'vote') {
      return {
        seq: row.seq,
        at: row.createdAt.toISOString(),
        who: people.name(row.actorId, row.actor),
        color: people.color(row.actorId, row.actor),
        summary: body.ops.length ? 'voted on a claim’s impact' : 'changed how the map is voted on',
      };
    }
    if (body.kind === 'moderation') {
      return {
        seq: row.seq,
        at: row.createdAt.toISOString(),
        who: people.name(row.actorId, row.actor),
        color: people.color(row.actorId, row.actor),
        summary: MODERATION_WORDS[(body as { what?: string }).what ?? ''] ?? 'moderated the map',
      };
    }
    if (body.kind === 'source') {
      return {
        seq: row.seq,
        at: row.createdAt.toISOString(),
        who: people.name(row.actorId, row.actor),
        color: people.color(row.actorId, row.actor),
        summary: describeSourceChanges(body.ops as unknown as SourceChange[]),
      };
    }
    if (body.kind === 'social') {
      return {
        seq: row.seq,
        at: row.createdAt.toISOString(),
        who: people.name(row.actorId, row.actor),
        color: people.color(row.actorId, row.actor),
        summary: body.anonymous
          ? 'made the map anonymous'
          : describeSocial(
              body.ops as unknown as TSocialOp[],
              body.revealed,
              (id) => texts.get(id) ?? null,
            ),
      };
    }
    return {
      seq: row.seq,
      at: row.createdAt.toISOString(),
      who: people.name(row.actorId, row.actor),
      color: people.color(row.actorId, row.actor),
      summary: describeBatch(
        body.ops,
        INTENTS.includes(body.intent as Intent) ? (body.intent as Intent) : 'do',
        (id) => texts.get(id) ?? null,
      ),
    };
  });
  return { items, more: rows.length > PAGE };
}

/**
 * The map as it was right after batch `seq`: the nearest checkpoint at or
 * after `seq` (or today's graph) with the inverses of the batches between
 * applied, newest first; at most about CHECKPOINT_EVERY of them
 * (map-checkpoints.ts).
 */
export async function getMapAt(actor: Actor, mapId: string, seq: number): Promise<MapSnapshot> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  // The snapshot, the checkpoint and the log read in one view: the inverses
  // rewound are exactly those of the batches after `seq` that the starting
  // graph already contains.
  const read = await inOneView(async (tx) => {
    const snapshot = await readMapSnapshot(tx, access, mapId);
    if (seq >= snapshot.seq) return { snapshot, base: null };
    return { snapshot, base: await readRewindBase(tx, mapId, seq, snapshot.seq) };
  });
  const { snapshot, base } = read;
  if (!base) return snapshot;
  const past = rewindTo(mapId, base, seq);
  const liveNodes = [...past.nodes.values()].filter((n) => !n.deleted);
  const live = new Set(liveNodes.map((n) => n.id));
  return {
    ...snapshot,
    seq,
    canEdit: false,
    canManage: false,
    nodes: liveNodes.map(({ deleted: _d, ...n }) => n),
    edges: [...past.edges.values()]
      .filter((e) => !e.deleted && live.has(e.fromId) && live.has(e.toId))
      .map(({ deleted: _d, ...e }) => e),
  };
}

/** Comment batches in the timeline (team notes are never in it). */
function describeSocial(
  ops: TSocialOp[],
  revealed: boolean | undefined,
  nameOf: (id: string) => string | null,
): string {
  if (revealed !== undefined)
    return revealed ? 'revealed every team’s notes' : 'hid the teams’ notes again';
  const op = ops[0];
  const on = (id: string | null) =>
    id && nameOf(id) ? `“${nameOf(id)!.slice(0, 60)}”` : 'a connection';
  switch (op?.type) {
    case 'addComment':
      return op.parentId ? 'replied in a thread' : `commented on ${on(op.nodeId)}`;
    case 'resolveThread':
      return op.resolved ? 'resolved a thread' : 'reopened a thread';
    case 'editComment':
      return 'edited a comment';
    case 'deleteComment':
      return 'deleted a comment';
    case 'restoreComment':
      return 'brought back a comment';
    default:
      return 'commented';
  }
}

/** A practice round's batch in the timeline: the flow, the clocks, a ballot. */
function describeRound(
  ops: TRoundOp[],
  {
    released,
    deleted,
    edited,
    created,
  }: { released?: boolean; deleted?: boolean; edited?: boolean; created?: boolean },
): string {
  if (created) return 'made a practice round';
  if (deleted) return 'deleted a practice round';
  if (edited) return 'corrected a practice round’s motion, benches or judges';
  if (released) return 'released a ballot of a practice round';
  if (ops.some((op) => op.type === 'clock')) return 'ran a practice round’s clock';
  const added = ops.filter((op) => op.type === 'addEntry').length;
  if (added) return `flowed ${added === 1 ? 'an entry' : `${added} entries`} in a practice round`;
  return 'changed a practice round’s flow';
}

/** What a batch of kind 'moderation' did, in the timeline's words (never whose suggestion or what it said). */
const MODERATION_WORDS: Record<string, string> = {
  suggested: 'suggested a change',
  withdrawn: 'withdrew a suggestion',
  approved: 'approved a suggestion',
  declined: 'declined a suggestion',
  flagged: 'flagged a card for review',
  resolved: 'dealt with a flag',
  settings: 'changed how the map is moderated',
};

/** What a batch of kind 'source' did, in the timeline's words. */
function describeSourceChanges(changes: SourceChange[]): string {
  return changes
    .map((c) =>
      c.type === 'addSource'
        ? `added the source “${c.title}”`
        : c.type === 'removeSource'
          ? `removed the source “${c.title}”`
          : `changed the details of the source “${c.title}”`,
    )
    .join('; ');
}
