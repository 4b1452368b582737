import { schemeNameAfter } from './apply-op';
import { normalizeMarks, rangesWithin } from './evidence/card';
import type { GraphState } from './graph-state';
import type { TOp } from './op-schemas';
import { liveSection, sectionSubtree } from './sections';
import { colourOfTag, tagKey } from './tags';

/**
 * The op that undoes `op`, given the state `before` it was applied (and
 * assuming it applied). An undone update expects the values the update set,
 * so an undo over someone else's later change is refused as stale instead
 * of silently overwriting it.
 */
export function invertOp(before: GraphState, op: TOp): TOp {
  switch (op.type) {
    case 'createNode':
      return { type: 'deleteNode', id: op.id };
    case 'updateNode': {
      const node = before.nodes.get(op.id)!;
      // The card as the update stored it (sorted and merged), which is what undo expects to find.
      const passage = (op.anchor !== undefined ? op.anchor : node.anchor)?.exact.length ?? 0;
      const card = op.card ? normalizeMarks(op.card, passage) : op.card;
      // A change of kind or passage may drop or move the card's marks: undo puts them back.
      const cardMoved =
        op.card === undefined && node.card && (op.kind !== undefined || op.anchor !== undefined);
      return {
        type: 'updateNode',
        id: op.id,
        expect: {
          text: op.text,
          kind: op.kind,
          side: op.side,
          anchor: op.anchor,
          card,
          tags: op.tags,
          section: op.section,
        },
        ...(op.text !== undefined && { text: node.text }),
        ...(op.kind !== undefined && { kind: node.kind }),
        ...(op.side !== undefined && { side: node.side }),
        ...(op.anchor !== undefined && { anchor: node.anchor }),
        ...((op.card !== undefined || cardMoved) && { card: node.card }),
        ...(op.tags !== undefined && { tags: node.tags }),
        ...(op.section !== undefined && {
          section: liveSection(before.map?.sections ?? [], node.section),
        }),
      };
    }
    case 'markCard': {
      // Unmark the range, keeping what was marked in it before: the range as it was.
      const node = before.nodes.get(op.id)!;
      return {
        type: 'markCard',
        id: op.id,
        layer: op.layer,
        range: op.range,
        on: false,
        keep: rangesWithin(node.card?.[op.layer] ?? [], op.range),
      };
    }
    case 'moveNodes':
      return {
        type: 'moveNodes',
        moves: op.moves.map((m) => {
          const node = before.nodes.get(m.id)!;
          return { id: m.id, x: node.x, y: node.y };
        }),
      };
    case 'deleteNode':
      return {
        type: 'restoreNode',
        id: op.id,
        edgeIds: [...before.edges.values()]
          .filter((e) => !e.deleted && (e.fromId === op.id || e.toId === op.id))
          .map((e) => e.id),
      };
    case 'restoreNode':
      return { type: 'deleteNode', id: op.id };
    case 'createEdge':
      return { type: 'deleteEdge', id: op.id };
    case 'updateEdge': {
      const edge = before.edges.get(op.id)!;
      const after = { schemeName: schemeNameAfter(op, edge) };
      return {
        type: 'updateEdge',
        id: op.id,
        expect: {
          fromId: op.fromId,
          toId: op.toId,
          relation: op.relation,
          groupId: op.groupId,
          scheme: op.scheme,
          schemeName: after.schemeName === edge.schemeName ? undefined : after.schemeName,
          answers: op.answers,
        },
        ...(op.fromId !== undefined && { fromId: edge.fromId }),
        ...(op.toId !== undefined && { toId: edge.toId }),
        ...(op.relation !== undefined && { relation: edge.relation }),
        ...(op.groupId !== undefined && { groupId: edge.groupId }),
        ...(op.scheme !== undefined && { scheme: edge.scheme }),
        // Setting the scheme or the relation may have cleared the imported scheme name.
        ...(after.schemeName !== edge.schemeName && { schemeName: edge.schemeName }),
        ...(op.answers !== undefined && { answers: edge.answers }),
      };
    }
    case 'deleteEdge':
      return { type: 'restoreEdge', id: op.id };
    case 'restoreEdge':
      return { type: 'deleteEdge', id: op.id };
    case 'createSection':
      return { type: 'deleteSection', id: op.id };
    case 'renameSection':
      return {
        type: 'renameSection',
        id: op.id,
        title: op.expect.title,
        expect: { title: op.title },
      };
    case 'deleteSection': {
      const sections = before.map!.sections;
      const gone = sectionSubtree(sections, op.id);
      const ids = new Set(gone.map((s) => s.id));
      const cards = [...before.nodes.values()].flatMap((n) =>
        n.section && ids.has(n.section) ? [{ id: n.id, section: n.section }] : [],
      );
      return {
        type: 'restoreSections',
        sections: gone,
        index: sections.indexOf(gone[0]!),
        cards,
      };
    }
    case 'restoreSections':
      // Restored together, they are the subtree of the first (the section deleted with them).
      return { type: 'deleteSection', id: op.sections[0]!.id };
    case 'setTagColor':
      return {
        type: 'setTagColor',
        tag: tagKey(before.map!.tagColors, op.tag),
        colour: colourOfTag(before.map!.tagColors, op.tag) ?? null,
        expect: op.colour,
      };
  }
}
