import { z } from 'zod';
import type { GraphState } from './graph-state';
import { ZId } from './id';

/**
 * A map's sections: named groups of its nodes, nested like the heading
 * hierarchy (`# Section`, `## Subsection`) of an Argdown file. The list is
 * in outline order (a parent before its children); a node belongs to at
 * most one section (`Node.section`: for an import, the section Argdown puts
 * it in, where it is first defined). Imports and restores set them; editors
 * change them with ops (op-schemas.ts: createSection, renameSection,
 * deleteSection and its undo restoreSections; updateNode's `section` puts a
 * card in a section or takes it out). A node made later belongs to none.
 *
 * Deleting a section deletes its subsections too; their cards stay on the
 * map, in no section (its undo puts each back, unless someone put it in
 * another section since). Readers ignore a node's section id that names no
 * section (`liveSection`), as an imported or restored map could hold one.
 */

/** Most sections a map keeps. */
export const MAX_SECTIONS = 500;
/** Longest section title kept. */
const MAX_SECTION_TITLE = 300;
/** Deepest nesting of sections (Argdown's headings go from # to ######). */
export const MAX_SECTION_LEVEL = 6;
/** Largest preserved Argdown data (frontmatter, a node's or a section's data block), serialized as JSON. */
export const MAX_ARGDOWN_DATA_BYTES = 16_384;

/** The keys of an element's data block that our exporter writes and our importer reads itself. */
export const OUR_DATA_KEYS = ['kind', 'side', 'x', 'y', 'links', 'rephrases'] as const;

/** Deepest nesting of kept Argdown data (so checking it never runs out of stack). */
const MAX_ARGDOWN_DATA_DEPTH = 32;

/** Whether `value` is JSON of at most MAX_ARGDOWN_DATA_BYTES, nested at most MAX_ARGDOWN_DATA_DEPTH deep. */
function dataWithinLimits(value: unknown): boolean {
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return false;
  }
  if (new TextEncoder().encode(json).length > MAX_ARGDOWN_DATA_BYTES) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > MAX_ARGDOWN_DATA_DEPTH) return false;
    } else if (c === '}' || c === ']') depth--;
  }
  return true;
}

/** A JSON object of Argdown data (frontmatter or a `{…}` block) within the size and nesting limits. */
export const ZArgdownData = z
  .unknown()
  .refine(
    dataWithinLimits,
    `Argdown data is at most ${MAX_ARGDOWN_DATA_BYTES / 1024} KB as JSON, nested at most ${MAX_ARGDOWN_DATA_DEPTH} deep`,
  )
  .pipe(z.record(z.string(), z.json()));
export type ArgdownData = z.infer<typeof ZArgdownData>;

/** A section's title: trimmed, 1 to MAX_SECTION_TITLE characters. */
export const ZSectionTitle = z
  .string()
  .trim()
  .min(1, 'A section needs a title')
  .max(MAX_SECTION_TITLE, `A section title is at most ${MAX_SECTION_TITLE} characters`);

/** One section as stored. */
export const ZSection = z.object({
  id: ZId,
  title: ZSectionTitle,
  level: z.number().int().min(1).max(MAX_SECTION_LEVEL),
  parentId: ZId.nullable().default(null),
  /** The heading's own data block (`# Title {isGroup: false}`); absent: none. */
  data: ZArgdownData.nullable().default(null),
});

export const ZSections = z
  .array(ZSection)
  .max(MAX_SECTIONS, `A map has at most ${MAX_SECTIONS} sections`)
  .superRefine((sections, ctx) => {
    const levels = new Map<string, number>();
    for (const [i, s] of sections.entries()) {
      if (levels.has(s.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${s.id}" appears twice` });
      const parentLevel = s.parentId === null ? 0 : levels.get(s.parentId);
      if (parentLevel === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'parentId'],
          message: `no section "${s.parentId}" before this one`,
        });
      else if (s.level <= parentLevel)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'level'],
          message: 'a subsection is a level below its parent',
        });
      levels.set(s.id, s.level);
    }
  });
export type MapSection = z.infer<typeof ZSections>[number];

