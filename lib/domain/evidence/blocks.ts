import { buildBrief, type BriefItem } from '../brief';
import type { GraphEdge, GraphNode, Relation, Side } from '../types';

/**
 * A side's blocks, as debaters file them in Verbatim: pockets hold hats,
 * hats hold blocks, a block is headed by an argument the other side will
 * make, and holds our answers to it, each a tag with the cards that back
 * it. Pure, built from the live graph by walking the debate brief's outline
 * (lib/domain/brief.ts), so both read the map the same way.
 *
 * - "Our case": a hat per main claim of ours, a block per reason for it
 *   (what supports it), tagged with the reason's own quote and what
 *   supports the reason in turn.
 * - "Answers to their objections": a hat per node of ours the other side
 *   attacks or undercuts, a block per such attack, tagged with our answers
 *   (our nodes attacking or undercutting it).
 * - "Against their case": a hat per main claim of theirs, a block for the
 *   claim and for each of its own supports, tagged with our answers. A block
 *   no answer reaches yet is kept, empty: it is work still to do.
 */

type BlockTag = {
  /** Our answer (or, in our case, our support). */
  node: GraphNode;
  /** How it bears on the block's argument. */
  relation: Relation;
  /** The evidence behind it: itself when it is evidence, then the evidence supporting it. */
  cards: GraphNode[];
};
type Block = { node: GraphNode; tags: BlockTag[] };
type BlockHat = { node: GraphNode; blocks: Block[] };
type PocketKind = 'our-case' | 'answers' | 'their-case';
export type BlockPocket = { kind: PocketKind; title: string; hats: BlockHat[] };

const POCKET_TITLES: Record<PocketKind, string> = {
  'our-case': 'Our case',
  answers: 'Answers to their objections',
  'their-case': 'Against their case',
};

/** The side whose arguments ours answer: FOR and AGAINST face each other; NEUTRAL faces both. */
function opponentsOf(side: Side): Side[] {
  return side === 'FOR' ? ['AGAINST'] : side === 'AGAINST' ? ['FOR'] : ['FOR', 'AGAINST'];
}

/** What answers a node: an attack, an undercut, or a contradiction (which attacks both ways). */
const isAttack = (relation: Relation | null) =>
  relation === 'ATTACKS' || relation === 'UNDERCUTS' || relation === 'CONTRADICTS';

export function buildBlocks(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  side: Side,
): BlockPocket[] {
  const brief = buildBrief(nodes, edges);
  const theirs = new Set(opponentsOf(side));
  const ours = (n: GraphNode) => n.side === side;
  const opposing = (n: GraphNode) => theirs.has(n.side);

  // Every place a node shows in the outline, with its parent: the brief nests each node under all it bears on.
  type Place = { item: BriefItem; parent: BriefItem | null };
  const places: Place[] = [];
  const walk = (items: BriefItem[], parent: BriefItem | null) =>
    items.forEach((item) => (places.push({ item, parent }), walk(item.children, item)));
  walk(
    brief.flatMap((s) => s.claims),
    null,
  );
  // A node's fullest place: the outline stops at a depth, so a node can show without its children.
  const fullest = new Map<string, BriefItem>();
  for (const { item } of places) {
    const known = fullest.get(item.node.id);
    if (!known || item.children.length > known.children.length) fullest.set(item.node.id, item);
  }

  const cardsOf = (item: BriefItem): GraphNode[] => [
    ...(item.node.kind === 'EVIDENCE' ? [item.node] : []),
    ...(fullest.get(item.node.id) ?? item).children
      .filter((c) => c.relation === 'SUPPORTS' && c.node.kind === 'EVIDENCE' && !opposing(c.node))
      .map((c) => c.node),
  ];
  const tagsOf = (node: GraphNode, keep: (c: BriefItem) => boolean): BlockTag[] => {
    const seen = new Set<string>();
    return (fullest.get(node.id)?.children ?? [])
      .filter((c) => keep(c) && !seen.has(c.node.id) && seen.add(c.node.id))
      .map((c) => ({ node: c.node, relation: c.relation!, cards: cardsOf(c) }));
  };
  const answersTo = (node: GraphNode) => tagsOf(node, (c) => isAttack(c.relation) && ours(c.node));

  const mainOf = (s: Side[]) =>
    brief.filter((b) => s.includes(b.side)).flatMap((b) => b.claims.map((c) => c.node));

  // Our case: a block per reason for the claim, tagged with the reason's own quote and what supports it.
  const supportsOf = (node: GraphNode) =>
    tagsOf(node, (c) => c.relation === 'SUPPORTS' && ours(c.node));
  const ourCase: BlockHat[] = mainOf([side]).map((claim) => {
    const reasons = supportsOf(claim);
    return {
      node: claim,
      blocks:
        reasons.length === 0
          ? [{ node: claim, tags: [] }]
          : reasons.map((reason) => ({
              node: reason.node,
              tags: [
                ...(reason.node.anchor
                  ? [{ ...reason, cards: reason.node.kind === 'EVIDENCE' ? [reason.node] : [] }]
                  : []),
                ...supportsOf(reason.node),
              ],
            })),
    };
  });

  const answers = new Map<string, BlockHat>();
  for (const { item, parent } of places) {
    if (!parent || !isAttack(item.relation) || !opposing(item.node) || !ours(parent.node)) continue;
    const hat: BlockHat = answers.get(parent.node.id) ?? { node: parent.node, blocks: [] };
    answers.set(parent.node.id, hat);
    if (!hat.blocks.some((b) => b.node.id === item.node.id))
      hat.blocks.push({ node: item.node, tags: answersTo(item.node) });
  }

  const theirCase: BlockHat[] = mainOf([...theirs]).map((claim) => {
    const supports = tagsOf(claim, (c) => c.relation === 'SUPPORTS' && opposing(c.node));
    return {
      node: claim,
      blocks: [claim, ...supports.map((t) => t.node)].map((node) => ({
        node,
        tags: answersTo(node),
      })),
    };
  });

  const pockets: [PocketKind, BlockHat[]][] = [
    ['our-case', ourCase],
    ['answers', [...answers.values()]],
    ['their-case', theirCase],
  ];
  return pockets
    .filter(([, hats]) => hats.length > 0)
    .map(([kind, hats]) => ({ kind, title: POCKET_TITLES[kind], hats }));
}
