import 'server-only';
import type { MapMeta } from '../../domain/graph-state';
import { opFootprint, type TOp } from '../../domain/ops';
import { readSections, sectionSubtree } from '../../domain/sections';
import { tagColorsOf } from '../../domain/tags';
import { Prisma, type Edge, type Node } from '../../generated/prisma/client';
import { edgeColumns, nodeColumns } from './graph-rows';

type Tx = Prisma.TransactionClient;

/**
 * The rows of a map a batch needs to apply (lib/domain/op-footprint.ts):
 * the nodes and edges it names, the two ends of every edge it names, and
 * the edges of the nodes whose connections the invariants check, and the
 * map's sections and tag colours when an op reads them (and the cards in
 * a section being deleted). A few indexed
 * reads, whatever the size of the map.
 */
export async function loadWorkingSet(
  tx: Tx,
  mapId: string,
  ops: readonly TOp[],
): Promise<{ nodes: Node[]; edges: Edge[]; map?: MapMeta }> {
  const { nodeIds, edgeIds, connectionsOf, map: needsMap, sectionsOf } = opFootprint(ops);
  const named = edgeIds.size
    ? await tx.edge.findMany({ where: { mapId, id: { in: [...edgeIds] } } })
    : [];
  for (const edge of named) {
    nodeIds.add(edge.fromId).add(edge.toId);
    connectionsOf.add(edge.fromId).add(edge.toId);
  }
  const around = [...connectionsOf];
  const [nodes, connected, mapRow] = await Promise.all([
    nodeIds.size ? tx.node.findMany({ where: { mapId, id: { in: [...nodeIds] } } }) : [],
    around.length
      ? tx.edge.findMany({
          where: { mapId, OR: [{ fromId: { in: around } }, { toId: { in: around } }] },
        })
      : [],
    needsMap
      ? tx.argumentMap.findUnique({
          where: { id: mapId },
          select: { sections: true, tagColors: true },
        })
      : null,
  ]);
  const edges = new Map(named.map((e) => [e.id, e]));
  for (const edge of connected) edges.set(edge.id, edge);
  const map = mapRow && {
    sections: readSections(mapRow.sections),
    tagColors: tagColorsOf(mapRow.tagColors),
  };
  // Deleting a section takes its cards (and its subsections') out of it: load them too.
  const doomed = [...sectionsOf].flatMap((id) =>
    map ? sectionSubtree(map.sections, id).map((s) => s.id) : [],
  );
  const members = doomed.length
    ? await tx.node.findMany({
        where: { mapId, section: { in: doomed }, id: { notIn: nodes.map((n) => n.id) } },
      })
    : [];
  return {
    nodes: [...nodes, ...members],
    edges: [...edges.values()],
    ...(map && { map }),
  };
}

type NodeWrite = { id: string; columns: ReturnType<typeof nodeColumns> };
type EdgeWrite = { id: string; columns: ReturnType<typeof edgeColumns> };

/**
 * Writes a batch's changes back with one statement per kind of write: new
 * nodes and edges with `createMany`, changed ones with one
 * `UPDATE … FROM jsonb_to_recordset(…)` (an auto-layout of 1,000 cards is
 * one statement, not 1,000 round trips).
 */
export async function writeChanges(
  tx: Tx,
  target: { mapId: string; actorId: string | null; now: Date },
  changes: {
    createdNodes: NodeWrite[];
    updatedNodes: NodeWrite[];
    createdEdges: EdgeWrite[];
    updatedEdges: EdgeWrite[];
    /** The map's sections and tag colours after the batch, when it changed them. */
    map?: MapMeta;
  },
): Promise<void> {
  const { mapId, actorId, now } = target;
  if (changes.map)
    await tx.argumentMap.update({
      where: { id: mapId },
      data: {
        sections: changes.map.sections.length
          ? (changes.map.sections as Prisma.InputJsonArray)
          : Prisma.DbNull,
        tagColors: Object.keys(changes.map.tagColors).length
          ? changes.map.tagColors
          : Prisma.DbNull,
      },
    });
  // Nodes first: new edges may point at new nodes.
  if (changes.createdNodes.length)
    await tx.node.createMany({
      data: changes.createdNodes.map(({ id, columns }) => ({
        ...columns,
        card: columns.card ?? Prisma.DbNull,
        id,
        mapId,
        createdById: actorId,
      })),
    });
  if (changes.updatedNodes.length) {
    const rows = changes.updatedNodes.map(({ id, columns: c }) => ({
      ...c,
      id,
      deletedAt: c.deletedAt?.toISOString() ?? null,
    }));
    await tx.$executeRaw`
      UPDATE "Node" AS n SET
        "kind" = v."kind"::"NodeKind", "text" = v."text", "side" = v."side"::"Side",
        "x" = v."x", "y" = v."y", "version" = v."version",
        "deletedAt" = v."deletedAt" AT TIME ZONE 'UTC',
        "sourceId" = v."sourceId", "anchorExact" = v."anchorExact",
        "anchorPrefix" = v."anchorPrefix", "anchorSuffix" = v."anchorSuffix",
        "anchorStart" = v."anchorStart", "anchorEnd" = v."anchorEnd", "card" = v."card",
        "tags" = ARRAY(SELECT jsonb_array_elements_text(v."tags")), "section" = v."section",
        "updatedAt" = ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
        "id" text, "kind" text, "text" text, "side" text, "x" float8, "y" float8,
        "version" int, "deletedAt" timestamptz, "sourceId" text, "anchorExact" text,
        "anchorPrefix" text, "anchorSuffix" text, "anchorStart" int, "anchorEnd" int, "card" jsonb,
        "tags" jsonb, "section" text)
      WHERE n."id" = v."id" AND n."mapId" = ${mapId}`;
  }
  if (changes.createdEdges.length)
    await tx.edge.createMany({
      data: changes.createdEdges.map(({ id, columns }) => ({
        ...columns,
        answers: columns.answers ?? Prisma.DbNull,
        id,
        mapId,
        createdById: actorId,
      })),
    });
  if (changes.updatedEdges.length) {
    const rows = changes.updatedEdges.map(({ id, columns: c }) => ({
      ...c,
      id,
      deletedAt: c.deletedAt?.toISOString() ?? null,
    }));
    await tx.$executeRaw`
      UPDATE "Edge" AS e SET
        "fromId" = v."fromId", "toId" = v."toId", "relation" = v."relation"::"Relation",
        "groupId" = v."groupId", "scheme" = v."scheme",
        "schemeName" = v."schemeName", "answers" = v."answers",
        "version" = v."version",
        "deletedAt" = v."deletedAt" AT TIME ZONE 'UTC',
        "updatedAt" = ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(
        "id" text, "fromId" text, "toId" text, "relation" text, "groupId" text,
        "scheme" text, "schemeName" text, "answers" jsonb, "version" int, "deletedAt" timestamptz)
      WHERE e."id" = v."id" AND e."mapId" = ${mapId}`;
  }
}
