import 'server-only';
import { randomUUID } from 'node:crypto';
import { normalizeMarks } from '../../domain/evidence/card';
import type { Anchor, GraphEdge, GraphNode } from '../../domain/types';
import { remapCqAnswer } from '../../domain/reasoning/answers';
import { Prisma } from '../../generated/prisma/client';

type NodeIn = Pick<GraphNode, 'id' | 'kind' | 'text' | 'side' | 'x' | 'y'> & {
  anchor: Anchor | null;
  /** Kept only with its anchor (a backup's marks are checked against the passage first). */
  card?: GraphNode['card'];
  /** Its Argdown title, from an import or a backup. */
  title?: string | null;
  /** Its tags, already normalised (a backup's are checked by zod). */
  tags?: string[];
  /** Its section's id (ArgumentMap.sections), from an import or a backup. */
  section?: string | null;
  /** Its Argdown data that is not ours, from an import or a backup. */
  argdownData?: Prisma.InputJsonObject | null;
};
type EdgeIn = Pick<GraphEdge, 'id' | 'fromId' | 'toId' | 'relation' | 'groupId'> &
  Partial<Pick<GraphEdge, 'scheme' | 'schemeName' | 'answers'>>;

/**
 * Writes a graph into a new map under new ids, inside the caller's
 * transaction: nodes (anchors pointing at the map's copies of their sources,
 * by `sourceIds`), then edges between them, with linked-argument groups
 * given new ids too (and the answers to critical questions pointing at
 * them). Edges whose ends are not in `nodes` are left out.
 * Shared by the demo copy and every import, so both write the same rows.
 */
export async function writeGraph(
  tx: Prisma.TransactionClient,
  target: { mapId: string; ownerId: string; sourceIds: ReadonlyMap<string, string> },
  graph: { nodes: readonly NodeIn[]; edges: readonly EdgeIn[] },
): Promise<{ nodeIds: Map<string, string>; edgeIds: Map<string, string> }> {
  const { mapId, ownerId, sourceIds } = target;
  const nodeIds = new Map(graph.nodes.map((n) => [n.id, randomUUID()]));
  await tx.node.createMany({
    data: graph.nodes.map((n) => {
      const source = n.anchor ? sourceIds.get(n.anchor.sourceId) : undefined;
      const a = source ? n.anchor : null;
      return {
        id: nodeIds.get(n.id)!,
        mapId,
        kind: n.kind,
        text: n.text,
        side: n.side,
        x: n.x,
        y: n.y,
        createdById: ownerId,
        sourceId: source ?? null,
        anchorExact: a?.exact ?? null,
        anchorPrefix: a?.prefix ?? null,
        anchorSuffix: a?.suffix ?? null,
        anchorStart: a?.start ?? null,
        anchorEnd: a?.end ?? null,
        card: a && n.card ? normalizeMarks(n.card, a.exact.length) : Prisma.DbNull,
        title: n.title ?? null,
        tags: n.tags ?? [],
        section: n.section ?? null,
        argdownData: n.argdownData ?? Prisma.DbNull,
      };
    }),
  });
  const edges = graph.edges.filter((e) => nodeIds.has(e.fromId) && nodeIds.has(e.toId));
  const edgeIds = new Map(edges.map((e) => [e.id, randomUUID()]));
  const groupIds = new Map<string, string>();
  const groupOf = (g: string | null) => {
    if (!g) return null;
    if (!groupIds.has(g)) groupIds.set(g, randomUUID());
    return groupIds.get(g)!;
  };
  for (const e of edges) groupOf(e.groupId);
  const ids = { nodes: nodeIds, edges: edgeIds, groups: groupIds };
  await tx.edge.createMany({
    data: edges.map((e) => ({
      id: edgeIds.get(e.id)!,
      mapId,
      fromId: nodeIds.get(e.fromId)!,
      toId: nodeIds.get(e.toId)!,
      relation: e.relation,
      groupId: groupOf(e.groupId),
      scheme: e.scheme ?? null,
      schemeName: e.schemeName ?? null,
      answers: (e.answers && remapCqAnswer(e.answers, ids)) ?? Prisma.DbNull,
      createdById: ownerId,
    })),
  });
  return { nodeIds, edgeIds };
}
