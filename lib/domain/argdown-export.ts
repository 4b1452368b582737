import { exportOrder, flattenText, type ExportableMap } from './interchange';
import { colourOfTag } from './tags';
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

const RELATION_MARK: Partial<Record<Relation, string>> = {
  SUPPORTS: '<+',
  ATTACKS: '<-',
  UNDERCUTS: '<_',
};
const RELATION_ORDER: Record<Relation, number> = {
  SUPPORTS: 0,
  ATTACKS: 1,
  UNDERCUTS: 2,
  REPHRASES: 3,
};
const yaml = (value: unknown) => JSON.stringify(value);

/** A tag as Argdown writes it: `#word`, or `#(several words)`. */
const tagText = (tag: string) => (/^[A-Za-z0-9-]+$/.test(tag) ? `#${tag}` : `#(${tag})`);

/** The tags after an element's text: ` #pro #(health care)`, or nothing. */
const tagsAfter = (tags: readonly string[] | undefined) =>
  (tags ?? []).map((t) => ` ${tagText(t)}`).join('');

/**
 * The frontmatter lines giving the colours of the tags the map's cards
 * have (`color: tagColors:`, as Argdown's ColorPlugin reads them); none when
 * no tag in use has a colour.
 */
function tagColorsFrontmatter(map: Pick<ExportableMap, 'nodes' | 'tagColors'>): string[] {
  const used = [...new Set(map.nodes.flatMap((n) => n.tags ?? []))].sort();
  const colored = used.flatMap((tag) => {
    const colour = colourOfTag(map.tagColors ?? {}, tag);
    return colour ? [`        ${yaml(tag)}: ${yaml(colour)}`] : [];
  });
  return colored.length ? ['color:', '    tagColors:', ...colored] : [];
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
  for (const e of edges)
    if (e.relation !== 'REPHRASES') outgoing.set(e.fromId, (outgoing.get(e.fromId) ?? 0) + 1);
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
  const isArgument = (n: Node) =>
    !inStructure.has(n.id) && (undercut.has(n.id) || argumentByItself(n));
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

  const lines = [
    '===',
    `title: ${yaml(flattenText(map.title))}`,
    `motion: ${yaml(flattenText(map.motion))}`,
  ];
  if (map.description.trim()) lines.push(`description: ${yaml(flattenText(map.description))}`);
  lines.push(...tagColorsFrontmatter(map));
  lines.push('generator: Counterpoint', '===', '');
  for (const node of nodes) {
    const data: Record<string, unknown> = {
      kind: node.kind,
      side: node.side,
      x: Math.round(node.x),
      y: Math.round(node.y),
    };
    if (links.has(node.id)) data.links = links.get(node.id);
    if (rephrases.has(node.id)) data.rephrases = rephrases.get(node.id);
    const fields = Object.entries(data).map(([k, v]) => `${k}: ${yaml(v)}`);
    lines.push(
      `${ref.get(node.id)}: ${escapeText(node.text)}${tagsAfter(node.tags)} {${fields.join(', ')}}`,
    );
    for (const e of incoming.get(node.id) ?? [])
      lines.push(`    ${RELATION_MARK[e.relation]} ${ref.get(e.fromId)}`);
    lines.push('');
  }
  // Premise–conclusion structures, after every element is defined: premises, inference line, conclusion.
  for (const node of nodes) {
    const pcs = pcsOf.get(node.id);
    if (!pcs) continue;
    lines.push(ref.get(node.id)!, '');
    pcs.premises.forEach((id, i) => lines.push(`(${i + 1}) ${ref.get(id)}`));
    lines.push('----', `(${pcs.premises.length + 1}) ${ref.get(pcs.conclusion)}`, '');
  }
  return lines.join('\n');
}
