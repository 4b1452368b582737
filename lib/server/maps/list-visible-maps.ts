import 'server-only';
import { visibleMapsWhere, type Actor } from '../authz';
import { db } from '../db';

export type MapCard = {
  id: string;
  title: string;
  motion: string;
  description: string;
  nodeCount: number;
  sourceCount: number;
  updatedAt: string;
};

/** The maps an actor may open (lib/server/authz decides which): for the home page. */
export async function listVisibleMaps(actor: Actor): Promise<MapCard[]> {
  const maps = await db().argumentMap.findMany({
    where: visibleMapsWhere(actor),
    orderBy: { updatedAt: 'desc' },
    take: 100,
    select: {
      id: true,
      title: true,
      motion: true,
      description: true,
      updatedAt: true,
      _count: { select: { nodes: { where: { deletedAt: null } }, sources: true } },
    },
  });
  return maps.map((m) => ({
    id: m.id,
    title: m.title,
    motion: m.motion,
    description: m.description,
    nodeCount: m._count.nodes,
    sourceCount: m._count.sources,
    updatedAt: m.updatedAt.toISOString(),
  }));
}
