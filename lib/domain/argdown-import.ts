import {
  ArgdownApplication,
  ColorPlugin,
  DataPlugin,
  IArgument,
  IEquivalenceClass,
  ModelPlugin,
  ParserPlugin,
  type IArgdownResponse,
  type IRelation,
  type ISection,
} from '@argdown/core';
import {
  ARGDOWN_TITLE,
  clip,
  dedupeEdges,
  flattenText,
  ImportFormatError,
  inferKinds,
  MAX_IMPORT_NODES,
  MAX_TITLE_LENGTH,
  type ImportedEdge,
  type ImportedMap,
  type ImportedNode,
} from './interchange';
import { hexColour, MAX_NODE_TAGS, normalizeTags, tagProblem, type TagColors } from './tags';
import {
  keptData,
  MAX_ARGDOWN_DATA_BYTES,
  MAX_SECTIONS,
  OUR_DATA_KEYS,
  withoutStrictMode,
  type MapSection,
} from './sections';
import { NODE_KINDS, SIDES, type NodeKind, type Relation, type Side } from './types';

/** A statement (equivalence class) or argument of Argdown's model, in the order the file has them. */
type Element = {
  kind: 'statement' | 'argument';
  title: string;
  model: IEquivalenceClass | IArgument;
  text: string;
  line: number | undefined;
};

/** The settings of an Argdown run we read back, the file's frontmatter merged in. */
type ArgdownRequest = { color?: { tagColors?: unknown }; model?: { mode?: unknown } };

/** Reading Argdown into a map through @argdown/core's own parser and map builder (see argdown.ts). */

/**
 * Runs Argdown on `text`. The request comes back too: Argdown merges the
 * file's frontmatter settings into it (`color: tagColors:` and `model: mode:`
 * among them), and its ColorPlugin resolves each tag's colour (a colour, or
 * an index into the file's colour scheme) into `response.tags`.
 */
function runArgdown(text: string): {
  response: IArgdownResponse;
  request: ArgdownRequest;
} {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  app.addPlugin(new ColorPlugin(), 'colorize');
  const request = {
    process: ['parse-input', 'build-model', 'colorize'],
    input: text,
    logLevel: 'none',
    model: { removeTagsFromText: true },
  };
  const response = app.run(request as Parameters<ArgdownApplication['run']>[0]);
  return { response, request: request as ArgdownRequest };
}

/**
 * An element's tags as a node keeps them: each one a node can hold (one
 * that cannot is said in `ignored`), at most MAX_NODE_TAGS.
 */
function nodeTags(tags: readonly string[], line: number | undefined, ignored: string[]) {
  const fit = tags.filter((tag) => {
    const problem = tagProblem(tag);
    if (problem)
      ignored.push(
        `Line ${line ?? '?'}: the tag “${clip(tag, 60)}” was left out: ${problem.toLowerCase()}.`,
      );
    return !problem;
  });
  const kept = normalizeTags(fit);
  if (kept.length > MAX_NODE_TAGS)
    ignored.push(
      `Line ${line ?? '?'}: a card keeps at most ${MAX_NODE_TAGS} tags; “${kept.slice(MAX_NODE_TAGS).join('”, “')}” were left out.`,
    );
  return kept.slice(0, MAX_NODE_TAGS);
}

/**
 * The colours the file gives its tags (frontmatter `color: tagColors:`), as
 * Argdown resolved them, for the tags its elements have; a colour that is
 * not `#rgb` or `#rrggbb` is left out.
 */
function tagColorsOf(
  request: ArgdownRequest,
  response: IArgdownResponse,
  used: ReadonlySet<string>,
): TagColors {
  const asked = request.color?.tagColors;
  if (!asked || typeof asked !== 'object') return {};
  // Built from entries, as own properties: a tag may be called "__proto__".
  const colors: [string, string][] = [];
  for (const tag of Object.keys(asked)) {
    if (!used.has(tag)) continue;
    const tags = response.tags ?? {};
    const hex = Object.hasOwn(tags, tag) ? hexColour(tags[tag]?.color) : null;
    if (hex) colors.push([tag, hex]);
  }
  return Object.fromEntries(colors);
}

