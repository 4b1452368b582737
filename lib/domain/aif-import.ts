import { z } from 'zod';
import {
  clip,
  dedupeEdges,
  flattenText,
  ImportFormatError,
  inferKinds,
  MAX_IMPORT_EDGES,
  MAX_IMPORT_NODES,
  layoutDegenerate,
  positionsUsable,
  type ImportedEdge,
  type ImportedMap,
  type ImportedNode,
} from './interchange';
import { MAX_TEXT_LENGTH } from './op-schemas';
import { SCHEMES } from './reasoning/schemes';
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
        // OVA3 names an S-node's scheme here as well as in its text.
        scheme: z.string().max(300).optional().catch(undefined),
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
  contradictions: z
    .array(z.tuple([z.string(), z.string()]))
    .max(MAX_IMPORT_NODES * 10)
    .default([]),
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
  const rawGraph = inner ? raw[inner] : raw;
  const graph = parsePart(ZAifGraph, rawGraph, inner ?? '');
  // The entries as written, so that only a true repeat counts as one.
  const rawNodes = (rawGraph as { nodes: unknown[] }).nodes;
  const ovaRaw = isObject(raw.OVA) ? raw.OVA : isObject(raw.ova) ? raw.ova : null;
  const ova = ovaRaw ? parsePart(ZOva, ovaRaw, isObject(raw.OVA) ? 'OVA' : 'ova') : null;
  const ours =
    raw.counterpoint === undefined
      ? null
      : parsePart(ZCounterpoint, raw.counterpoint, 'counterpoint');
  const at = inner ? `${inner}.` : '';

  const ignored: string[] = [];
  const typeOf = new Map<string, string>();
  const firstOf = new Map<string, number>();
  const repeats = new Set<number>();
  for (const [i, n] of graph.nodes.entries()) {
    const first = firstOf.get(n.nodeID);
    if (first !== undefined) {
      // Corpus files repeat nodes; the same node twice is one node, two different ones under one id is an error.
      if (canonical(rawNodes[first]) === canonical(rawNodes[i])) {
        repeats.add(i);
        continue;
      }
      throw new ImportFormatError(
        `${at}nodes[${i}].nodeID: "${n.nodeID}" appears twice, as two different nodes`,
      );
    }
    firstOf.set(n.nodeID, i);
    typeOf.set(n.nodeID, n.type.trim().toUpperCase());
  }
  const graphEdges: typeof graph.edges = [];
  let missing = 0;
  for (const [i, e] of graph.edges.entries()) {
    const from = typeOf.get(e.fromID);
    const to = typeOf.get(e.toID);
    if (from === undefined || to === undefined) {
      // AIFdb corpus files leave out nodes of the dialogue layer that other
      // files hold (locutions, transitions, and the illocutions that anchor
      // a claim or an inference in them). An edge of that layer goes with
      // them, and an edge from a node the file lacks into an argument node
      // (an anchor) is left out and said. An edge out of an argument node to
      // one the file lacks (a premise to its inference, an inference to its
      // conclusion) would lose part of an argument: refused.
      if (from !== undefined && ARGUMENT_TYPES.has(from))
        throw new ImportFormatError(`${at}edges[${i}].toID: no node "${e.toID}"`);
      if (to !== undefined && ARGUMENT_TYPES.has(to)) missing++;
      continue;
    }
    graphEdges.push(e);
  }
  if (missing > 0)
    ignored.push(
      `${missing} ${missing === 1 ? 'connection' : 'connections'} into the argument from nodes the file does not hold (its dialogue layer, which is not imported) ${missing === 1 ? 'was' : 'were'} left out.`,
    );

  const nodes: ImportedNode[] = [];
  const idOf = new Map<string, string>();
  const kept = graph.nodes.filter((_, i) => !repeats.has(i));
  for (const [i, n] of graph.nodes.entries()) {
    if (typeOf.get(n.nodeID) !== 'I' || repeats.has(i)) continue;
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
  for (const e of graphEdges) {
    const sources = into.get(e.toID) ?? [];
    if (sources.push(e.fromID) === 1) into.set(e.toID, sources);
    const targets = outOf.get(e.fromID) ?? [];
    if (targets.push(e.toID) === 1) outOf.set(e.fromID, targets);
  }
  const iNodesInto = (s: string) => (into.get(s) ?? []).filter((x) => idOf.has(x));
  const edges: ImportedEdge[] = [];
  // Whether the S-node being read joins a claim to itself (a map cannot draw that).
  let joinsItself = false;
  const add = (
    fromAif: string,
    toAif: string,
    relation: ImportedEdge['relation'],
    groupId: string | null,
    schemeName: string | undefined,
  ) => {
    // An inference with k premises and k conclusions makes k² connections:
    // a few kB of AIF must not become a graph too large to hold.
    // (Counted before repeated connections are merged, so with room to spare.)
    if (edges.length >= 2 * MAX_IMPORT_EDGES)
      throw new ImportFormatError(
        `${at}edges: the file makes more than ${2 * MAX_IMPORT_EDGES} connections; at most ${MAX_IMPORT_EDGES} can be imported`,
      );
    if (fromAif === toAif) {
      joinsItself = true;
      return;
    }
    edges.push({
      id: `e${edges.length + 1}`,
      fromId: idOf.get(fromAif)!,
      toId: idOf.get(toAif)!,
      relation,
      groupId,
      ...(schemeName && { schemeName }),
      ...(schemeName && relation === 'SUPPORTS' && { scheme: catalogueScheme(schemeName) }),
    });
  };
  let groups = 0;
  const undercutTargets = ours?.undercutTargets ?? {};
  const dropped: Record<'RA' | 'CA' | 'MA', number> = { RA: 0, CA: 0, MA: 0 };
  const itself: Record<'RA' | 'CA' | 'MA', number> = { RA: 0, CA: 0, MA: 0 };
  // A contradiction: two CA-nodes, one each way between the same two claims,
  // read as one. Our own files say which pairs are one; in another tool's
  // file (which has no symmetric conflict) every such pair is, where each
  // conflict joins one claim to one claim and nothing else, and both name
  // the same scheme (two different ones are two different attacks, kept so).
  const contradictionPair = new Set<string>();
  const single = (ca: string) => {
    // The dialogue layer's edges (a YA-node anchoring the conflict) are not part of it.
    const argument = (x: string) => ARGUMENT_TYPES.has(typeOf.get(x)!);
    const sources = (into.get(ca) ?? []).filter(argument);
    const targets = (outOf.get(ca) ?? []).filter(argument);
    if (typeOf.get(ca) !== 'CA' || Object.hasOwn(undercutTargets, ca)) return null;
    if (sources.length !== 1 || targets.length !== 1) return null;
    const [from, to] = [sources[0]!, targets[0]!];
    return idOf.has(from) && idOf.has(to) && from !== to ? { from, to } : null;
  };
  const sNode = new Map(kept.map((n) => [n.nodeID, n]));
  const pair = (first: string, second: string) => {
    const [a, b] = [single(first), single(second)];
    if (!a || !b || a.from !== b.to || a.to !== b.from || first === second) return;
    if (contradictionPair.has(first) || contradictionPair.has(second)) return;
    const name = schemeOf(sNode.get(first)!, 'CA');
    if (name !== schemeOf(sNode.get(second)!, 'CA')) return;
    contradictionPair.add(first).add(second);
    add(a.from, a.to, 'CONTRADICTS', null, name);
  };
  if (ours) for (const [first, second] of ours.contradictions) pair(first, second);
  else {
    // Each conflict waits, in file order, for the first one back the other way.
    const waiting = new Map<string, string[]>();
    for (const n of kept) {
      const ends = single(n.nodeID);
      if (!ends) continue;
      const name = schemeOf(n, 'CA') ?? '';
      const back = waiting.get(JSON.stringify([ends.to, ends.from, name]));
      if (back?.length) pair(back.shift()!, n.nodeID);
      else {
        const key = JSON.stringify([ends.from, ends.to, name]);
        waiting.set(key, [...(waiting.get(key) ?? []), n.nodeID]);
      }
    }
  }
  for (const n of kept) {
    const type = typeOf.get(n.nodeID);
    if (type !== 'RA' && type !== 'CA' && type !== 'MA') continue;
    if (contradictionPair.has(n.nodeID)) continue;
    const sources = iNodesInto(n.nodeID);
    const targets = outOf.get(n.nodeID) ?? [];
    const before = edges.length;
    joinsItself = false;
    // Premises (or attackers) that act together share a group, as the S-node joins them.
    const groupId = sources.length > 1 ? `g${++groups}` : null;
    const schemeName = schemeOf(n, type);
    if (type === 'RA') {
      for (const t of targets.filter((x) => idOf.has(x)))
        for (const s of sources) add(s, t, 'SUPPORTS', groupId, schemeName);
    } else if (type === 'CA' && idOf.has(undercutTargets[n.nodeID] ?? '')) {
      for (const s of sources) add(s, undercutTargets[n.nodeID]!, 'UNDERCUTS', groupId, schemeName);
    } else if (type === 'CA') {
      for (const t of targets) {
        if (idOf.has(t)) for (const s of sources) add(s, t, 'ATTACKS', groupId, schemeName);
        // An attack on an RA-node undercuts its inference: drawn from the attacker to the inference's first premise.
        const premise = typeOf.get(t) === 'RA' ? iNodesInto(t)[0] : undefined;
        if (premise) for (const s of sources) add(s, premise, 'UNDERCUTS', groupId, schemeName);
      }
    } else {
      for (const t of targets.filter((x) => idOf.has(x)))
        for (const s of sources) add(s, t, 'REPHRASES', groupId, schemeName);
    }
    // A linked group left with one member (the others were its own target) is no group.
    const made = edges.slice(before);
    if (groupId && new Set(made.map((e) => e.fromId)).size === 1)
      for (const e of made) e.groupId = null;
    if (joinsItself) itself[type]++;
    else if (made.length === 0) dropped[type]++;
  }
  const what = { RA: 'inference', CA: 'conflict', MA: 'rephrase' } as const;
  const verb = { RA: 'support', CA: 'attack', MA: 'rephrase' } as const;
  for (const type of ['RA', 'CA', 'MA'] as const) {
    const [count, selfCount] = [dropped[type], itself[type]];
    const nodesWere = (n: number) => `${n} ${what[type]} ${n === 1 ? 'node' : 'nodes'} (${type})`;
    const was = (n: number) => (n === 1 ? 'was' : 'were');
    if (count > 0)
      ignored.push(
        `${nodesWere(count)} without ${type === 'CA' ? 'an attacker or a target' : 'a claim at each end'} ${was(count)} left out.`,
      );
    if (selfCount > 0)
      ignored.push(
        `${nodesWere(selfCount)} ${selfCount === 1 ? 'joins' : 'join'} a claim to itself; a claim cannot ${verb[type]} itself on a map, so ${selfCount === 1 ? 'that connection was' : 'those connections were'} left out.`,
      );
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
  // Nor where it is one column, one row or a long strip: the map is laid out afresh.
  if (!ours && (!positionsUsable(nodes) || layoutDegenerate(nodes)))
    for (const node of nodes) Object.assign(node, { x: null, y: null });

  // Neither AIF nor OVA has a title or a motion: the file's name, and a motion left for the teacher to write.
  const title = clip(ours?.title || fallbackTitle, 120) || 'Imported map';
  return {
    title,
    motion: clip(ours?.motion ?? '', 300),
    description: clip(ours?.description ?? '', 2000),
    nodes,
    edges: cleanEdges,
    ignored,
  };
}

/** The node types of the argument itself; the rest (L, YA, TA, ...) are the dialogue layer, which is skipped. */
const ARGUMENT_TYPES = new Set(['I', 'RA', 'CA', 'MA', 'PA']);

/** The default scheme of each S-node type (AIFdb's names), which a map need not keep. */
const DEFAULT_SCHEMES: Record<'RA' | 'CA' | 'MA', string> = {
  RA: 'Default Inference',
  CA: 'Default Conflict',
  MA: 'Default Rephrase',
};

/**
 * The catalogue's scheme an AIF scheme name stands for ("Argument From
 * Expert Opinion", or AIFdb's shorter "Expert Opinion"), else null.
 */
function catalogueScheme(name: string): string | null {
  const wanted = name.toLowerCase().replace(/^argument from /, '');
  return (
    SCHEMES.find((s) => s.name.toLowerCase().replace(/^argument from /, '') === wanted)?.id ?? null
  );
}

/** The scheme an S-node names (OVA3's `scheme`, else AIFdb's text), unless it is the default one. */
function schemeOf(node: { text: string; scheme?: string }, type: 'RA' | 'CA' | 'MA') {
  const name = flattenText(node.scheme || node.text).slice(0, 200);
  if (!name || name.toLowerCase() === DEFAULT_SCHEMES[type].toLowerCase()) return undefined;
  // AIFdb writes a bare "RA" or "CA" for an unnamed inference or conflict.
  if (name.toUpperCase() === type) return undefined;
  return name;
}

/** A JSON value as text with its keys sorted: two entries that say the same read the same. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
          .join(',')}}`
      : JSON.stringify(value);
