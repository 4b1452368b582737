import { z } from 'zod';
import {
  clip,
  dedupeEdges,
  ImportFormatError,
  inferKinds,
  MAX_IMPORT_EDGES,
  MAX_IMPORT_NODES,
  positionsUsable,
  type ImportedEdge,
  type ImportedMap,
  type ImportedNode,
} from './interchange';
import { MAX_TEXT_LENGTH } from './op-schemas';
import { NODE_KINDS, SIDES } from './types';

/**
 * Reading AIF into a map: AIFdb's {nodes, edges}, OVA's {AIF, OVA, text} and
 * xAIF's {AIF, ova}. I-nodes become nodes; RA, CA and MA nodes become
 * supports (linked when they join several premises), attacks or undercuts,
 * and rephrases; the dialogue layer is skipped (see aif.ts).
 */

const ZAifId = z
  .union([z.string().min(1).max(200), z.number().int()], {
    message: 'must be a string or a whole number',
  })
  .transform(String);
const ZCoord = z.union([z.number(), z.string()]).transform(Number).pipe(z.number().finite());
const ZAifGraph = z.object({
  nodes: z
    .array(
      z.object({
        nodeID: ZAifId,
        text: z.string({ message: 'must be text' }).max(MAX_TEXT_LENGTH * 4),
        type: z.string({ message: 'must name the node type (I, RA, CA, MA, ...)' }),
      }),
      {
        message: 'must be a list of nodes',
      },
    )
    .max(MAX_IMPORT_NODES * 10, `at most ${MAX_IMPORT_NODES * 10} nodes can be read`),
  edges: z
    .array(z.object({ fromID: ZAifId, toID: ZAifId }), { message: 'must be a list of edges' })
    .max(MAX_IMPORT_NODES * 20),
});
const ZOva = z.object({
  nodes: z.array(z.object({ nodeID: ZAifId, x: ZCoord, y: ZCoord })).default([]),
});
const ZCounterpoint = z.object({
  version: z.literal(1),
  title: z.string().max(1000),
  motion: z.string().max(1000),
  description: z.string().max(5000).default(''),
  nodes: z.record(z.string(), z.object({ kind: z.enum(NODE_KINDS), side: z.enum(SIDES) })),
  undercutTargets: z.record(z.string(), z.string()).default({}),
});

const fieldPath = (prefix: string, issue: z.core.$ZodIssue) =>
  [prefix, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))]
    .join('')
    .replace(/^\./, '');

function parsePart<T extends z.ZodType>(schema: T, value: unknown, at: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ImportFormatError(`${fieldPath(at, issue)}: ${issue.message}`);
  }
  return result.data;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an AIF JSON document into a graph; a malformed one is reported with the field at fault. */
