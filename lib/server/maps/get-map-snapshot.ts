import 'server-only';
import { tagColorsOf } from '../../domain/tags';
import { readSections, type SectionsView } from '../../domain/sections';
import type { MapSnapshot } from '../../domain/types';
import type { Prisma } from '../../generated/prisma/client';
import { authorizeMap, can, type Actor, type MapAccess } from '../authz';
import { db } from '../db';
import { sourceDocOf } from '../sources/source-doc';
import { edgeStateOf, nodeStateOf } from './graph-rows';
import { getUndoHistory } from './get-undo-history';

/** The live (not deleted) graph of a map with its sources and teams, for drawing it. */
export async function getMapSnapshot(
  actor: Actor,
  mapId: string,
  options: { withHistory?: boolean } = {},
): Promise<MapSnapshot> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  const snapshot = await inOneView((tx) => readMapSnapshot(tx, access, mapId));
  return {
    ...snapshot,
    ...(options.withHistory && {
      history:
        actor.kind === 'user' && can(access, 'map:edit')
          ? await getUndoHistory(mapId, actor.userId)
          : { undo: [], redo: [] },
      actorId: actor.kind === 'user' ? actor.userId : null,
    }),
  };
}

/**
 * Runs `read` in one REPEATABLE READ transaction: every statement sees the
 * same committed state, so a map's `lastSeq` agrees with the rows read
 * beside it while others write. (Its queries must all go through `tx`: on
 * the embedded database the pool has one connection.)
 */
export function inOneView<T>(read: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db().$transaction(read, { isolationLevel: 'RepeatableRead' });
}

/** The snapshot of a map as `tx` sees it, for a reader whose access is `access`. */
export async function readMapSnapshot(
  tx: Prisma.TransactionClient,
  access: MapAccess,
  mapId: string,
): Promise<MapSnapshot> {
  const map = await tx.argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    include: {
      nodes: { where: { deletedAt: null }, orderBy: { createdAt: 'asc' } },
      edges: {
        where: { deletedAt: null, from: { deletedAt: null }, to: { deletedAt: null } },
        orderBy: { createdAt: 'asc' },
      },
      sources: { orderBy: { createdAt: 'asc' } },
      teams: {
        orderBy: { name: 'asc' },
        select: { id: true, name: true, color: true, side: true },
      },
      classroom: { select: { citationStyle: true } },
    },
  });
  return {
    id: map.id,
    title: map.title,
    motion: map.motion,
    description: map.description,
    seq: map.lastSeq,
    nodes: map.nodes.map((row) => {
      const { deleted: _deleted, ...node } = nodeStateOf(row);
      return node;
    }),
    edges: map.edges.map((row) => {
      const { deleted: _deleted, ...edge } = edgeStateOf(row);
      return edge;
    }),
    sources: map.sources.map(sourceDocOf),
    citationStyle: map.classroom?.citationStyle ?? 'DEBATE',
    tagColors: tagColorsOf(map.tagColors),
    teams: map.teams,
    canEdit: can(access, 'map:edit'),
    canManage: can(access, 'map:manage'),
    ...sectionsOf(map.sections, map.nodes),
  };
}

/** The snapshot's `sections`, only for a map that has some. */
function sectionsOf(
  stored: unknown,
  nodes: readonly { id: string; section: string | null }[],
): { sectionsView?: SectionsView } {
  const sections = readSections(stored);
  if (sections.length === 0) return {};
  const ids = new Set(sections.map((s) => s.id));
  const nodeSection: Record<string, string> = {};
  for (const n of nodes) if (n.section && ids.has(n.section)) nodeSection[n.id] = n.section;
  return { sectionsView: { sections, nodeSection } };
}
