import 'server-only';
import type { SourceChange } from '../../domain/evidence/source-draft';
import { Prisma } from '../../generated/prisma/client';
import { authorizeMap, can, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { appendToLog } from '../maps/append-to-log';

/** At most this many quoting cards are named in a refusal (the count is always whole). */
const MAX_CARDS_NAMED = 50;

const quoteCount = (n: number) =>
  n === 1 ? '1 card quotes this source' : `${n.toLocaleString('en')} cards quote this source`;

/**
 * What removing a source would take with it, for the page that offers it
 * (the map's managers: null for anyone else, who is not offered it): how
 * many deleted cards quote it, and how many highlights and notes of every
 * team are on it (a manager sees every team's layer, so the count tells
 * them nothing they could not read).
 */
export async function sourceRemovalOutlook(
  actor: Actor,
  mapId: string,
  sourceId: string,
): Promise<{ quotedByDeleted: number; passages: number } | null> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  if (!can(access, 'map:manage')) return null;
  const [quotedByDeleted, passages] = await Promise.all([
    db().node.count({ where: { mapId, sourceId, deletedAt: { not: null } } }),
    db().annotation.count({ where: { mapId, sourceId, deletedAt: null } }),
  ]);
  return { quotedByDeleted, passages };
}

/**
 * Removes a source added by mistake, for the map's managers (its owner, the
 * class's teacher). Not for every editor who may add one: every team's
 * highlights and notes on it go with it, and a student cannot see, so could
 * not be warned of, another team's. Refused (409, naming the cards) while any live card of the
 * map quotes it: evidence never silently loses its anchor. Cards deleted
 * earlier that quote it keep their text but lose their quote (anchor and
 * card marks cleared in the same transaction), so Undo brings such a card
 * back as evidence without a quote instead of one pointing at a missing
 * source (docs/ARCHITECTURE.md, "Removing a source"). Every team's
 * highlights and notes on it go with it (the schema's Cascade). Logged as
 * a batch of kind 'source', so open pages fetch their list again.
 */
export async function removeSource(
  actor: Actor,
  mapId: string,
  sourceId: string,
): Promise<{ seq: number }> {
  await authorizeMap(actor, 'map:manage', mapId);
  const appended = await appendToLog(
    { mapId, actorId: actor.kind === 'user' ? actor.userId : null },
    async (tx) => {
      // Under the map's row lock: no edit can add a quote between this check and the delete.
      const source = await tx.source.findFirst({
        where: { id: sourceId, mapId },
        select: { id: true, title: true },
      });
      if (!source) throw new AppError('NOT_FOUND', 'This source is not on the map any more.');
      const where = { mapId, sourceId, deletedAt: null };
      const quoting = await tx.node.count({ where });
      if (quoting > 0) {
        const cards = await tx.node.findMany({
          where,
          // Cards made in one batch share a time: then as they read, so the list is always the same.
          orderBy: [{ createdAt: 'asc' }, { text: 'asc' }, { id: 'asc' }],
          select: { id: true, text: true },
          take: MAX_CARDS_NAMED,
        });
        throw new AppError(
          'CONFLICT',
          `${quoteCount(quoting)}; delete ${quoting === 1 ? 'it' : 'them'} or change ${quoting === 1 ? 'its quote' : 'their quotes'} first.`,
          { cards, count: quoting },
        );
      }
      await tx.node.updateMany({
        where: { mapId, sourceId, deletedAt: { not: null } },
        data: {
          sourceId: null,
          anchorExact: null,
          anchorPrefix: null,
          anchorSuffix: null,
          anchorStart: null,
          anchorEnd: null,
          card: Prisma.DbNull,
        },
      });
      await tx.source.delete({ where: { id: sourceId } });
      const change: SourceChange = { type: 'removeSource', id: source.id, title: source.title };
      return { op: { kind: 'source', ops: [change] }, live: { changes: [change] }, value: null };
    },
  );
  if (appended.duplicate) throw new AppError('CONFLICT', 'This source was already removed.');
  return { seq: appended.seq };
}
