import {
  ArgdownApplication,
  ArgumentSelectionPlugin,
  DataPlugin,
  IArgument,
  IEquivalenceClass,
  MapPlugin,
  ModelPlugin,
  ParserPlugin,
  PreselectionPlugin,
  RegroupPlugin,
  StatementSelectionPlugin,
  type IArgdownResponse,
  type IMapEdge,
  type IMapNode,
} from '@argdown/core';
import {
  clip,
  dedupeEdges,
  exportOrder,
  flattenText,
  ImportFormatError,
  inferKinds,
  MAX_IMPORT_NODES,
  type ExportableMap,
  type ImportedEdge,
  type ImportedMap,
  type ImportedNode,
} from './interchange';
import { NODE_KINDS, SIDES, type NodeKind, type Relation, type Side } from './types';

/**
 * Argdown (https://argdown.org) out of and into a map.
 *
 * Export writes one statement ([Title]) or argument (<Title>) per node, with
 * its incoming relations indented below it (<+ supports, <- attacks,
 * <_ undercuts). What Argdown has no syntax for rides in each element's data
 * block ({kind, side, x, y, links, rephrases}): Argdown tools ignore it and
 * our importer reads it back, so a round trip keeps the whole graph.
 *
 * Import runs @argdown/core's own parser and map builder, and takes the
 * argument map Argdown itself would draw: statements and arguments as nodes,
 * support, attack and undercut relations (including those implied by
 * premise–conclusion structures) as edges.
 */

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

function runArgdown(text: string): IArgdownResponse {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  app.addPlugin(new RegroupPlugin(), 'build-model');
  app.addPlugin(new PreselectionPlugin(), 'build-map');
  app.addPlugin(new StatementSelectionPlugin(), 'build-map');
  app.addPlugin(new ArgumentSelectionPlugin(), 'build-map');
  app.addPlugin(new MapPlugin(), 'build-map');
  return app.run({
    process: ['parse-input', 'build-model', 'build-map'],
    input: text,
    logLevel: 'none',
    // Every statement and argument becomes a node, whether or not Argdown would draw it.
    selection: { ignoreIsInMap: true, excludeDisconnected: false },
    model: { removeTagsFromText: true },
  } as Parameters<ArgdownApplication['run']>[0]);
}

const RELATION_OF: Record<string, Relation> = {
  support: 'SUPPORTS',
  entails: 'SUPPORTS',
  attack: 'ATTACKS',
  contrary: 'ATTACKS',
  contradictory: 'ATTACKS',
  undercut: 'UNDERCUTS',
};

const isKind = (v: unknown): v is NodeKind =>
  typeof v === 'string' && (NODE_KINDS as readonly string[]).includes(v);
const isSide = (v: unknown): v is Side =>
  typeof v === 'string' && (SIDES as readonly string[]).includes(v);
const num = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e7 ? v : null;
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? v.join(' ') : '');

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
export function parseArgdown(text: string, fallbackTitle: string): ImportedMap {
  if (!text.trim()) throw new ImportFormatError('The file is empty.');
  const response = runArgdown(text);
  const lexerError = response.lexerErrors?.[0];
  if (lexerError) throw new ImportFormatError(`Line ${lexerError.line}: ${lexerError.message}`);
  const parserError = response.parserErrors?.[0];
  if (parserError)
    throw new ImportFormatError(
      `Line ${parserError.token.startLine ?? '?'}: ${readableParserMessage(parserError.message)}`,
    );
  const failure = response.exceptions?.[0];
  if (failure) throw new ImportFormatError(`The Argdown could not be read: ${failure.message}`);

  const mapNodes: IMapNode[] = [];
  const collect = (list: IMapNode[]) => {
    for (const n of list) {
      if (n.type === 'group-map-node')
        collect(((n as IMapNode & { children?: IMapNode[] }).children ?? []) as IMapNode[]);
      else mapNodes.push(n);
    }
  };
  collect(response.map?.nodes ?? []);
  if (mapNodes.length === 0)
    throw new ImportFormatError('The file has no statements or arguments to import.');
  if (mapNodes.length > MAX_IMPORT_NODES)
    throw new ImportFormatError(
      `The file has ${mapNodes.length} statements and arguments; at most ${MAX_IMPORT_NODES} can be imported.`,
    );

  const idOf = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const data = new Map<string, Record<string, unknown>>();
  const tags = new Map<string, string[]>();
  const nodes: ImportedNode[] = [];
  for (const [i, n] of mapNodes.entries()) {
    const id = `n${i + 1}`;
    idOf.set(n.id, id);
    byTitle.set(n.title ?? '', id);
    const element =
      n.type === 'argument-map-node'
        ? response.arguments?.[n.title ?? '']
        : response.statements?.[n.title ?? ''];
    const body =
      n.type === 'argument-map-node'
        ? IArgument.getCanonicalMemberText(element as IArgument)
        : IEquivalenceClass.getCanonicalMemberText(element as IEquivalenceClass);
    const nodeText = flattenText(body ?? '') || flattenText(n.title ?? '');
    if (!nodeText)
      throw new ImportFormatError(
        `Line ${element?.startLine ?? '?'}: a statement or argument has neither title nor text.`,
      );
    if (nodeText.length > 5000)
      throw new ImportFormatError(
        `Line ${element?.startLine ?? '?'}: "${clip(nodeText, 40)}" is longer than 5000 characters.`,
      );
    const d = (element?.data ?? {}) as Record<string, unknown>;
    data.set(id, d);
    tags.set(id, element?.tags ?? []);
    nodes.push({ id, kind: 'CLAIM', text: nodeText, side: 'NEUTRAL', x: num(d.x), y: num(d.y) });
  }

  const edges: ImportedEdge[] = [];
  const groups = new Map<string, string>();
  for (const e of (response.map?.edges ?? []) as IMapEdge[]) {
    const relation = RELATION_OF[e.relationType ?? ''];
    const fromId = idOf.get(e.from?.id ?? '');
    const toId = idOf.get(e.to?.id ?? '');
    if (!relation || !fromId || !toId) continue;
    const group =
      relation === 'SUPPORTS'
        ? (data.get(fromId)?.links as Record<string, unknown> | undefined)?.[e.to?.title ?? '']
        : undefined;
    let groupId: string | null = null;
    if (typeof group === 'number') {
      const key = `${toId}|${group}`;
      if (!groups.has(key)) groups.set(key, `g${groups.size + 1}`);
      groupId = groups.get(key)!;
    }
    edges.push({ id: `e${edges.length + 1}`, fromId, toId, relation, groupId });
  }
  for (const node of nodes) {
    const targets = data.get(node.id)?.rephrases;
    for (const title of Array.isArray(targets) ? targets : []) {
      const toId = byTitle.get(String(title));
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
  const motion = clip(str(front.motion) || str(front.subTitle) || title, 300);
  const author = str(front.author);
  const description = clip(
    str(front.description) ||
      str(front.abstract) ||
      (author ? `Imported from Argdown by ${author}.` : ''),
    2000,
  );
  return { title, motion, description, nodes, edges: cleanEdges };
}
