import { z } from 'zod';

/**
 * A node's tags (Argdown's `#tag` and `#(multi word tag)`) and a map's tag
 * colours. A tag is kept trimmed with its inner whitespace collapsed and its
 * case as typed; two tags that differ only in case are one tag (the first
 * kept). A node has at most MAX_NODE_TAGS of at most MAX_NODE_TAG_LENGTH
 * characters: enough for a debate's themes, short enough to sit on a card.
 * A tag cannot contain ")" (Argdown's `#(…)` could not write it).
 */

export const MAX_NODE_TAGS = 12;
/** @internal Exported for the tests that check the limit, stated in every refusal. */
export const MAX_NODE_TAG_LENGTH = 40;

/** A tag as stored: trimmed, inner whitespace collapsed to one space. */
const cleanTag = (tag: string) => tag.replace(/\s+/g, ' ').trim();

/** Cleans each tag and drops empty ones and repeats (ignoring case), keeping the first. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = cleanTag(raw);
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Whether two tags are the same tag (case is ignored). */
export const sameTag = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** Why a tag cannot be added, or null when it can. */
export function tagProblem(tag: string): string | null {
  const clean = cleanTag(tag);
  if (!clean) return 'A tag cannot be empty';
  if (clean.length > MAX_NODE_TAG_LENGTH)
    return `A tag is at most ${MAX_NODE_TAG_LENGTH} characters`;
  if (clean.includes(')')) return 'A tag cannot contain “)”';
  return null;
}

/** A node's tags as an op or a backup carries them: cleaned, each valid, at most MAX_NODE_TAGS. */
export const ZNodeTags = z
  .array(z.string().max(200, `A tag is at most ${MAX_NODE_TAG_LENGTH} characters`))
  .max(50, `A card has at most ${MAX_NODE_TAGS} tags`)
  .superRefine((tags, ctx) => {
    for (const [i, tag] of tags.entries()) {
      const problem = tagProblem(tag);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [i] });
    }
  })
  .transform(normalizeTags)
  .refine((tags) => tags.length <= MAX_NODE_TAGS, `A card has at most ${MAX_NODE_TAGS} tags`);

/** One tag, as an op naming it carries it: valid, and cleaned. */
export const ZTag = z
  .string()
  .max(200, `A tag is at most ${MAX_NODE_TAG_LENGTH} characters`)
  .superRefine((tag, ctx) => {
    const problem = tagProblem(tag);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(cleanTag);

/** A colour as a map stores it: `#rrggbb`, lower case. */
const HEX = /^#[0-9a-f]{6}$/;

/** A tag colour as an op carries it: `#rrggbb` (any case), kept in lower case. */
export const ZTagColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'A tag colour is written #rrggbb')
  .transform((c) => c.toLowerCase());

/**
 * The colours an editor picks a tag's from: each reads with near-black or
 * white text at WCAG AA (textColourOn picks which), and they tell apart.
 */
export const TAG_PALETTE = [
  { name: 'Blue', colour: '#1f77b4' },
  { name: 'Orange', colour: '#ff7f0e' },
  { name: 'Green', colour: '#2ca02c' },
  { name: 'Red', colour: '#d62728' },
  { name: 'Purple', colour: '#7e22ce' },
  { name: 'Brown', colour: '#8c564b' },
  { name: 'Pink', colour: '#e377c2' },
  { name: 'Grey', colour: '#6b7280' },
  { name: 'Olive', colour: '#bcbd22' },
  { name: 'Teal', colour: '#17becf' },
] as const;

/** `#rgb` or `#rrggbb` (any case) as `#rrggbb` in lower case; null for anything else. */
export function hexColour(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`;
  return HEX.test(v) ? v : null;
}

/** A map's tag colours: tag → `#rrggbb`. */
export type TagColors = Record<string, string>;

/** Most tag colours a map keeps. */
export const MAX_TAG_COLORS = 200;

/**
 * How `colors` spells `tag` (case is ignored): the key a colour for it is
 * kept under, or `tag` itself when the table has none. An undo puts a
 * colour back under the spelling it had, not the spelling of the change.
 */
export function tagKey(colors: TagColors, tag: string): string {
  if (Object.hasOwn(colors, tag)) return tag;
  return Object.keys(colors).find((k) => sameTag(k, tag)) ?? tag;
}

/**
 * `colors` with `tag`'s colour set to `colour`, or removed (null). The key
 * keeps the spelling the table already has for the tag (case is ignored).
 */
export function withTagColour(colors: TagColors, tag: string, colour: string | null): TagColors {
  const existing = Object.keys(colors).find((k) => sameTag(k, tag));
  const key = existing ?? tag;
  const out: [string, string][] = Object.entries(colors).filter(([k]) => k !== existing);
  if (colour !== null) out.push([key, colour]);
  // Built from entries, as own properties: a tag may be called "__proto__".
  return Object.fromEntries(out);
}

export const ZTagColors = z
  .record(
    z.string().min(1).max(MAX_NODE_TAG_LENGTH),
    z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A tag colour is written #rrggbb'),
  )
  .refine((r) => Object.keys(r).length <= MAX_TAG_COLORS, 'Too many tag colours')
  .transform((r) =>
    Object.fromEntries(Object.entries(r).map(([tag, colour]) => [tag, colour.toLowerCase()])),
  );

/** A stored tag-colour table (JSON from the database) as TagColors; anything malformed is left out. */
export function tagColorsOf(value: unknown): TagColors {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  // Built from entries, as own properties: a tag may be called "__proto__".
  const out: [string, string][] = [];
  for (const [tag, colour] of Object.entries(value)) {
    const hex = hexColour(colour);
    if (hex && cleanTag(tag)) out.push([tag, hex]);
  }
  return Object.fromEntries(out);
}

/**
 * The colour of `tag` in `colors` (case is ignored), if it has one: only
 * the table's own entries, so a tag called "constructor" is not coloured
 * by Object's prototype, and only a `#rrggbb` colour.
 */
export function colourOfTag(colors: TagColors, tag: string): string | undefined {
  const key = Object.hasOwn(colors, tag) ? tag : Object.keys(colors).find((k) => sameTag(k, tag));
  return key === undefined ? undefined : (hexColour(colors[key]) ?? undefined);
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * WCAG contrast ratio of two `#rrggbb` colours (1 to 21).
 * @internal Exported for the test that checks chip text reads on its colour.
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The text colour for a chip of `background`: near-black or white, whichever contrasts more. */
export function textColourOn(background: string): string {
  const dark = '#111827';
  const light = '#ffffff';
  return contrastRatio(background, dark) >= contrastRatio(background, light) ? dark : light;
}

/** The tags the given cards have, each once (ignoring case, as first written), in alphabetical order. */
export function tagsInUse(nodes: readonly { tags: readonly string[] }[]): string[] {
  return normalizeTags(nodes.flatMap((n) => n.tags)).sort((a, b) =>
    a.localeCompare(b, undefined, { sensitivity: 'base' }),
  );
}