/**
 * Argdown's relation types (@argdown/core RelationType) as ours.
 * - `contradictory` (`><`, written on purpose between statements: they
 *   cannot both be true) is our CONTRADICTS, which has no direction.
 * - `contrary` is CONTRADICTS too. Argdown never writes it: its ModelPlugin
 *   makes it in "strict" mode (a file's frontmatter `model: mode: strict`)
 *   out of a `-`/`<-`/`->` written between two statements, which that mode
 *   reads as "they cannot both be true", whichever way the arrow points
 *   (the Semmelweis reconstruction's rival hypotheses are written so). Read
 *   as a directed attack, one end would become an objection to the other.
 *   The map is written back in the default "loose" mode (the kept
 *   frontmatter loses its strict mode, see `withoutStrictMode`), where a
 *   contradiction is `><` and `-` between statements a directed attack.
 */
const RELATION_OF: Record<string, Relation> = {
  support: 'SUPPORTS',
  entails: 'SUPPORTS',
  attack: 'ATTACKS',
  contrary: 'CONTRADICTS',
  contradictory: 'CONTRADICTS',
  undercut: 'UNDERCUTS',
};

const isKind = (v: unknown): v is NodeKind =>
  typeof v === 'string' && (NODE_KINDS as readonly string[]).includes(v);
const isSide = (v: unknown): v is Side =>
  typeof v === 'string' && (SIDES as readonly string[]).includes(v);
const num = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e7 ? v : null;
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : '');

const TOO_BIG = `more than ${MAX_ARGDOWN_DATA_BYTES / 1024} KB of JSON (or nested too deep)`;

/**
 * The file's sections in its order (parents before children), at most
 * MAX_SECTIONS of them; what is left out is said in `ignored`.
 */
function readSections(tree: readonly ISection[], ignored: string[]): MapSection[] {
  const sections: MapSection[] = [];
  const walk = (list: readonly ISection[], parentId: string | null) => {
    for (const s of list) {
      if (sections.length === MAX_SECTIONS) {
        ignored.push(
          `Line ${s.startLine ?? '?'}: the file has more than ${MAX_SECTIONS} sections; “${clip(s.title ?? '', 60)}” and those after it were left out (their elements belong to none).`,
        );
        return;
      }
      let data = keptData(s.data);
      if (data === 'too big') {
        ignored.push(
          `Line ${s.startLine ?? '?'}: the data of a heading is ${TOO_BIG}; it was left out.`,
        );
        data = null;
      }
      sections.push({
        id: s.id,
        title: clip(s.title ?? '', 300) || `Section ${sections.length + 1}`,
        level: Math.min(Math.max(s.level, 1), 6),
        parentId,
        data,
      });
      walk(s.children ?? [], s.id);
      if (sections.length === MAX_SECTIONS) return;
    }
  };
  walk(tree, null);
  return sections;
}

/** Frontmatter keys the importer turns into map fields (when it does), or writes itself. */
const MAP_FIELD_KEYS = new Set(['title', 'motion', 'description', 'generator']);

/**
 * The frontmatter that is not a map field, kept for the export: every key
 * but the title, motion and description (and subTitle, abstract or author
 * when one of them became the motion or description), `color.tagColors`,
 * which is the map's tag colours, and strict mode (`model: mode: strict`),
 * as the map is written back in Argdown's default mode.
 */
function keptFrontmatter(
  front: Record<string, unknown>,
  used: ReadonlySet<string>,
  ignored: string[],
): MapSection['data'] {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(withoutStrictMode(front)))
    if (!MAP_FIELD_KEYS.has(key) && !used.has(key)) rest[key] = value;
  const color = rest.color;
  if (color && typeof color === 'object' && !Array.isArray(color)) {
    const { tagColors: _, ...others } = color as Record<string, unknown>;
    if (Object.keys(others).length > 0) rest.color = others;
    else delete rest.color;
  }
  const kept = keptData(rest);
  if (kept !== 'too big') return kept;
  ignored.push(`The frontmatter is ${TOO_BIG} besides the title and motion; it was left out.`);
  return null;
}

/** What the import summary says of a file in Argdown's strict mode that had `contrary` relations between `pairs` pairs of statements. */
function strictModeNote(pairs: number): string {
  const kept =
    pairs === 0
      ? 'it has no contrary relations'
      : pairs === 1
        ? 'its contrary relation is kept as a contradiction (written back as ><)'
        : `its ${pairs} contrary relations are kept as contradictions (written back as ><)`;
  return `The file is in Argdown’s strict mode, which the map does not keep: ${kept}, and the map will be written in Argdown’s default mode.`;
}

