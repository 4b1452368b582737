import { exportOrder, flattenText, type ExportableMap } from './interchange';
import { colourOfTag } from './tags';
import { OUR_DATA_KEYS, withoutStrictMode } from './sections';
import type { NodeKind, Relation } from './types';

/** Writing a map as Argdown, with our data blocks for a lossless round trip (see argdown.ts). */

/**
 * Characters with a meaning in Argdown text, each written with a backslash
 * before it: markup and references, and a "." or ":" that could open a
 * shortcode (Argdown reads ".x." and ":x:" as special characters).
 */
const SPECIAL = /[\\/[\]<>#@{}*_]|[.:](?=\S)/g;
const escapeText = (text: string) => flattenText(text).replace(SPECIAL, (c) => `\\${c}`);

/**
 * A readable title from the node's first words, without characters Argdown
 * reserves: whole words only, as many as fit in 40 characters (the first
 * word alone if it is longer).
 */
function baseTitle(text: string, kind: NodeKind): string {
  const words = text
    .replace(/[^\p{L}\p{N}\s,.'?!%&-]/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}?!%]+$/gu, ''))
    .filter(Boolean);
  let title = words[0]?.slice(0, 48) ?? '';
  for (const word of words.slice(1, 6)) {
    if (title.length + 1 + word.length > 40) break;
    title += ` ${word}`;
  }
  return title || kind.toLowerCase();
}

type Node = ExportableMap['nodes'][number];

/**
 * Each node's reference, `[Statement]` or `<Argument>`: the title it was
 * imported with, else one from its first words; unique within the map
 * (kept titles first, so a made title never takes one).
 */
function refsFor(nodes: readonly Node[], isArgument: (n: Node) => boolean): Map<string, string> {
  const refs = new Map<string, string>();
  const used = new Set<string>();
  const wrap = (n: Node, title: string) => (isArgument(n) ? `<${title}>` : `[${title}]`);
  for (const node of nodes) {
    const title = node.title?.slice(1, -1);
    if (!title) continue;
    const ref = wrap(node, title);
    if (used.has(ref.toLowerCase())) continue;
    used.add(ref.toLowerCase());
    refs.set(node.id, ref);
  }
  for (const node of nodes) {
    if (refs.has(node.id)) continue;
    const base = baseTitle(node.text, node.kind);
    let ref = wrap(node, base);
    for (let i = 2; used.has(ref.toLowerCase()); i++) ref = wrap(node, `${base} ${i}`);
    used.add(ref.toLowerCase());
    refs.set(node.id, ref);
  }
  return refs;
}

/**
 * How each relation is written under the element it is listed with. A
 * contradiction is written once per pair, `><` under one statement naming
 * the other: Argdown reads `[A]` then `>< [B]` as A contradicts B (its
 * `contradictory`, which has no direction), and its target must be a
 * statement.
 */
const RELATION_MARK: Partial<Record<Relation, string>> = {
  SUPPORTS: '<+',
  ATTACKS: '<-',
  UNDERCUTS: '<_',
  CONTRADICTS: '><',
};
const RELATION_ORDER: Record<Relation, number> = {
  SUPPORTS: 0,
  ATTACKS: 1,
  UNDERCUTS: 2,
  REPHRASES: 3,
  CONTRADICTS: 4,
};
/**
 * Characters written as `\uXXXX` inside a YAML string: braces and "=" could
 * end a data block or the frontmatter early, and "&" and "*" could read as a
 * YAML anchor and alias, which the importer refuses (argdown-import.ts).
 */
const FRAGILE = new Set(['{', '}', '=', '&', '*']);

/**
 * A value as YAML: JSON is YAML's flow style, which Argdown's YAML reader
 * (js-yaml) reads back. Inside strings, braces, "=", "&" and "*" are
 * written as `\uXXXX` escapes (which YAML's double-quoted strings read as
 * the character), so Argdown's lexer never takes one for the end of a data
 * block, and no "===" ends the frontmatter.
 */
function yaml(value: unknown): string {
  const json = JSON.stringify(value);
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString && c === '\\') {
      out += c + json[i + 1];
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    out += inString && FRAGILE.has(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c;
  }
  return out;
}
/** A key as YAML: plain when it is a simple name, else quoted. */
const yamlKey = (key: string) => (/^[A-Za-z_][\w-]*$/.test(key) ? key : yaml(key));
/** A data block's fields, `key: value, …`. */
const fields = (data: Record<string, unknown>) =>
  Object.entries(data).map(([k, v]) => `${yamlKey(k)}: ${yaml(v)}`);

/**
 * The frontmatter block: our keys (title, motion, description, generator),
 * then the file's own keys the map keeps (`ExportableMap.frontmatter`),
 * ours winning a conflict. Never strict mode: the file is written in
 * Argdown's default mode (a map imported before the importer dropped it
 * may still hold `model: mode: strict`).
 */
function frontmatterLines(
  map: Pick<ExportableMap, 'title' | 'motion' | 'description' | 'frontmatter'>,
): string[] {
  const ours: Record<string, string> = {
    title: flattenText(map.title),
    motion: flattenText(map.motion),
  };
  if (map.description.trim()) ours.description = flattenText(map.description);
  ours.generator = 'Counterpoint';
  const theirs = Object.entries(withoutStrictMode(map.frontmatter ?? {})).filter(
    ([k]) => !(k in ours),
  );
  return ['===', ...fields({ ...ours, ...Object.fromEntries(theirs) }), '==='];
}

/** A mention of a statement or argument in a heading (`@[Title]`, `@<Title>`), kept as one. */
const MENTION = /(@\[[^\]\n]+\]|@<[^>\n]+>)/;
/** A heading's text: its title escaped as element text is, its mentions kept. */
const headingText = (title: string) =>
  flattenText(title)
    .split(MENTION)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(SPECIAL, (c) => `\\${c}`)))
    .join('');

