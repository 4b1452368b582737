import 'server-only';
import {
  readSections,
  ZArgdownData,
  type ArgdownData,
  type MapSection,
} from '../../domain/sections';
import { Prisma } from '../../generated/prisma/client';
import { db } from '../db';

/** What a map keeps from the Argdown file it was imported from, besides titles, for the exports that write it again. */
export type ArgdownExtras = {
  sections: MapSection[];
  frontmatter: ArgdownData | null;
  /** Node id → its section's id (only nodes in one). */
  nodeSection: Map<string, string>;
  /** Node id → the keys of its data block that are not ours (only nodes with some). */
  nodeData: Map<string, ArgdownData>;
};

const data = (stored: unknown): ArgdownData | null => {
  const parsed = ZArgdownData.nullable().safeParse(stored ?? null);
  return parsed.success ? parsed.data : null;
};

/**
 * A map's sections, frontmatter and nodes' Argdown data (lib/domain/sections.ts),
 * checked as they are read. Only for a caller that has already authorized
 * reading the map (the exports read its snapshot first).
 */
export async function readArgdownExtras(mapId: string): Promise<ArgdownExtras> {
  const [map, rows] = await Promise.all([
    db().argumentMap.findUniqueOrThrow({
      where: { id: mapId },
      select: { sections: true, argdownFrontmatter: true },
    }),
    db().node.findMany({
      where: {
        mapId,
        deletedAt: null,
        OR: [{ section: { not: null } }, { argdownData: { not: Prisma.DbNull } }],
      },
      select: { id: true, section: true, argdownData: true },
    }),
  ]);
  const sections = readSections(map.sections);
  const ids = new Set(sections.map((s) => s.id));
  const nodeSection = new Map<string, string>();
  const nodeData = new Map<string, ArgdownData>();
  for (const row of rows) {
    if (row.section && ids.has(row.section)) nodeSection.set(row.id, row.section);
    const d = data(row.argdownData);
    if (d) nodeData.set(row.id, d);
  }
  return { sections, frontmatter: data(map.argdownFrontmatter), nodeSection, nodeData };
}
