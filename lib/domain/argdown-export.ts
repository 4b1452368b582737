import { exportOrder, flattenText, type ExportableMap } from './interchange';
import type { NodeKind, Relation } from './types';

/** Writing a map as Argdown, with our data blocks for a lossless round trip (see argdown.ts). */

/**
 * Characters with a meaning in Argdown text, each written with a backslash
 * before it: markup and references, and a "." or ":" that could open a
 * shortcode (Argdown reads ".x." and ":x:" as special characters).
 */
const SPECIAL = /[\\/[\]<>#@{}*_]|[.:](?=\S)/g;
const escapeText = (text: string) => flattenText(text).replace(SPECIAL, (c) => `\\${c}`);

/** A readable title from the node's first words, without characters Argdown reserves. */
function baseTitle(text: string, kind: NodeKind): string {
  const words = text
    .replace(/[^\p{L}\p{N}\s,.'?!%&-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .join(' ')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, 48)
    .replace(/[^\p{L}\p{N}?!%]+$/u, '');
  return words || kind.toLowerCase();
}

/** Unique titles for the nodes, assigned in export order. */
function titlesFor(nodes: readonly ExportableMap['nodes'][number][]): Map<string, string> {
  const titles = new Map<string, string>();
  const used = new Set<string>();
  for (const node of nodes) {
    const base = baseTitle(node.text, node.kind);
    let title = base;
    for (let i = 2; used.has(title.toLowerCase()); i++) title = `${base} ${i}`;
    used.add(title.toLowerCase());
    titles.set(node.id, title);
  }
  return titles;
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

/** The map as Argdown text. */
export function exportArgdown(map: ExportableMap): string {
  const nodes = exportOrder(map.nodes);
  const titles = titlesFor(nodes);
  // Argdown undercuts only arguments, so every undercut target is written as one.
  const undercut = new Set(map.edges.filter((e) => e.relation === 'UNDERCUTS').map((e) => e.toId));
  const isArgument = (n: (typeof nodes)[number]) =>
    undercut.has(n.id) || (n.kind !== 'CLAIM' && n.kind !== 'QUESTION');
  const ref = new Map(
    nodes.map((n) => [n.id, isArgument(n) ? `<${titles.get(n.id)}>` : `[${titles.get(n.id)}]`]),
  );

  // Linked premises: each premise's data says which group (numbered per conclusion) its support belongs to.
  const groupNumbers = new Map<string, number>();
  const links = new Map<string, Record<string, number>>();
  const rephrases = new Map<string, string[]>();
  const incoming = new Map<string, typeof map.edges>();
  for (const e of [...map.edges].sort(
    (a, b) =>
      RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation] ||
      titles.get(a.fromId)!.localeCompare(titles.get(b.fromId)!),
  )) {
    if (!titles.has(e.fromId) || !titles.has(e.toId)) continue;
    if (e.relation === 'REPHRASES') {
      rephrases.set(e.fromId, [...(rephrases.get(e.fromId) ?? []), titles.get(e.toId)!]);
      continue;
    }
    incoming.set(e.toId, [...(incoming.get(e.toId) ?? []), e]);
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
        [titles.get(e.toId)!]: groupNumbers.get(key)!,
      });
    }
  }

  const lines = [
    '===',
    `title: ${yaml(flattenText(map.title))}`,
    `motion: ${yaml(flattenText(map.motion))}`,
  ];
  if (map.description.trim()) lines.push(`description: ${yaml(flattenText(map.description))}`);
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
    lines.push(`${ref.get(node.id)}: ${escapeText(node.text)} {${fields.join(', ')}}`);
    for (const e of incoming.get(node.id) ?? [])
      lines.push(`    ${RELATION_MARK[e.relation]} ${ref.get(e.fromId)}`);
    lines.push('');
  }
  return lines.join('\n');
}
