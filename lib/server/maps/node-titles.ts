import 'server-only';
import { db } from '../db';

/**
 * The Argdown titles a map's nodes were imported with (node id → `[…]` or
 * `<…>`), for the exports that write them again. Only for a caller that has
 * already authorized reading the map (the exports read its snapshot first).
 */
export async function readNodeTitles(mapId: string): Promise<Map<string, string>> {
  const rows = await db().node.findMany({
    where: { mapId, deletedAt: null, title: { not: null } },
    select: { id: true, title: true },
  });
  return new Map(rows.map((r) => [r.id, r.title!]));
}
