import { editsContent, type GraphState, type NodeState, type TOp } from './ops';
import { KIND_LABELS, KIND_WITH_ARTICLE, SIDE_LABELS, type Relation } from './types';

/**
 * Words for a screen reader: what someone else's change did ("added an
 * objection to “…”"), and how a card stands in the map ("Supports “…”.
 * Attacked by “…”"). Plain data in, plain sentences out.
 */

const QUOTE_CHARS = 60;

/** A card's text as quoted in a sentence: the first line, cut short. */
function quoted(text: string): string {
  const line = text.trim().split('\n')[0]!.trim() || 'an empty card';
  return `“${line.length > QUOTE_CHARS ? `${line.slice(0, QUOTE_CHARS - 1)}…` : line}”`;
}

/** How a new card was tied to what it bears on: "added an objection to …". */
const ADDED_TO: Record<Relation, string> = {
  SUPPORTS: 'supporting',
  ATTACKS: 'against',
  UNDERCUTS: 'undercutting the reasoning of',
  REPHRASES: 'rephrasing',
  CONTRADICTS: 'contradicting',
};

const textOf = (view: GraphState, id: string) => {
  const node = view.nodes.get(id);
  return node ? quoted(node.text) : 'a card';
};

/** One op in words, or null for one nobody needs to hear about (a card moved on the canvas). */
function describeOp(op: TOp, ops: TOp[], view: GraphState): string | null {
  switch (op.type) {
    case 'createNode': {
      const tie = ops.find((o) => o.type === 'createEdge' && o.fromId === op.id);
      if (tie?.type === 'createEdge')
        return tie.relation === 'ATTACKS' && op.kind === 'OBJECTION'
          ? `added an objection to ${textOf(view, tie.toId)}`
          : `added ${KIND_WITH_ARTICLE[op.kind]} ${ADDED_TO[tie.relation]} ${textOf(view, tie.toId)}`;
      return `added ${KIND_WITH_ARTICLE[op.kind]}: ${quoted(op.text)}`;
    }
    case 'updateNode': {
      const card = textOf(view, op.id);
      if (op.text !== undefined) return `edited the text of ${card}`;
      if (op.tags !== undefined && !editsContent(op)) return `changed the tags of ${card}`;
      if (op.section !== undefined && !editsContent(op))
        return op.section
          ? `put ${card} in section ${quoted(sectionTitle(view, op.section))}`
          : `took ${card} out of its section`;
      if (op.kind !== undefined) return `made ${card} ${KIND_WITH_ARTICLE[op.kind]}`;
      if (op.side !== undefined) return `marked ${card} ${SIDE_LABELS[op.side].toLowerCase()}`;
      if (op.anchor === undefined && op.card !== undefined)
        return op.card ? `cut ${card} as a card` : `stopped cutting ${card} as a card`;
      return `changed the quote of ${card}`;
    }
    case 'markCard':
      return `${op.on ? '' : 'un'}${op.layer === 'underline' ? 'underlined' : 'highlighted'} words of ${textOf(view, op.id)}`;
    case 'deleteNode':
      return `deleted ${textOf(view, op.id)}`;
    case 'restoreNode':
      return `brought back ${textOf(view, op.id)}`;
    case 'createEdge':
      return `connected ${textOf(view, op.fromId)}: it ${relationVerb(op.relation)} ${textOf(view, op.toId)}`;
    case 'updateEdge':
    case 'deleteEdge':
    case 'restoreEdge': {
      const edge = view.edges.get(op.id);
      const between = edge
        ? `between ${textOf(view, edge.fromId)} and ${textOf(view, edge.toId)}`
        : '';
      const verb =
        op.type === 'deleteEdge'
          ? 'removed'
          : op.type === 'restoreEdge'
            ? 'brought back'
            : 'changed';
      return `${verb} the connection ${between}`.trim();
    }
    case 'moveNodes':
      return null;
    case 'createSection':
      return `added section ${quoted(op.title)}`;
    case 'renameSection':
      return `renamed section ${quoted(op.expect.title)} to ${quoted(op.title)}`;
    case 'deleteSection':
      return 'deleted a section';
    case 'restoreSections':
      return `brought back section ${quoted(op.sections[0]!.title)}`;
    case 'setTagColor':
      return `changed the colour of tag ${quoted(op.tag)}`;
  }
}

