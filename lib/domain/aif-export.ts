import { exportOrder, type ExportableMap } from './interchange';
import { schemeById } from './reasoning/schemes';
import type { NodeKind, Side } from './types';

/**
 * A map as AIF: every node an I-node; one RA-node per support group, CA-nodes
 * for attacks and undercuts (two, one each way, for a contradiction),
 * MA-nodes for rephrases, positions in the OVA
 * section and what AIF has no place for in the `counterpoint` section (see
 * aif.ts).
 */

type AifNode = {
  nodeID: string;
  text: string;
  type: string;
  timestamp: string;
  scheme?: string;
  schemeID?: string;
};
type AifEdge = { edgeID: number; fromID: string; toID: string; formEdgeID: null };
type AifDocument = {
  AIF: {
    nodes: AifNode[];
    edges: AifEdge[];
    locutions: never[];
    participants: never[];
    schemefulfillments: { nodeID: string; schemeID: string }[];
    descriptorfulfillments: never[];
    cqdescriptorfulfillments: never[];
  };
  OVA: {
    firstname: string;
    surname: string;
    url: string;
    nodes: { nodeID: string; visible: boolean; x: number; y: number; timestamp: string }[];
    edges: { fromID: string; toID: string; visible: boolean }[];
  };
  text: string;
  counterpoint: {
    version: 1;
    title: string;
    motion: string;
    description: string;
    nodes: Record<string, { kind: NodeKind; side: Side }>;
    /**
     * The node each undercutting CA-node was drawn to. AIF points an undercut
     * at the RA-node, which may join several premises (or none, for a node that
     * supports nothing yet); this keeps which one.
     */
    undercutTargets: Record<string, string>;
    /**
     * The CA-node pairs that are one contradiction. AIF has no symmetric
     * conflict: a contradiction is written as two CA-nodes, one each way
     * (what any AIF tool reads as a mutual attack), and this reads them back
     * as the one connection they are.
     */
    contradictions: [string, string][];
  };
};

/**
 * The scheme an S-node is written with: the name the file it came from
 * gave, else a support's scheme from the catalogue, named as AIFdb names
 * its schemes ("Argument From Expert Opinion"); else the default.
 */
function aifSchemeName(group: ExportableMap['edges']): string | undefined {
  const named = group.find((e) => e.schemeName)?.schemeName;
  if (named) return named;
  const tagged = group.find((e) => e.relation === 'SUPPORTS' && e.scheme)?.scheme;
  return tagged ? catalogueAifName(tagged) : undefined;
}