/**
 * Argdown's own messages explain themselves; the parser generator's generic
 * "Expecting token of type --> X <-- but found --> 'y' <--" is turned into
 * a sentence.
 */
function readableParserMessage(message: string): string {
  const generic = /^Expecting (?:token of type )?--> (.+?) <-- but found --> '([\s\S]*)' <--$/.exec(
    message.trim(),
  );
  if (!generic) return message;
  const found = generic[2]!.trim();
  return found
    ? `Argdown did not expect “${found}” here. Check the indentation of the lines around it.`
    : 'the text ends where Argdown expected more.';
}

/** Reads Argdown text into a graph; a syntax error is reported with its line. */
/** Argdown's relation types as a verb: "[A] contradicts itself", not "contradictorys". */
function relationVerb(type: string | undefined): string {
  switch (type) {
    case 'contradictory':
      return 'contradicts';
    case 'contrary':
      return 'is contrary to';
    case 'entails':
      return 'entails';
    default:
      return `${type ?? 'relates to'}s`;
  }
}

/**
 * A YAML anchor (`&name value`) and an alias (`*name`), as data blocks and
 * frontmatter may write them (not Markdown's `*emphasis*` or an "R&D"). An
 * alias shares its anchor's value, so a few hundred bytes can stand for
 * 10⁹ values ("billion laughs"), which Argdown's parser copies out in full.
 */