const sectionTitle = (view: GraphState, id: string) =>
  view.map?.sections.find((s) => s.id === id)?.title ?? 'a section';

const relationVerb = (relation: Relation) =>
  ({
    SUPPORTS: 'supports',
    ATTACKS: 'attacks',
    UNDERCUTS: 'undercuts the reasoning of',
    REPHRASES: 'rephrases',
    CONTRADICTS: 'contradicts',
  })[relation];

/**
 * Someone's batch of ops in one sentence without its subject ("added an
 * objection to “…”"), read against the map after it applied; null when
 * nothing in it is worth saying (cards moved). A new card's own connection
 * is part of saying the card was added.
 */
export function describeChange(ops: TOp[], view: GraphState): string | null {
  const created = new Set(ops.flatMap((o) => (o.type === 'createNode' ? [o.id] : [])));
  const phrases = ops
    .filter((o) => !(o.type === 'createEdge' && created.has(o.fromId)))
    // Deleting a card takes its connections: one phrase for it.
    .filter((o) => !(o.type === 'deleteEdge' && ops.some((d) => d.type === 'deleteNode')))
    .map((o) => describeOp(o, ops, view))
    .filter((p): p is string => p !== null);
  if (phrases.length === 0) return null;
  const more = phrases.length - 1;
  return more === 0
    ? phrases[0]!
    : `${phrases[0]} and made ${more} other change${more === 1 ? '' : 's'}`;
}

const listed = (nodes: NodeState[]) =>
  nodes.length <= 3
    ? nodes.map((n) => quoted(n.text)).join(' and ')
    : `${nodes
        .slice(0, 2)
        .map((n) => quoted(n.text))
        .join(', ')} and ${nodes.length - 2} more`;

/** A card's connections in words, for a screen reader: "Claim. Supports “…”. Supported by “…”." */
export function describeRelations(id: string, view: GraphState): string {
  const node = view.nodes.get(id);
  if (!node || node.deleted) return '';
  const live = [...view.edges.values()].filter((e) => !e.deleted);
  const sentences: string[] = [KIND_LABELS[node.kind]];
  const outgoing: [Relation, string][] = [
    ['SUPPORTS', 'Supports'],
    ['ATTACKS', 'Attacks'],
    ['UNDERCUTS', 'Undercuts the reasoning of'],
    ['REPHRASES', 'Rephrases'],
  ];
  const incoming: [Relation, string][] = [
    ['SUPPORTS', 'Supported by'],
    ['ATTACKS', 'Attacked by'],
    ['UNDERCUTS', 'Its reasoning is undercut by'],
    ['REPHRASES', 'Rephrased by'],
  ];
  const ends = (ids: string[]) =>
    ids.map((i) => view.nodes.get(i)).filter((n): n is NodeState => !!n && !n.deleted);
  for (const [relation, words] of outgoing) {
    const to = ends(
      live.filter((e) => e.fromId === id && e.relation === relation).map((e) => e.toId),
    );
    if (to.length) sentences.push(`${words} ${listed(to)}`);
  }
  for (const [relation, words] of incoming) {
    const from = ends(
      live.filter((e) => e.toId === id && e.relation === relation).map((e) => e.fromId),
    );
    if (from.length) sentences.push(`${words} ${listed(from)}`);
  }
  // A contradiction has no direction: the same words from either end.
  const contradicted = ends(
    live
      .filter((e) => e.relation === 'CONTRADICTS' && (e.fromId === id || e.toId === id))
      .map((e) => (e.fromId === id ? e.toId : e.fromId)),
  );
  if (contradicted.length) sentences.push(`Contradicts ${listed(contradicted)}`);
  if (sentences.length === 1) sentences.push('Not connected to any other card');
  return `${sentences.join('. ')}.`;
}