export function parseAif(raw: unknown, fallbackTitle: string): ImportedMap {
  if (!isObject(raw))
    throw new ImportFormatError(
      'file: an AIF file is a JSON object with "nodes" and "edges" (or an "AIF" section holding them).',
    );
  const inner = isObject(raw.AIF) ? 'AIF' : isObject(raw.aif) ? 'aif' : null;
  const graph = parsePart(ZAifGraph, inner ? raw[inner] : raw, inner ?? '');
  const ovaRaw = isObject(raw.OVA) ? raw.OVA : isObject(raw.ova) ? raw.ova : null;
  const ova = ovaRaw ? parsePart(ZOva, ovaRaw, isObject(raw.OVA) ? 'OVA' : 'ova') : null;
  const ours =
    raw.counterpoint === undefined
      ? null
      : parsePart(ZCounterpoint, raw.counterpoint, 'counterpoint');
  const at = inner ? `${inner}.` : '';

  const typeOf = new Map<string, string>();
  for (const [i, n] of graph.nodes.entries()) {
    if (typeOf.has(n.nodeID))
      throw new ImportFormatError(`${at}nodes[${i}].nodeID: "${n.nodeID}" appears twice`);
    typeOf.set(n.nodeID, n.type.trim().toUpperCase());
  }
  for (const [i, e] of graph.edges.entries()) {
    if (!typeOf.has(e.fromID))
      throw new ImportFormatError(`${at}edges[${i}].fromID: no node "${e.fromID}"`);
    if (!typeOf.has(e.toID))
      throw new ImportFormatError(`${at}edges[${i}].toID: no node "${e.toID}"`);
  }

  const nodes: ImportedNode[] = [];
  const idOf = new Map<string, string>();
  for (const [i, n] of graph.nodes.entries()) {
    if (typeOf.get(n.nodeID) !== 'I') continue;
    const text = n.text.replace(/\s+/g, ' ').trim();
    if (!text) throw new ImportFormatError(`${at}nodes[${i}].text: an I-node needs text`);
    if (text.length > MAX_TEXT_LENGTH)
      throw new ImportFormatError(
        `${at}nodes[${i}].text: longer than ${MAX_TEXT_LENGTH} characters`,
      );
    const id = `n${nodes.length + 1}`;
    idOf.set(n.nodeID, id);
    nodes.push({ id, kind: 'CLAIM', text, side: 'NEUTRAL', x: null, y: null });
  }
  if (nodes.length === 0)
    throw new ImportFormatError(`${at}nodes: the file has no I-nodes (claims) to import`);
  if (nodes.length > MAX_IMPORT_NODES)
    throw new ImportFormatError(
      `${at}nodes: ${nodes.length} I-nodes; at most ${MAX_IMPORT_NODES} can be imported`,
    );

  const into = new Map<string, string[]>();
  const outOf = new Map<string, string[]>();
  for (const e of graph.edges) {
    const sources = into.get(e.toID) ?? [];
    if (sources.push(e.fromID) === 1) into.set(e.toID, sources);
    const targets = outOf.get(e.fromID) ?? [];
    if (targets.push(e.toID) === 1) outOf.set(e.fromID, targets);
  }
  const iNodesInto = (s: string) => (into.get(s) ?? []).filter((x) => idOf.has(x));
  const edges: ImportedEdge[] = [];
  const add = (
    fromAif: string,
    toAif: string,
    relation: ImportedEdge['relation'],
    groupId: string | null = null,
  ) => {
    // An inference with k premises and k conclusions makes k² connections:
    // a few kB of AIF must not become a graph too large to hold.
    // (Counted before repeated connections are merged, so with room to spare.)
    if (edges.length >= 2 * MAX_IMPORT_EDGES)
      throw new ImportFormatError(
        `${at}edges: the file makes more than ${2 * MAX_IMPORT_EDGES} connections; at most ${MAX_IMPORT_EDGES} can be imported`,
      );
    edges.push({
      id: `e${edges.length + 1}`,
      fromId: idOf.get(fromAif)!,
      toId: idOf.get(toAif)!,
      relation,
      groupId,
    });
  };
  let groups = 0;
  const undercutTargets = ours?.undercutTargets ?? {};
  for (const n of graph.nodes) {
    const type = typeOf.get(n.nodeID);
    const sources = iNodesInto(n.nodeID);
    const targets = outOf.get(n.nodeID) ?? [];
    if (type === 'RA') {
      const groupId = sources.length > 1 ? `g${++groups}` : null;
      for (const t of targets.filter((x) => idOf.has(x)))
        for (const s of sources) add(s, t, 'SUPPORTS', groupId);
    } else if (type === 'CA' && idOf.has(undercutTargets[n.nodeID] ?? '')) {
      for (const s of sources) add(s, undercutTargets[n.nodeID]!, 'UNDERCUTS');
    } else if (type === 'CA') {
      for (const t of targets) {
        if (idOf.has(t)) for (const s of sources) add(s, t, 'ATTACKS');
        // An attack on an RA-node undercuts its inference: drawn from the attacker to the inference's first premise.
        const premise = typeOf.get(t) === 'RA' ? iNodesInto(t)[0] : undefined;
        if (premise) for (const s of sources) add(s, premise, 'UNDERCUTS');
      }
    } else if (type === 'MA') {
      for (const t of targets.filter((x) => idOf.has(x)))
        for (const s of sources) add(s, t, 'REPHRASES');
    }
  }
  const cleanEdges = dedupeEdges(edges);

  const inferred = inferKinds(
    nodes.map((n) => n.id),
    cleanEdges,
  );
  const aifOf = new Map([...idOf].map(([aif, id]) => [id, aif]));
  const positions = new Map((ova?.nodes ?? []).map((p) => [p.nodeID, p]));
  for (const node of nodes) {
    const aif = aifOf.get(node.id)!;
    const given = ours?.nodes[aif];
    node.kind = given?.kind ?? inferred.get(node.id)!;
    node.side = given?.side ?? 'NEUTRAL';
    const p = positions.get(aif);
    if (p && Math.abs(p.x) <= 1e7 && Math.abs(p.y) <= 1e7)
      Object.assign(node, { x: Math.round(p.x), y: Math.round(p.y) });
  }
  // Other tools draw smaller boxes: their layout is kept only where our cards fit it (ours always is).
  if (!ours && !positionsUsable(nodes))
    for (const node of nodes) Object.assign(node, { x: null, y: null });

  const title = clip(ours?.title || fallbackTitle, 120) || 'Imported map';
  return {
    title,
    motion: clip(ours?.motion || title, 300),
    description: clip(ours?.description ?? '', 2000),
    nodes,
    edges: cleanEdges,
  };
}