const YAML_ANCHOR = /(?:^|[\s[{,:?-])&[^\s,[\]{}]+(?=[\s[{]|$)/m;
const YAML_ALIAS = /(?:^|[\s[{,:?-])\*[^\s*,[\]{}]+(?=[\s,\]}]|$)/m;

/** The parts of an Argdown file that are YAML: its frontmatter and its `{…}` data blocks. */
function yamlParts(text: string): string {
  const parts = [/^\s*===[^\n]*\n([\s\S]*?)\n\s*===/.exec(text)?.[1] ?? ''];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{' && depth++ === 0) start = i;
    else if (c === '}' && depth > 0 && --depth === 0) parts.push(text.slice(start, i + 1));
  }
  if (depth > 0) parts.push(text.slice(start));
  return parts.join('\n');
}

export function parseArgdown(text: string, fallbackTitle: string): ImportedMap {
  if (!text.trim()) throw new ImportFormatError('The file is empty.');
  const yamlText = yamlParts(text);
  if (YAML_ANCHOR.test(yamlText) && YAML_ALIAS.test(yamlText))
    throw new ImportFormatError(
      'The file’s data uses YAML anchors and aliases (&name … *name), which Counterpoint does not read: one alias can stand for millions of values. Write the values out instead.',
    );
  // "@import(…)" and "@include(…)" (Argdown's command-line tool pastes in other files there) are
  // not followed: each is said so and read as a blank line, keeping the line numbers.
  const ignored: string[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries())
    if (/^\s*@(import|include)\b/.test(line)) {
      ignored.push(
        `Line ${i + 1}: “${clip(line, 60)}” was not followed: import the other file on its own.`,
      );
      lines[i] = '';
    }
  const { response, request } = runArgdown(lines.join('\n'));
  const lexerError = response.lexerErrors?.[0];
  if (lexerError) throw new ImportFormatError(`Line ${lexerError.line}: ${lexerError.message}`);
  const parserError = response.parserErrors?.[0];
  if (parserError)
    throw new ImportFormatError(
      `Line ${parserError.token.startLine ?? '?'}: ${readableParserMessage(parserError.message)}`,
    );
  const failure = response.exceptions?.[0];
  if (failure) throw new ImportFormatError(`The Argdown could not be read: ${failure.message}`);

  const statements = response.statements ?? {};
  const argumentsByTitle = response.arguments ?? {};
  const elements: Element[] = [];
  for (const ec of Object.values(statements)) {
    const text = IEquivalenceClass.getCanonicalMemberText(ec) ?? '';
    const line = ec.members[0]?.startLine;
    elements.push({ kind: 'statement', title: ec.title ?? '', model: ec, text, line });
  }
  for (const a of Object.values(argumentsByTitle))
    elements.push({
      kind: 'argument',
      title: a.title ?? '',
      model: a,
      text: IArgument.getCanonicalMemberText(a) ?? '',
      line: a.startLine ?? a.members[0]?.startLine,
    });
  elements.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (elements.length === 0)
    throw new ImportFormatError('The file has no statements or arguments to import.');
  if (elements.length > MAX_IMPORT_NODES)
    throw new ImportFormatError(
      `The file has ${elements.length} statements and arguments; at most ${MAX_IMPORT_NODES} can be imported.`,
    );

  const sections = readSections(response.sections ?? [], ignored);
  const sectionIds = new Set(sections.map((s) => s.id));
  const idOf = new Map<object, string>();
  const byTitle = new Map<string, string>();
  const data = new Map<string, Record<string, unknown>>();
  const tags = new Map<string, string[]>();
  const nodes: ImportedNode[] = [];
  for (const [i, el] of elements.entries()) {
    const id = `n${i + 1}`;
    idOf.set(el.model, id);
    const ref = el.kind === 'argument' ? `<${el.title}>` : `[${el.title}]`;
    byTitle.set(ref, id);
    // Argdown names untitled statements "Untitled 1", … itself: those are not the file's titles.
    const own = !/^Untitled \d+$/.test(el.title) || text.includes(ref);
    const nodeText = flattenText(el.text) || flattenText(el.title);
    if (!nodeText)
      throw new ImportFormatError(
        `Line ${el.line ?? '?'}: a statement or argument has neither title nor text.`,
      );
    if (nodeText.length > 5000)
      throw new ImportFormatError(
        `Line ${el.line ?? '?'}: "${clip(nodeText, 40)}" is longer than 5000 characters.`,
      );
    const d = (el.model.data ?? {}) as Record<string, unknown>;
    data.set(id, d);
    tags.set(id, el.model.tags ?? []);
    const theirs = Object.fromEntries(
      Object.entries(d).filter(([k]) => !(OUR_DATA_KEYS as readonly string[]).includes(k)),
    );
    let nodeData = keptData(theirs);
    if (nodeData === 'too big') {
      ignored.push(`Line ${el.line ?? '?'}: the data of ${ref} is ${TOO_BIG}; it was left out.`);
      nodeData = null;
    }
    const section = (el.model as { section?: ISection | null }).section?.id;
    const kept = nodeTags(el.model.tags ?? [], el.line, ignored);
    nodes.push({
      id,
      kind: 'CLAIM',
      text: nodeText,
      side: 'NEUTRAL',
      ...(kept.length > 0 && { tags: kept }),
      x: num(d.x),
      y: num(d.y),
      title: own && ref.length <= MAX_TITLE_LENGTH && ARGDOWN_TITLE.test(ref) ? ref : null,
      section: section && sectionIds.has(section) ? section : null,
      data: nodeData,
    });
  }

  const edges: ImportedEdge[] = [];
  const groups = new Map<string, string>();
  const nodeOf = (member: object | undefined): string | undefined => {
    if (!member) return undefined;
    const inference = member as { type?: string; argumentTitle?: string };
    if (inference.type === 'inference')
      return idOf.get(argumentsByTitle[inference.argumentTitle ?? ''] ?? {});
    return idOf.get(member);
  };

  // Premise–conclusion structures: each inference step's premises jointly support its
  // conclusion (one linked group), and the argument itself joins its last step's group.
  for (const a of Object.values(argumentsByTitle)) {
    const argumentId = idOf.get(a)!;
    let premises: string[] = [];
    for (const [i, s] of (a.pcs ?? []).entries()) {
      const id = idOf.get(statements[s.title ?? ''] ?? {});
      if (!id) continue;
      if (s.role === 'premise') {
        premises.push(id);
        continue;
      }
      const groupId = `g${groups.size + 1}`;
      groups.set(`${a.title}|${i}`, groupId);
      const last = i === a.pcs.length - 1;
      for (const from of last ? [...premises, argumentId] : premises)
        edges.push({
          id: `e${edges.length + 1}`,
          fromId: from,
          toId: id,
          relation: 'SUPPORTS',
          groupId,
        });
      premises = [id];
    }
  }

  const refOf = (m: { type?: string; title?: string }) =>
    m.type === 'argument' ? `<${m.title}>` : `[${m.title}]`;
  const kept = new Set<object>();
  // The pairs of statements strict mode made contrary (A–B and B–A are one).
  const contraries = new Set<string>();
  for (const r of response.relations ?? []) {
    kept.add(r);
    const relation = RELATION_OF[r.relationType ?? ''];
    const fromId = nodeOf(r.from);
    const toId = nodeOf(r.to);
    if (!relation || !fromId || !toId) continue;
    const group =
      relation === 'SUPPORTS'
        ? (data.get(fromId)?.links as Record<string, unknown> | undefined)?.[r.to?.title ?? '']
        : undefined;
    let groupId: string | null = null;
    if (typeof group === 'number') {
      const key = `${toId}|${group}`;
      if (!groups.has(key)) groups.set(key, `g${groups.size + 1}`);
      groupId = groups.get(key)!;
    }
    if (fromId === toId) {
      ignored.push(
        `Line ${r.occurrences?.[0]?.startLine ?? '?'}: ${refOf(r.from!)} ${relationVerb(r.relationType)} itself; a map cannot draw that, so it was left out.`,
      );
      continue;
    }
    if (r.relationType === 'contrary') contraries.add([fromId, toId].sort().join('|'));
    edges.push({ id: `e${edges.length + 1}`, fromId, toId, relation, groupId });
  }
  // Relations Argdown's own model drops (an element attacking or supporting itself), found in the syntax tree.
  const walk = (node: unknown) => {
    const n = node as { relation?: IRelation; children?: unknown[]; startLine?: number };
    if (
      n.relation &&
      !kept.has(n.relation) &&
      n.relation.from &&
      n.relation.from === n.relation.to
    ) {
      kept.add(n.relation);
      ignored.push(
        `Line ${n.startLine ?? n.relation.occurrences?.[0]?.startLine ?? '?'}: ${refOf(n.relation.from)} ${relationVerb(n.relation.relationType)} itself; a map cannot draw that, so it was left out.`,
      );
    }
    for (const child of n.children ?? []) walk(child);
  };
  walk(response.ast);
  for (const a of Object.values(argumentsByTitle))
    for (const s of a.pcs ?? []) {
      const rules = (s as { inference?: { inferenceRules?: string[] } }).inference?.inferenceRules;
      if (rules?.length)
        ignored.push(
          `Line ${(s as { inference?: { startLine?: number } }).inference?.startLine ?? s.startLine ?? '?'}: the inference rule “${rules.join(', ')}” of <${a.title}> is not kept; the inference line is.`,
        );
    }
  for (const node of nodes) {
    const targets = data.get(node.id)?.rephrases;
    for (const title of Array.isArray(targets) ? targets : []) {
      const toId =
        byTitle.get(String(title)) ??
        byTitle.get(`[${String(title)}]`) ??
        byTitle.get(`<${String(title)}>`);
      if (toId)
        edges.push({
          id: `e${edges.length + 1}`,
          fromId: node.id,
          toId,
          relation: 'REPHRASES',
          groupId: null,
        });
    }
  }
  const cleanEdges = dedupeEdges(edges);

  const inferred = inferKinds(
    nodes.map((n) => n.id),
    cleanEdges,
  );
  for (const node of nodes) {
    const d = data.get(node.id)!;
    const t = tags.get(node.id)!;
    node.kind = isKind(d.kind) ? d.kind : inferred.get(node.id)!;
    node.side = isSide(d.side)
      ? d.side
      : t.includes('pro')
        ? 'FOR'
        : t.includes('con')
          ? 'AGAINST'
          : 'NEUTRAL';
  }

  const front = (response.frontMatter ?? {}) as Record<string, unknown>;
  const title = clip(str(front.title) || fallbackTitle, 120) || 'Imported map';
  // Without a motion in the frontmatter the motion is left empty, not the title again.
  const motion = clip(str(front.motion) || str(front.subTitle), 300);
  const author = str(front.author);
  const description = clip(
    str(front.description) ||
      str(front.abstract) ||
      (author ? `Imported from Argdown by ${author}.` : ''),
    2000,
  );
  const used = new Set<string>();
  if (!str(front.motion) && str(front.subTitle)) used.add('subTitle');
  if (!str(front.description) && str(front.abstract)) used.add('abstract');
  else if (!str(front.description) && author) used.add('author');
  const frontmatter = keptFrontmatter(front, used, ignored);
  if (request.model?.mode === 'strict') ignored.push(strictModeNote(contraries.size));
  const tagColors = tagColorsOf(request, response, new Set(nodes.flatMap((n) => n.tags ?? [])));
  return {
    title,
    motion,
    description,
    nodes,
    edges: cleanEdges,
    ignored,
    sections,
    frontmatter,
    ...(Object.keys(tagColors).length > 0 && { tagColors }),
  };
}
