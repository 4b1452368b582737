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
  flattenText,
  ImportFormatError,
  inferKinds,
  MAX_IMPORT_NODES,
  type ImportedEdge,
  type ImportedMap,
  type ImportedNode,
} from './interchange';
import { NODE_KINDS, SIDES, type NodeKind, type Relation, type Side } from './types';

/** Reading Argdown into a map through @argdown/core's own parser and map builder (see argdown.ts). */

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
  // Without a motion in the frontmatter the motion is left empty, not the title again.
  const motion = clip(str(front.motion) || str(front.subTitle), 300);
  const author = str(front.author);
  const description = clip(
    str(front.description) ||
      str(front.abstract) ||
      (author ? `Imported from Argdown by ${author}.` : ''),
    2000,
  );
  return { title, motion, description, nodes, edges: cleanEdges };
}
