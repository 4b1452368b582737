import { exportOrder, type ExportableMap } from './interchange';
import type { NodeKind, Side } from './types';

/**
 * A map as AIF: every node an I-node; one RA-node per support group, CA-nodes
 * for attacks and undercuts, MA-nodes for rephrases, positions in the OVA
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
  };
};

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
  const scheme = (type: keyof typeof SCHEME, ends: string[]) => {
    const nodeID = String(aifNodes.length + 1);
    aifNodes.push({
      nodeID,
      text: SCHEME[type].text,
      type,
      timestamp: '',
      scheme: SCHEME[type].text,
      schemeID: SCHEME[type].schemeID,
    });
    fulfilments.push({ nodeID, schemeID: SCHEME[type].schemeID });
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

  // Supports: one RA-node per conclusion and linked group, or per single premise.
  const raFor = new Map<string, { raId: string; premises: string[] }[]>();
  const supportGroups = new Map<string, string[]>();
  for (const e of edges.filter((x) => x.relation === 'SUPPORTS')) {
    const key = e.groupId ? `${e.toId}|g|${e.groupId}` : `${e.toId}|e|${e.id}`;
    supportGroups.set(key, [...(supportGroups.get(key) ?? []), e.fromId]);
  }
  for (const [key, premises] of supportGroups) {
    const conclusion = key.split('|')[0]!;
    const raId = scheme('RA', [...premises.map((p) => aifId.get(p)!), aifId.get(conclusion)!]);
    for (const p of premises) link(aifId.get(p)!, raId);
    link(raId, aifId.get(conclusion)!);
    for (const p of premises) raFor.set(p, [...(raFor.get(p) ?? []), { raId, premises }]);
  }
  for (const e of edges.filter((x) => x.relation !== 'SUPPORTS')) {
    const from = aifId.get(e.fromId)!;
    const to = aifId.get(e.toId)!;
    if (e.relation === 'UNDERCUTS') {
      // The inference from the target to what it supports; if it supports nothing, the node itself.
      const inferences = raFor.get(e.toId) ?? [];
      for (const { raId } of inferences) {
        const caId = scheme('CA', [from, raId]);
        undercutTargets[caId] = to;
        link(from, caId);
        link(caId, raId);
      }
      if (inferences.length > 0) continue;
      const caId = scheme('CA', [from, to]);
      undercutTargets[caId] = to;
      link(from, caId);
      link(caId, to);
      continue;
    }
    const sId = scheme(e.relation === 'ATTACKS' ? 'CA' : 'MA', [from, to]);
    link(from, sId);
    link(sId, to);
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
    },
  };
}