/** A map's sections as stored (`ArgumentMap.sections`): none when absent or not valid. */
export function readSections(stored: unknown): MapSection[] {
  if (stored === null || stored === undefined) return [];
  const parsed = ZSections.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** `section` if it names one of `sections` (a node keeps the id of a deleted section), else null. */
export function liveSection(
  sections: readonly Pick<MapSection, 'id'>[],
  section: string | null | undefined,
): string | null {
  return section && sections.some((s) => s.id === section) ? section : null;
}

/** Section `id` and every section nested in it, in list order. */
export function sectionSubtree(sections: readonly MapSection[], id: string): MapSection[] {
  const inside = new Set([id]);
  // A parent comes before its children: one pass finds the whole subtree.
  return sections.filter((s) => {
    if (s.id === id) return true;
    if (s.parentId !== null && inside.has(s.parentId)) {
      inside.add(s.id);
      return true;
    }
    return false;
  });
}

/** A map's sections and which node belongs to which, as a snapshot carries them. */
export type SectionsView = {
  sections: MapSection[];
  /** Node id → the id of its section (only nodes in one). */
  nodeSection: Record<string, string>;
};

/** The sections of a graph state and its live nodes' places in them; undefined for a map without sections. */
export function sectionsViewOf(state: GraphState): SectionsView | undefined {
  const sections = state.map?.sections ?? [];
  if (sections.length === 0) return undefined;
  const ids = new Set(sections.map((s) => s.id));
  const nodeSection: Record<string, string> = {};
  for (const n of state.nodes.values())
    if (!n.deleted && n.section && ids.has(n.section)) nodeSection[n.id] = n.section;
  return { sections: [...sections], nodeSection };
}

/**
 * Whether parsed data is small enough to copy: at most a 16 KB file's worth
 * of values, nested at most MAX_ARGDOWN_DATA_DEPTH deep, and no value
 * reached twice. YAML aliases (`&a` … `*a`) share one parsed value, so a
 * few hundred bytes can stand for 10⁹ values ("billion laughs") that
 * JSON.stringify would write out in full, stalling the server.
 */
function smallEnough(value: object): boolean {
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[value, 0]];
  let budget = MAX_ARGDOWN_DATA_BYTES / 2; // each value takes 2 bytes of JSON at least
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (--budget < 0 || depth > MAX_ARGDOWN_DATA_DEPTH) return false;
    if (!v || typeof v !== 'object') continue;
    if (seen.has(v)) return false;
    seen.add(v);
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

/** A plain JSON copy of parsed data (a YAML date becomes its ISO string), or null if it is too big or not an object. */
export function keptData(value: unknown): ArgdownData | 'too big' | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  if (!smallEnough(value)) return 'too big';
  const json = JSON.stringify(value);
  if (json === '{}') return null;
  const parsed = ZArgdownData.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : 'too big';
}

/**
 * Argdown frontmatter without `model: mode: strict` (its other `model`
 * settings kept; `model` gone when nothing else is left in it). Our export
 * writes Argdown's default ("loose") semantics: `-` between two statements
 * is a directed attack, a contradiction is `><`. In strict mode Argdown
 * reads every `-` between statements as `contrary`, which we import as a
 * contradiction, so a file that kept saying strict mode would come back as
 * a different map.
 */
export function withoutStrictMode<V>(front: Readonly<Record<string, V>>): Record<string, V> {
  const { model, ...rest } = front;
  if (!model || typeof model !== 'object' || Array.isArray(model)) return { ...front };
  const { mode, ...others } = model as Record<string, unknown>;
  if (mode !== 'strict') return { ...front };
  return Object.keys(others).length > 0 ? { ...rest, model: others as V } : rest;
}

export type Box = { x: number; y: number; width: number; height: number };
export type SectionFrame = Box & { id: string; title: string; depth: number };

/** Space between a frame and what it holds, and above it for the title. */
export const FRAME_PADDING = 16;
export const FRAME_TITLE_SPACE = 28;

/**
 * The frame of each section with a node in it (or in a subsection): the
 * bounding box of its nodes and its subsections' frames, with padding and a
 * band on top for the title, so nested sections nest. Outermost first, the
 * order to draw them in. Linear in nodes and sections.
 */
export function sectionFrames(
  sections: readonly MapSection[],
  nodeSection: Readonly<Record<string, string>>,
  boxes: ReadonlyMap<string, Box>,
): SectionFrame[] {
  if (sections.length === 0) return [];
  const bounds = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  const grow = (id: string, b: Box) => {
    const cur = bounds.get(id);
    const x1 = b.x + b.width;
    const y1 = b.y + b.height;
    if (!cur) bounds.set(id, { x0: b.x, y0: b.y, x1, y1 });
    else {
      cur.x0 = Math.min(cur.x0, b.x);
      cur.y0 = Math.min(cur.y0, b.y);
      cur.x1 = Math.max(cur.x1, x1);
      cur.y1 = Math.max(cur.y1, y1);
    }
  };
  for (const [nodeId, box] of boxes) {
    const section = nodeSection[nodeId];
    if (section) grow(section, box);
  }
  const depth = new Map<string, number>();
  for (const s of sections)
    depth.set(s.id, s.parentId === null ? 0 : (depth.get(s.parentId) ?? 0) + 1);
  const frames = new Map<string, SectionFrame>();
  // Children come after their parents in the list: walking it backwards frames each before its parent.
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i]!;
    const b = bounds.get(s.id);
    if (!b) continue;
    const frame: SectionFrame = {
      id: s.id,
      title: s.title,
      depth: depth.get(s.id)!,
      x: b.x0 - FRAME_PADDING,
      y: b.y0 - FRAME_PADDING - FRAME_TITLE_SPACE,
      width: b.x1 - b.x0 + 2 * FRAME_PADDING,
      height: b.y1 - b.y0 + 2 * FRAME_PADDING + FRAME_TITLE_SPACE,
    };
    frames.set(s.id, frame);
    if (s.parentId !== null) grow(s.parentId, frame);
  }
  return sections.filter((s) => frames.has(s.id)).map((s) => frames.get(s.id)!);
}
