import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { AppError } from '../errors';

type Tx = Prisma.TransactionClient;

/** A comment or note may only be put on a node or connection of this map that is not deleted. */
export async function checkLiveTarget(
  tx: Tx,
  mapId: string,
  target: { nodeId?: string | null; edgeId?: string | null },
) {
  if (target.nodeId) {
    const node = await tx.node.findFirst({
      where: { id: target.nodeId, mapId },
      select: { deletedAt: true },
    });
    if (!node) throw new AppError('NOT_FOUND', 'That node is not on this map.');
    if (node.deletedAt) throw new AppError('DELETED', 'That node has been deleted.');
  }
  if (target.edgeId) {
    const edge = await tx.edge.findFirst({
      where: { id: target.edgeId, mapId },
      select: { deletedAt: true },
    });
    if (!edge) throw new AppError('NOT_FOUND', 'That connection is not on this map.');
    if (edge.deletedAt) throw new AppError('DELETED', 'That connection has been deleted.');
  }
}