/** A tag as Argdown writes it: `#word`, or `#(several words)`. */
const tagText = (tag: string) => (/^[A-Za-z0-9-]+$/.test(tag) ? `#${tag}` : `#(${tag})`);

/** The tags after an element's text: ` #pro #(health care)`, or nothing. */
const tagsAfter = (tags: readonly string[] | undefined) =>
  (tags ?? []).map((t) => ` ${tagText(t)}`).join('');

/**
 * The frontmatter's colours of the tags the map's cards have (Argdown's
 * `color: tagColors:`, as its ColorPlugin reads them), in alphabetical
 * order; null when no tag in use has a colour. They join the file's own
 * `color` settings, if it kept any (a colour scheme).
 */
function tagColorsFrontmatter(
  map: Pick<ExportableMap, 'nodes' | 'tagColors'>,
): Record<string, string> | null {
  const used = [...new Set(map.nodes.flatMap((n) => n.tags ?? []))].sort();
  const colored = used.flatMap((tag) => {
    const colour = colourOfTag(map.tagColors ?? {}, tag);
    return colour ? [[tag, colour] as const] : [];
  });
  return colored.length ? Object.fromEntries(colored) : null;
}

/** The file's kept frontmatter with the map's tag colours in its `color` settings. */
function withTagColors(map: ExportableMap): ExportableMap['frontmatter'] {
  const tagColors = tagColorsFrontmatter(map);
  if (!tagColors) return map.frontmatter;
  const color = map.frontmatter?.color;
  const settings = color && typeof color === 'object' && !Array.isArray(color) ? color : {};
  return { ...map.frontmatter, color: { ...settings, tagColors } };
}

