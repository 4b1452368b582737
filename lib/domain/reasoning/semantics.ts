import { argumentsByPremise, argumentsOf, liveEdges, type ReasoningGraph } from './arguments';

/**
 * What stands: Dung's grounded semantics over a map, as labels.
 *
 * The framework. Every node is an argument, and so is every inference (the
 * step of a support, or of a linked group's premises, to its conclusion;
 * arguments.ts). Attacks:
 * - ATTACKS X → Y: X attacks the node Y, and every inference that has Y as a
 *   premise or as its conclusion (as in ASPIC+, an argument is attacked
 *   through any of its parts: undermining a premise or rebutting the
 *   conclusion defeats the step too);
 * - UNDERCUTS X → Y: X attacks the inference of every argument Y is a premise
 *   of, and not Y itself (what UNDERCUTS means in this codebase);
 * - CONTRADICTS X >< Y: two statements that cannot both be true attack
 *   each other, as two ATTACKS X → Y and Y → X would (a mutual attack: with
 *   nothing else around, both are UNDECIDED; weighted, the lighter side
 *   loses);
 * - SUPPORTS and REPHRASES attack nothing.
 * Inferences attack nothing, so an undercut changes no node's label: a node
 * stands unless something that stands attacks it, whether or not its reasons
 * still count. An undercutter that is IN makes the undercut support OUT,
 * which is how "this reason no longer counts" shows (and a support is IN
 * exactly when its premises and conclusion are IN and every undercutter is
 * OUT).
 *
 * Labels (the grounded labelling, the least fixed point): a node is IN when
 * every attacker is OUT (so an unattacked node is IN), OUT when an attacker
 * is IN, and UNDECIDED otherwise (an odd cycle of attacks, and what only it
 * reaches). Computed in time linear in the map's size.
 *
 * The weighted variant (one team's view) is preference-based, in the style
 * of ASPIC+ (Modgil & Prakken), and deliberately the simple weighted one,
 * not preferred extensions: one unique labelling, linear to compute and
 * readable by a class, where preferred extensions may be many and costly
 * to enumerate. An attack succeeds as a defeat unless the
 * attacker weighs strictly less than what it attacks. Weights are a team's
 * mean impact ratings (0–4, votes.ts: `meanImpacts` of the team's tallies);
 * a node nobody rated has no weight and is not compared, so an attack from
 * or on it always succeeds. An attack on an inference through its premise
 * or conclusion succeeds as the attack on that node does; an undercut always
 * succeeds (ASPIC+: undercutting is preference-independent). With every
 * weight equal, or none, it is the grounded labelling above.
 */

export type Status = 'IN' | 'OUT' | 'UNDECIDED';

export type Labelling = {
  /** Every node of the map. */
  nodes: Map<string, Status>;
  /** Every argument's inference, by argument key (arguments.ts). */
  inferences: Map<string, Status>;
};

/** What stands on the map. */
export function groundedLabelling(graph: ReasoningGraph): Labelling {
  return label(graph, () => true);
}

/**
 * What stands for one team: an attack on a node defeats it only when the
 * attacker weighs at least as much (`weights`: node id → mean impact; the
 * map's "Weigh by my team's ratings", weighing.ts).
 */
export function weightedLabelling(
  graph: ReasoningGraph,
  weights: ReadonlyMap<string, number>,
): Labelling {
  return label(graph, (from, to) => {
    const [a, b] = [weights.get(from), weights.get(to)];
    return a === undefined || b === undefined || a >= b;
  });
}

function label(
  graph: ReasoningGraph,
  defeats: (attacker: string, target: string) => boolean,
): Labelling {
  const args = argumentsOf(graph);
  const byPremise = argumentsByPremise(args);
  const byConclusion = new Map<string, string[]>();
  for (const a of args)
    byConclusion.set(a.conclusion, [...(byConclusion.get(a.conclusion) ?? []), a.key]);

  const targets = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    let set = targets.get(from);
    if (!set) targets.set(from, (set = new Set()));
    set.add(to);
  };
  /** `from` attacks the node `to` and every inference through it. */
  const attack = (from: string, to: string) => {
    if (!defeats(from, to)) return;
    add(from, to);
    const through = [
      ...(byPremise.get(to) ?? []).map((a) => a.key),
      ...(byConclusion.get(to) ?? []),
    ];
    for (const key of through) add(from, key);
  };
  for (const e of liveEdges(graph)) {
    if (e.relation === 'UNDERCUTS')
      for (const a of byPremise.get(e.toId) ?? []) add(e.fromId, a.key);
    if (e.relation === 'ATTACKS' || e.relation === 'CONTRADICTS') attack(e.fromId, e.toId);
    if (e.relation === 'CONTRADICTS') attack(e.toId, e.fromId);
  }

  const all = grounded([...graph.nodes.map((n) => n.id), ...args.map((a) => a.key)], targets);
  return {
    nodes: new Map(graph.nodes.map((n) => [n.id, all.get(n.id)!])),
    inferences: new Map(args.map((a) => [a.key, all.get(a.key)!])),
  };
}

/**
 * The grounded labelling of a Dung framework (`targets`: attacker → what it
 * attacks): IN what has no attacker left that is not OUT, OUT what an IN
 * argument attacks, repeated until nothing changes; the rest UNDECIDED.
 */
function grounded(ids: readonly string[], targets: ReadonlyMap<string, ReadonlySet<string>>) {
  const status = new Map<string, Status>(ids.map((id) => [id, 'UNDECIDED']));
  /** Per argument, how many of its attackers are not yet OUT. */
  const live = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const [from, set] of targets) {
    if (!status.has(from)) continue;
    for (const to of set) if (live.has(to)) live.set(to, live.get(to)! + 1);
  }
  const queue = ids.filter((id) => live.get(id) === 0);
  for (const id of queue) status.set(id, 'IN');
  while (queue.length > 0) {
    const inId = queue.pop()!;
    for (const outId of targets.get(inId) ?? []) {
      if (status.get(outId) !== 'UNDECIDED') continue;
      status.set(outId, 'OUT');
      for (const next of targets.get(outId) ?? []) {
        const left = live.get(next)! - 1;
        live.set(next, left);
        if (left === 0 && status.get(next) === 'UNDECIDED') {
          status.set(next, 'IN');
          queue.push(next);
        }
      }
    }
  }
  return status;
}
