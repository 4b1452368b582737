import 'server-only';
import {
  hasWords,
  storedSuggestion,
  type ModerationView,
  type SuggestionView,
} from '../../domain/moderation/suggestions';
import type { Prisma } from '../../generated/prisma/client';
import { heldForApproval, moderationStanding } from '../authz';
import { db } from '../db';
import { peopleAsSeenBy } from '../maps/display-names';
import { listMapPeople } from '../maps/list-map-people';
import { mapUseCase, type MapContext } from '../map-use-case';

const LIST = 200;
const person = { select: { id: true, name: true, email: true } } as const;
const suggestionSelect = {
  id: true,
  ops: true,
  nodeId: true,
  parentId: true,
  text: true,
  beforeText: true,
  status: true,
  reason: true,
  createdAt: true,
  decidedAt: true,
  author: person,
} satisfies Prisma.SuggestionSelect;
type SuggestionRow = Prisma.SuggestionGetPayload<{ select: typeof suggestionSelect }>;

/**
 * Moderation as this reader may see it: the map's mode and the reader's
 * standing; for moderators the waiting suggestions and open flags, oldest
 * first; for everyone their own suggestions (with a decline's reason) and
 * the cards they flagged. Nobody else's suggested words reach a student.
 */
export const getModeration = mapUseCase('map:read', getModerationView);

async function getModerationView({ actor, access }: MapContext): Promise<ModerationView> {
  const mapId = access.map.id;
  const standing = await moderationStanding(actor, access);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const [queue, flags, mine, myFlags, people, moderators] = await Promise.all([
    standing.moderator
      ? db().suggestion.findMany({
          where: { mapId, status: 'WAITING' },
          orderBy: { createdAt: 'asc' },
          take: LIST,
          select: suggestionSelect,
        })
      : [],
    standing.moderator
      ? db().flag.findMany({
          where: { mapId, resolvedAt: null, node: { deletedAt: null } },
          orderBy: { createdAt: 'asc' },
          take: LIST,
          select: {
            id: true,
            nodeId: true,
            reason: true,
            createdAt: true,
            node: { select: { text: true } },
            raisedBy: person,
          },
        })
      : [],
    userId
      ? db().suggestion.findMany({
          where: { mapId, authorId: userId, status: { not: 'WITHDRAWN' } },
          orderBy: { createdAt: 'desc' },
          take: LIST,
          select: suggestionSelect,
        })
      : [],
    userId
      ? db().flag.findMany({ where: { mapId, raisedById: userId }, select: { nodeId: true } })
      : [],
    standing.manager ? listMapPeople(mapId) : [],
    standing.manager
      ? db().mapModerator.findMany({ where: { mapId }, select: { userId: true } })
      : [],
  ]);
  // The cards suggestions are about, with their words now: what a new card answers,
  // what a connection joins, the card an edit, a new kind or a deletion is for.
  // A suggestion today's rules no longer read is listed as such, never a failure for all.
  const stored = new Map([...queue, ...mine].map((s) => [s.id, storedSuggestion(s.ops)]));
  const cardIds = [...stored.values()].flatMap((read) => {
    if (!read.readable) return [];
    const { shape } = read;
    return [
      ...(shape.parentId ? [shape.parentId] : []),
      ...(shape.kind === 'new' ? [] : [shape.nodeId]),
    ];
  });
  const cards = cardIds.length
    ? await db().node.findMany({
        where: { mapId, id: { in: [...new Set(cardIds)] } },
        select: { id: true, text: true },
      })
    : [];
  const cardText = new Map(cards.map((p) => [p.id, p.text]));
  // On an anonymous map a student moderator sees who suggested or flagged by pseudonym and per-map id.
  const lens = await peopleAsSeenBy(actor, access, [
    ...[...queue, ...mine].map((s) => s.author?.id),
    ...flags.map((f) => f.raisedBy.id),
  ]);
  const view = (row: SuggestionRow): SuggestionView => {
    const common = {
      id: row.id,
      nodeId: row.nodeId,
      author: { id: lens.idOf(row.author?.id), name: lens.name(row.author?.id, row.author) },
      beforeText: row.beforeText,
      status: row.status,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
    };
    const read = stored.get(row.id)!;
    // What can be said of it: who, when, and its words as stored.
    if (!read.readable)
      return {
        ...common,
        kind: 'unreadable',
        problem: read.reason,
        nodeKind: null,
        relation: null,
        parent: null,
        text: row.text,
      };
    const { shape, ops } = read;
    const created = ops.find((op) => op.type === 'createNode');
    const edge = ops.find((op) => op.type === 'createEdge');
    return {
      ...common,
      kind: shape.kind,
      nodeKind: shape.kind === 'rekind' ? shape.nodeKind : (created?.kind ?? null),
      relation: edge?.relation ?? null,
      parent: row.parentId
        ? { id: row.parentId, text: cardText.get(row.parentId) ?? '(deleted card)' }
        : null,
      text: hasWords(shape.kind) ? row.text : (cardText.get(row.nodeId) ?? row.text),
    };
  };
  const appointed = new Set(moderators.map((m) => m.userId));
  return {
    me: userId,
    requireApproval: standing.requireApproval,
    moderator: standing.moderator,
    manager: standing.manager,
    held: access.role !== null && heldForApproval(standing, ['createNode']),
    queue: queue.map(view),
    flags: flags.map((f) => ({
      id: f.id,
      nodeId: f.nodeId,
      nodeText: f.node.text,
      raisedBy: lens.name(f.raisedBy.id, f.raisedBy),
      reason: f.reason,
      createdAt: f.createdAt.toISOString(),
    })),
    mine: mine.map(view),
    myFlags: myFlags.map((f) => f.nodeId),
    // Managers only: they see names, and ids as they are.
    people: people
      .filter((p) => p.id !== userId)
      .map((p) => ({ ...p, moderator: appointed.has(p.id) })),
  };
}