/** The map as Argdown text. */
export function exportArgdown(map: ExportableMap): string {
  const nodes = exportOrder(map.nodes);
  const known = new Set(nodes.map((n) => n.id));
  const edges = map.edges.filter((e) => known.has(e.fromId) && known.has(e.toId));

  // A linked group owned by an argument (a node imported as `<…>` that is one of its members)
  // is that argument's premise–conclusion structure.
  const groupMembers = new Map<string, typeof edges>();
  for (const e of edges)
    if (e.relation === 'SUPPORTS' && e.groupId)
      groupMembers.set(e.groupId, [...(groupMembers.get(e.groupId) ?? []), e]);
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pcsOf = new Map<string, { premises: string[]; conclusion: string; edges: Set<string> }>();
  const ownerOfPremise = new Map<string, string>();
  const titledArgument = (id: string) => byId.get(id)!.title?.startsWith('<') ?? false;
  const undercutNodes = new Set(edges.filter((e) => e.relation === 'UNDERCUTS').map((e) => e.toId));
  const outgoing = new Map<string, number>();
  for (const e of edges) {
    if (e.relation !== 'REPHRASES') outgoing.set(e.fromId, (outgoing.get(e.fromId) ?? 0) + 1);
    // Either end of a contradiction may be the one it is written under.
    if (e.relation === 'CONTRADICTS') outgoing.set(e.toId, (outgoing.get(e.toId) ?? 0) + 1);
  }
  const argumentByItself = (n: Node) =>
    undercutNodes.has(n.id) ||
    (n.title
      ? n.title.startsWith('<')
      : n.kind !== 'CLAIM' && n.kind !== 'QUESTION' && n.kind !== 'PREMISE');
  for (const members of groupMembers.values()) {
    const conclusion = members[0]!.toId;
    // A structure's premises and conclusion are statements, and only an argument is undercut.
    if (members.some((e) => e.toId !== conclusion)) continue;
    if (titledArgument(conclusion) || undercutNodes.has(conclusion)) continue;
    // Its argument: the one member that is written as an argument. Argdown reads a relation
    // from an argument with a structure as one from its conclusion, so the argument must have none.
    const owners = members.map((e) => e.fromId).filter((id) => argumentByItself(byId.get(id)!));
    if (owners.length === 1 && (outgoing.get(owners[0]!) ?? 0) > 1) continue;
    const owner = owners.length === 1 ? owners[0]! : undefined;
    if (!owner || pcsOf.has(owner)) continue;
    const premises = members
      .map((e) => e.fromId)
      .filter((id) => id !== owner)
      .sort((a, b) => order.get(a)! - order.get(b)!);
    if (premises.length === 0) continue;
    pcsOf.set(owner, { premises, conclusion, edges: new Set(members.map((e) => e.id)) });
    for (const p of premises) if (!ownerOfPremise.has(p)) ownerOfPremise.set(p, owner);
  }
  const inPcs = new Set([...pcsOf.values()].flatMap((p) => [...p.edges]));
  // Argdown undercuts only arguments: an undercut of a premise in a structure undercuts its
  // argument, and any other undercut node is written as an argument.
  const undercutTarget = (toId: string) => ownerOfPremise.get(toId) ?? toId;
  const undercut = new Set(
    edges.filter((e) => e.relation === 'UNDERCUTS').map((e) => undercutTarget(e.toId)),
  );
  const inStructure = new Set([...pcsOf.values()].flatMap((p) => [...p.premises, p.conclusion]));
  // A contradiction's target is written as a statement (Argdown allows no other): its own `to`
  // end if that can be one (anything but an undercut argument), else its `from` end, listed
  // under the other. With both ends undercut arguments it cannot be written as `><`, and is
  // written as an attack.
  const canBeStatement = (id: string) => inStructure.has(id) || !undercut.has(id);
  const contradictionTargets = new Set<string>();
  const written = new Map<string, { under: string; target: string; mark: string }>();
  for (const e of edges) {
    if (e.relation !== 'CONTRADICTS') continue;
    const [under, target] = canBeStatement(e.toId)
      ? [e.fromId, e.toId]
      : canBeStatement(e.fromId)
        ? [e.toId, e.fromId]
        : [e.toId, e.fromId];
    const mark = canBeStatement(target) ? '><' : '<-';
    if (mark === '><') contradictionTargets.add(target);
    written.set(e.id, { under, target, mark });
  }
  const isArgument = (n: Node) =>
    !inStructure.has(n.id) &&
    (undercut.has(n.id) || (!contradictionTargets.has(n.id) && argumentByItself(n)));
  const ref = refsFor(nodes, isArgument);
  const titleOf = (id: string) => ref.get(id)!.slice(1, -1);

  // Linked premises outside a structure: each premise's data says which group (numbered per conclusion) its support belongs to.
  const groupNumbers = new Map<string, number>();
  const links = new Map<string, Record<string, number>>();
  const rephrases = new Map<string, string[]>();
  const incoming = new Map<string, typeof edges>();
  for (const e of [...edges].sort(
    (a, b) =>
      RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] ||
      ref.get(a.fromId)!.localeCompare(ref.get(b.fromId)!),
  )) {
    if (inPcs.has(e.id)) continue;
    if (e.relation === 'REPHRASES') {
      rephrases.set(e.fromId, [...(rephrases.get(e.fromId) ?? []), ref.get(e.toId)!]);
      continue;
    }
    const contradiction = written.get(e.id);
    if (contradiction) {
      const { under, target } = contradiction;
      incoming.set(under, [...(incoming.get(under) ?? []), { ...e, fromId: target, toId: under }]);
      continue;
    }
    const toId = e.relation === 'UNDERCUTS' ? undercutTarget(e.toId) : e.toId;
    incoming.set(toId, [...(incoming.get(toId) ?? []), e]);
  }
  for (const node of nodes) {
    for (const e of incoming.get(node.id) ?? []) {
      if (e.relation !== 'SUPPORTS' || !e.groupId) continue;
      const key = `${e.toId}|${e.groupId}`;
      if (!groupNumbers.has(key))
        groupNumbers.set(
          key,
          [...groupNumbers.keys()].filter((k) => k.startsWith(`${e.toId}|`)).length + 1,
        );
      links.set(e.fromId, {
        ...links.get(e.fromId),
        [titleOf(e.toId)]: groupNumbers.get(key)!,
      });
    }
  }

  const lines = [...frontmatterLines({ ...map, frontmatter: withTagColors(map) }), ''];
  const writeElement = (node: Node) => {
    const data: Record<string, unknown> = {
      kind: node.kind,
      side: node.side,
      x: Math.round(node.x),
      y: Math.round(node.y),
    };
    if (links.has(node.id)) data.links = links.get(node.id);
    if (rephrases.has(node.id)) data.rephrases = rephrases.get(node.id);
    // The file's own data keys ride along; ours win a conflict.
    for (const [k, v] of Object.entries(node.data ?? {}))
      if (!(OUR_DATA_KEYS as readonly string[]).includes(k)) data[k] = v;
    lines.push(
      `${ref.get(node.id)}: ${escapeText(node.text)}${tagsAfter(node.tags)} {${fields(data).join(', ')}}`,
    );
    for (const e of incoming.get(node.id) ?? [])
      lines.push(
        `    ${written.get(e.id)?.mark ?? RELATION_MARK[e.relation]} ${ref.get(e.fromId)}`,
      );
    lines.push('');
  };
  // Premise–conclusion structures, after the section's elements: premises, inference line,
  // conclusion. Argdown puts an argument with a structure in the section of its structure.
  const writeStructure = (node: Node) => {
    const pcs = pcsOf.get(node.id);
    if (!pcs) return;
    lines.push(ref.get(node.id)!, '');
    pcs.premises.forEach((id, i) => lines.push(`(${i + 1}) ${ref.get(id)}`));
    lines.push('----', `(${pcs.premises.length + 1}) ${ref.get(pcs.conclusion)}`, '');
  };
  // Elements without a section first, then each section's heading with its elements under it
  // (Argdown puts an element in the section where it is first defined).
  const sections = map.sections ?? [];
  const sectionIds = new Set(sections.map((s) => s.id));
  const inSection = new Map<string | null, Node[]>();
  for (const node of nodes) {
    const key = node.section && sectionIds.has(node.section) ? node.section : null;
    inSection.set(key, [...(inSection.get(key) ?? []), node]);
  }
  const writeBlock = (list: readonly Node[]) => {
    list.forEach(writeElement);
    list.forEach(writeStructure);
  };
  writeBlock(inSection.get(null) ?? []);
  for (const section of sections) {
    const data = section.data ? ` {${fields(section.data).join(', ')}}` : '';
    lines.push(`${'#'.repeat(section.level)} ${headingText(section.title)}${data}`, '');
    writeBlock(inSection.get(section.id) ?? []);
  }
  return lines.join('\n');
}
