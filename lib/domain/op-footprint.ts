import type { TOp } from './op-schemas';

/**
 * What a batch of ops needs of a map to apply: the nodes and edges it names
 * (and the map's sections and tag colours, for the ops that read them),
 * and the nodes whose connections the invariants look at (a deleted node
 * takes its edges with it; a new or changed edge may not repeat another
 * between the same two nodes). Applying the batch to just these entities
 * gives the same result as applying it to the whole map (apply-op.ts reads
 * nothing else), so the server loads O(batch) rows, not O(map).
 *
 * The loader reads the edges named by id first: their two ends join
 * `nodeIds` and `connectionsOf` (a restored or changed edge is checked
 * against the others between its ends); every node in `connectionsOf`
 * brings all of its edges.
 */
export type OpFootprint = {
  nodeIds: Set<string>;
  edgeIds: Set<string>;
  /** Nodes whose every edge must be loaded too. */
  connectionsOf: Set<string>;
  /** Whether the map's sections and tag colours must be loaded (GraphState.map). */
  map: boolean;
  /** Sections being deleted: the nodes in them (or in their subsections) must be loaded too. */
  sectionsOf: Set<string>;
};

export function opFootprint(ops: readonly TOp[]): OpFootprint {
  const nodeIds = new Set<string>();
  const edgeIds = new Set<string>();
  const connectionsOf = new Set<string>();
  let map = false;
  const sectionsOf = new Set<string>();
  const ends = (...ids: (string | undefined)[]) => {
    for (const id of ids) {
      if (id === undefined) continue;
      nodeIds.add(id);
      connectionsOf.add(id);
    }
  };
  for (const op of ops) {
    switch (op.type) {
      case 'createNode':
      case 'markCard':
        nodeIds.add(op.id);
        break;
      case 'updateNode':
        nodeIds.add(op.id);
        // Putting a card in a section (or taking it out) reads the sections.
        if (op.section !== undefined) map = true;
        break;
      case 'moveNodes':
        for (const move of op.moves) nodeIds.add(move.id);
        break;
      case 'deleteNode':
        ends(op.id);
        break;
      case 'restoreNode':
        ends(op.id);
        for (const id of op.edgeIds) edgeIds.add(id);
        break;
      case 'createEdge':
        edgeIds.add(op.id);
        ends(op.fromId, op.toId);
        break;
      case 'updateEdge':
        edgeIds.add(op.id);
        ends(op.fromId, op.toId);
        break;
      case 'deleteEdge':
      case 'restoreEdge':
        edgeIds.add(op.id);
        break;
      case 'deleteSection':
        map = true;
        sectionsOf.add(op.id);
        break;
      case 'restoreSections':
        map = true;
        for (const card of op.cards) nodeIds.add(card.id);
        break;
      case 'createSection':
      case 'renameSection':
      case 'setTagColor':
        map = true;
        break;
    }
  }
  return { nodeIds, edgeIds, connectionsOf, map, sectionsOf };
}