/** A catalogue scheme named as AIFdb names its schemes ("Argument From Expert Opinion"). */
function catalogueAifName(schemeId: string): string | undefined {
  return schemeById(schemeId)?.name.replace(
    /(^|[\s(])(\p{Ll})/gu,
    (_, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

/**
 * The scheme name an imported connection keeps on the map (`Edge.schemeName`):
 * the file's own name, unless export would write exactly that name anyway
 * from the catalogue scheme it stands for ("Argument From Expert Opinion"
 * on a support tagged expert-opinion). So a name outside the catalogue, a
 * conflict's or a rephrase's ("Conflict From Bias", "Evaluation") and a
 * variant spelling ("Expert Opinion") are kept; the defaults never reach
 * here (aif-import.ts drops them).
 */
export function keptSchemeName(edge: {
  scheme?: string | null;
  schemeName?: string | null;
}): string | null {
  if (!edge.schemeName) return null;
  if (edge.scheme && catalogueAifName(edge.scheme) === edge.schemeName) return null;
  return edge.schemeName;
}

/** AIFdb's scheme ids for the default inference and conflict. */
const SCHEME = {
  RA: { text: 'Default Inference', schemeID: '72' },
  CA: { text: 'Default Conflict', schemeID: '71' },
  MA: { text: 'Default Rephrase', schemeID: '144' },
} as const;

/** The map as an AIF document with OVA layout. */
export function exportAif(map: ExportableMap): AifDocument {
  const nodes = exportOrder(map.nodes);
  const aifId = new Map(nodes.map((n, i) => [n.id, String(i + 1)]));
  const position = new Map(
    nodes.map((n) => [aifId.get(n.id)!, { x: Math.round(n.x), y: Math.round(n.y) }]),
  );
  const aifNodes: AifNode[] = nodes.map((n) => ({
    nodeID: aifId.get(n.id)!,
    text: n.text,
    type: 'I',
    timestamp: '',
  }));
  const aifEdges: AifEdge[] = [];
  const fulfilments: { nodeID: string; schemeID: string }[] = [];
  const undercutTargets: Record<string, string> = {};
  const link = (fromID: string, toID: string) =>
    aifEdges.push({ edgeID: aifEdges.length + 1, fromID, toID, formEdgeID: null });
  const scheme = (type: keyof typeof SCHEME, ends: string[], name?: string | null) => {
    const nodeID = String(aifNodes.length + 1);
    // A scheme the map came with is written back by name (its AIFdb id is not kept).
    aifNodes.push(
      name
        ? { nodeID, text: name, type, timestamp: '', scheme: name }
        : {
            nodeID,
            text: SCHEME[type].text,
            type,
            timestamp: '',
            scheme: SCHEME[type].text,
            schemeID: SCHEME[type].schemeID,
          },
    );
    if (!name) fulfilments.push({ nodeID, schemeID: SCHEME[type].schemeID });
    // An S-node sits between the nodes it joins.
    const points = ends.map((id) => position.get(id)!);
    position.set(nodeID, {
      x: Math.round(points.reduce((s, p) => s + p.x, 0) / points.length),
      y: Math.round(points.reduce((s, p) => s + p.y, 0) / points.length),
    });
    return nodeID;
  };

  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = map.edges
    .filter((e) => aifId.has(e.fromId) && aifId.has(e.toId))
    .sort(
      (a, b) =>
        order.get(a.toId)! - order.get(b.toId)! || order.get(a.fromId)! - order.get(b.fromId)!,
    );

  // One S-node per connection, or per linked group (premises that support,
  // or attackers that attack, together) and the node they bear on.
  const joined = (relation: (typeof edges)[number]['relation']) => {
    const groups = new Map<string, typeof edges>();
    for (const e of edges.filter((x) => x.relation === relation)) {
      const key = e.groupId ? `${e.toId}|g|${e.groupId}` : `${e.toId}|e|${e.id}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    return [...groups.values()].map((group) => ({
      from: group.map((e) => e.fromId),
      to: group[0]!.toId,
      scheme: aifSchemeName(group),
    }));
  };
  const raFor = new Map<string, string[]>();
  for (const { from, to, scheme: name } of joined('SUPPORTS')) {
    const raId = scheme('RA', [...from.map((p) => aifId.get(p)!), aifId.get(to)!], name);
    for (const p of from) link(aifId.get(p)!, raId);
    link(raId, aifId.get(to)!);
    for (const p of from) raFor.set(p, [...(raFor.get(p) ?? []), raId]);
  }
  for (const relation of ['ATTACKS', 'UNDERCUTS', 'REPHRASES'] as const) {
    for (const { from: fromIds, to: toId, scheme: name } of joined(relation)) {
      const from = fromIds.map((id) => aifId.get(id)!);
      const to = aifId.get(toId)!;
      // An undercut attacks the inference from its target to what that supports;
      // if the target supports nothing, the target itself.
      const targets = relation === 'UNDERCUTS' ? (raFor.get(toId) ?? [to]) : [to];
      for (const target of targets) {
        const sId = scheme(relation === 'REPHRASES' ? 'MA' : 'CA', [...from, target], name);
        if (relation === 'UNDERCUTS') undercutTargets[sId] = to;
        for (const f of from) link(f, sId);
        link(sId, target);
      }
    }
  }

  const contradictions: [string, string][] = [];
  for (const e of edges.filter((x) => x.relation === 'CONTRADICTS')) {
    const [a, b] = [aifId.get(e.fromId)!, aifId.get(e.toId)!];
    const pair = [a, b].map((from) => {
      const to = from === a ? b : a;
      // A scheme name the file it came from gave both conflicts goes on both again.
      const caId = scheme('CA', [from, to], e.schemeName);
      link(from, caId);
      link(caId, to);
      return caId;
    });
    contradictions.push([pair[0]!, pair[1]!]);
  }

  return {
    AIF: {
      nodes: aifNodes,
      edges: aifEdges,
      locutions: [],
      participants: [],
      schemefulfillments: fulfilments,
      descriptorfulfillments: [],
      cqdescriptorfulfillments: [],
    },
    OVA: {
      firstname: '',
      surname: '',
      url: '',
      nodes: aifNodes.map((n) => ({
        nodeID: n.nodeID,
        visible: true,
        ...position.get(n.nodeID)!,
        timestamp: '',
      })),
      edges: aifEdges.map((e) => ({ fromID: e.fromID, toID: e.toID, visible: true })),
    },
    text: '',
    counterpoint: {
      version: 1,
      title: map.title,
      motion: map.motion,
      description: map.description,
      nodes: Object.fromEntries(
        nodes.map((n) => [aifId.get(n.id)!, { kind: n.kind, side: n.side }]),
      ),
      undercutTargets,
      contradictions,
    },
  };
}
