import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReasoningEdge, ReasoningGraph } from '@/lib/domain/reasoning/arguments';
import {
  groundedLabelling,
  weightedLabelling,
  type Status,
} from '@/lib/domain/reasoning/semantics';
import type { Relation } from '@/lib/domain/types';

/** A map from a list of `from relation to` lines, groups as `from SUPPORTS to @group`. */
function graphOf(nodes: string, ...lines: string[]): ReasoningGraph {
  return {
    nodes: nodes.split(' ').map((id) => ({ id })),
    edges: lines.map((line, i) => {
      const [fromId, relation, toId, group] = line.split(' ');
      return {
        id: `e${i}`,
        fromId: fromId!,
        toId: toId!,
        relation: relation as Relation,
        groupId: group ? group.slice(1) : null,
      };
    }),
  };
}

const labels = (m: ReadonlyMap<string, Status>) => Object.fromEntries(m);

/** Random maps of up to `max` nodes, every relation, some linked groups, no self-loops or repeats. */
const randomGraph = (max: number) =>
  fc
    .integer({ min: 1, max })
    .chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(
          fc.record({
            from: fc.nat({ max: n - 1 }),
            to: fc.nat({ max: n - 1 }),
            relation: fc.constantFrom<Relation>(
              'ATTACKS',
              'ATTACKS',
              'SUPPORTS',
              'UNDERCUTS',
              'REPHRASES',
              'CONTRADICTS',
            ),
            group: fc.option(fc.constantFrom('g1', 'g2'), { nil: null }),
          }),
          { maxLength: n * 3 },
        ),
      ),
    )
    .map(([n, raw]): ReasoningGraph => {
      const seen = new Set<string>();
      const edges: ReasoningEdge[] = [];
      for (const r of raw) {
        // A contradiction has no direction: a >< b and b >< a are one.
        const [a, b] =
          r.relation === 'CONTRADICTS'
            ? [Math.min(r.from, r.to), Math.max(r.from, r.to)]
            : [r.from, r.to];
        const key = `${a}|${b}|${r.relation}`;
        if (r.from === r.to || seen.has(key)) continue;
        seen.add(key);
        edges.push({
          id: `e${edges.length}`,
          fromId: `n${r.from}`,
          toId: `n${r.to}`,
          relation: r.relation,
          groupId: r.relation === 'SUPPORTS' ? r.group : null,
        });
      }
      return { nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}` })), edges };
    });

const attackersOf = (
  graph: ReasoningGraph,
  id: string,
  defeats = (_a: string, _b: string) => true,
) =>
  graph.edges
    .flatMap((e) =>
      e.relation === 'ATTACKS'
        ? [[e.fromId, e.toId] as const]
        : e.relation === 'CONTRADICTS'
          ? [[e.fromId, e.toId] as const, [e.toId, e.fromId] as const]
          : [],
    )
    .filter(([from, to]) => to === id && defeats(from, to))
    .map(([from]) => from);

/**
 * The grounded labelling by brute force: of all complete labellings (IN
 * exactly when every attacker is OUT, OUT exactly when some attacker is
 * IN), the one whose IN set is contained in every other's.
 */
function bruteForceGrounded(graph: ReasoningGraph, defeats?: (a: string, b: string) => boolean) {
  const ids = graph.nodes.map((n) => n.id);
  const attackers = new Map(ids.map((id) => [id, attackersOf(graph, id, defeats)]));
  const complete: Map<string, Status>[] = [];
  const statuses: Status[] = ['IN', 'OUT', 'UNDECIDED'];
  for (let code = 0; code < 3 ** ids.length; code++) {
    const lab = new Map(ids.map((id, i) => [id, statuses[Math.floor(code / 3 ** i) % 3]!]));
    const ok = ids.every((id) => {
      const att = attackers.get(id)!.map((a) => lab.get(a));
      const isIn = att.every((s) => s === 'OUT');
      const isOut = att.some((s) => s === 'IN');
      return (lab.get(id) === 'IN') === isIn && (lab.get(id) === 'OUT') === isOut;
    });
    if (ok) complete.push(lab);
  }
  const inSet = (lab: Map<string, Status>) => ids.filter((id) => lab.get(id) === 'IN');
  const least = complete.filter((c) =>
    complete.every((other) => inSet(c).every((id) => other.get(id) === 'IN')),
  );
  expect(least).toHaveLength(1);
  return least[0]!;
}

/** What an inference's label must be, from its parts' labels (the documented rule). */
function expectedInference(
  graph: ReasoningGraph,
  nodes: ReadonlyMap<string, Status>,
  key: string,
): Status {
  const supports = graph.edges.filter(
    (e) =>
      e.relation === 'SUPPORTS' && (e.groupId ? `g:${e.toId}:${e.groupId}` : `e:${e.id}`) === key,
  );
  const premises = supports.map((e) => e.fromId);
  const conclusion = supports[0]!.toId;
  const undercutters = graph.edges
    .filter((e) => e.relation === 'UNDERCUTS' && premises.includes(e.toId))
    .map((e) => e.fromId);
  const parts = [...premises, conclusion].map((id) => nodes.get(id));
  const cutters = undercutters.map((id) => nodes.get(id));
  if (parts.some((s) => s === 'OUT') || cutters.some((s) => s === 'IN')) return 'OUT';
  if (parts.every((s) => s === 'IN') && cutters.every((s) => s === 'OUT')) return 'IN';
  return 'UNDECIDED';
}

describe('what stands (grounded semantics)', () => {
  it('reinstates a claim whose attacker is defeated', () => {
    const graph = graphOf('a b c', 'b ATTACKS a', 'c ATTACKS b');
    expect(labels(groundedLabelling(graph).nodes)).toEqual({ a: 'IN', b: 'OUT', c: 'IN' });
  });

  it('leaves an odd cycle, and what only it attacks, undecided', () => {
    const graph = graphOf('a b c d', 'a ATTACKS b', 'b ATTACKS c', 'c ATTACKS a', 'a ATTACKS d');
    expect(labels(groundedLabelling(graph).nodes)).toEqual({
      a: 'UNDECIDED',
      b: 'UNDECIDED',
      c: 'UNDECIDED',
      d: 'UNDECIDED',
    });
  });

  it('an undercut that stands makes the support not count, without defeating either end', () => {
    const graph = graphOf('c p u', 'p SUPPORTS c', 'u UNDERCUTS p');
    const result = groundedLabelling(graph);
    expect(labels(result.nodes)).toEqual({ c: 'IN', p: 'IN', u: 'IN' });
    expect(labels(result.inferences)).toEqual({ 'e:e0': 'OUT' });
    // Answer the undercutter, and the support counts again.
    const answered = graphOf('c p u r', 'p SUPPORTS c', 'u UNDERCUTS p', 'r ATTACKS u');
    expect(labels(groundedLabelling(answered).inferences)).toEqual({ 'e:e0': 'IN' });
  });

  it('undercuts every inference the premise takes part in, a linked group as one', () => {
    const graph = graphOf(
      'c d p q u',
      'p SUPPORTS c @g',
      'q SUPPORTS c @g',
      'p SUPPORTS d',
      'u UNDERCUTS q',
    );
    expect(labels(groundedLabelling(graph).inferences)).toEqual({ 'g:c:g': 'OUT', 'e:e2': 'IN' });
  });

  it('an undercut of a node that supports nothing changes nothing', () => {
    const graph = graphOf('a u', 'u UNDERCUTS a');
    expect(labels(groundedLabelling(graph).nodes)).toEqual({ a: 'IN', u: 'IN' });
  });

  it('a defeated premise or conclusion takes its support down too', () => {
    const graph = graphOf('c p o', 'p SUPPORTS c', 'o ATTACKS p');
    const result = groundedLabelling(graph);
    expect(labels(result.nodes)).toEqual({ c: 'IN', p: 'OUT', o: 'IN' });
    expect(labels(result.inferences)).toEqual({ 'e:e0': 'OUT' });
  });

  it('on any map: conflict-free, OUT only with an IN attacker, IN only with every attacker OUT', () => {
    fc.assert(
      fc.property(randomGraph(9), (graph) => {
        const { nodes, inferences } = groundedLabelling(graph);
        expect([...nodes.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
        for (const { id } of graph.nodes) {
          const attackers = attackersOf(graph, id).map((a) => nodes.get(a));
          if (nodes.get(id) === 'IN') expect(attackers.every((s) => s === 'OUT')).toBe(true);
          if (nodes.get(id) === 'OUT') expect(attackers).toContain('IN');
          if (attackers.length === 0) expect(nodes.get(id)).toBe('IN');
        }
        for (const [key, status] of inferences)
          expect(status, key).toBe(expectedInference(graph, nodes, key));
      }),
      { numRuns: 500 },
    );
  });

  it('is the least fixed point: the same as a brute-force search on small maps', () => {
    fc.assert(
      fc.property(randomGraph(6), (graph) => {
        expect(labels(groundedLabelling(graph).nodes)).toEqual(labels(bruteForceGrounded(graph)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every odd cycle undecided, whatever hangs below it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).map((k) => 2 * k + 1),
        randomGraph(5),
        (k, below) => {
          const cycle: ReasoningEdge[] = Array.from({ length: k }, (_, i) => ({
            id: `c${i}`,
            fromId: `k${i}`,
            toId: `k${(i + 1) % k}`,
            relation: 'ATTACKS',
            groupId: null,
          }));
          // The cycle reaches into the rest; nothing reaches back.
          const down: ReasoningEdge[] = below.nodes.map((n, i) => ({
            id: `d${i}`,
            fromId: `k${i % k}`,
            toId: n.id,
            relation: (['ATTACKS', 'SUPPORTS', 'UNDERCUTS'] as const)[i % 3]!,
            groupId: null,
          }));
          const graph = {
            nodes: [...Array.from({ length: k }, (_, i) => ({ id: `k${i}` })), ...below.nodes],
            edges: [...cycle, ...down, ...below.edges],
          };
          const { nodes } = groundedLabelling(graph);
          for (let i = 0; i < k; i++) expect(nodes.get(`k${i}`)).toBe('UNDECIDED');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a contradiction alone leaves both statements undecided; defeat one and the other stands', () => {
    expect(labels(groundedLabelling(graphOf('a b', 'a CONTRADICTS b')).nodes)).toEqual({
      a: 'UNDECIDED',
      b: 'UNDECIDED',
    });
    const settled = graphOf('a b c', 'a CONTRADICTS b', 'c ATTACKS a');
    expect(labels(groundedLabelling(settled).nodes)).toEqual({ a: 'OUT', b: 'IN', c: 'IN' });
    // Its stored direction means nothing: the same the other way round.
    const reversed = graphOf('a b c', 'b CONTRADICTS a', 'c ATTACKS a');
    expect(labels(groundedLabelling(reversed).nodes)).toEqual({ a: 'OUT', b: 'IN', c: 'IN' });
  });

  it('on any map: a contradiction is a mutual attack, whichever way it is stored', () => {
    const contradictions = (graph: ReasoningGraph) =>
      graph.edges.filter((e) => e.relation === 'CONTRADICTS');
    fc.assert(
      fc.property(randomGraph(8), fc.context(), (graph, ctx) => {
        const result = groundedLabelling(graph);
        // As two attacks, one each way.
        const mutual: ReasoningGraph = {
          nodes: graph.nodes,
          edges: graph.edges.flatMap((e): ReasoningEdge[] =>
            e.relation === 'CONTRADICTS'
              ? [
                  { ...e, id: `${e.id}>`, relation: 'ATTACKS' },
                  { ...e, id: `${e.id}<`, fromId: e.toId, toId: e.fromId, relation: 'ATTACKS' },
                ]
              : [e],
          ),
        };
        const asAttacks = groundedLabelling(mutual);
        expect(labels(result.nodes)).toEqual(labels(asAttacks.nodes));
        expect(labels(result.inferences)).toEqual(labels(asAttacks.inferences));
        // Every contradiction turned round.
        const flipped: ReasoningGraph = {
          nodes: graph.nodes,
          edges: graph.edges.map((e) =>
            e.relation === 'CONTRADICTS' ? { ...e, fromId: e.toId, toId: e.fromId } : e,
          ),
        };
        expect(labels(groundedLabelling(flipped).nodes)).toEqual(labels(result.nodes));
        // Both ends never stand together, and an end is IN only if the other is OUT.
        for (const e of contradictions(graph)) {
          ctx.log(`${e.fromId} >< ${e.toId}`);
          const [a, b] = [result.nodes.get(e.fromId), result.nodes.get(e.toId)];
          if (a === 'IN') expect(b).toBe('OUT');
          if (b === 'IN') expect(a).toBe('OUT');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('two statements that only contradict each other are both undecided, however they are joined', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 0, max: 3 }), (flip, supporters) => {
        // a >< b, with some unattacked supporters of a (support does not defend).
        const lines = [flip ? 'b CONTRADICTS a' : 'a CONTRADICTS b'];
        const ids = ['a', 'b'];
        for (let i = 0; i < supporters; i++) {
          ids.push(`s${i}`);
          lines.push(`s${i} SUPPORTS a`);
        }
        const { nodes } = groundedLabelling(graphOf(ids.join(' '), ...lines));
        expect(nodes.get('a')).toBe('UNDECIDED');
        expect(nodes.get('b')).toBe('UNDECIDED');
      }),
    );
  });

  it('ignores edges to nodes that are not on the map', () => {
    const graph = graphOf('a', 'gone ATTACKS a', 'a SUPPORTS gone');
    expect(labels(groundedLabelling(graph).nodes)).toEqual({ a: 'IN' });
    expect(groundedLabelling(graph).inferences.size).toBe(0);
  });
});

describe('what stands for a team (weighted by its ratings)', () => {
  const weightsOf = (entries: Record<string, number>) => new Map(Object.entries(entries));

  it('a weaker attack does not defeat; an equal or stronger one does', () => {
    const graph = graphOf('c o', 'o ATTACKS c');
    expect(labels(weightedLabelling(graph, weightsOf({ c: 3, o: 1 })).nodes)).toEqual({
      c: 'IN',
      o: 'IN',
    });
    expect(labels(weightedLabelling(graph, weightsOf({ c: 3, o: 3 })).nodes)).toEqual({
      c: 'OUT',
      o: 'IN',
    });
    // Unrated: no preference, so the attack succeeds.
    expect(labels(weightedLabelling(graph, weightsOf({ c: 3 })).nodes).c).toBe('OUT');
  });

  it('an undercut succeeds whatever the weights', () => {
    const graph = graphOf('c p u', 'p SUPPORTS c', 'u UNDERCUTS p');
    const result = weightedLabelling(graph, weightsOf({ c: 4, p: 4, u: 0 }));
    expect(labels(result.inferences)).toEqual({ 'e:e0': 'OUT' });
  });

  const randomWeights = (graph: ReasoningGraph) =>
    fc.array(
      fc.option(
        fc.integer({ min: 0, max: 16 }).map((n) => n / 4),
        { nil: undefined },
      ),
      {
        minLength: graph.nodes.length,
        maxLength: graph.nodes.length,
      },
    );

  it('with equal weights, or none, it is the grounded labelling', () => {
    fc.assert(
      fc.property(randomGraph(9), fc.integer({ min: 0, max: 4 }), (graph, w) => {
        const plain = groundedLabelling(graph);
        const equal = weightedLabelling(graph, new Map(graph.nodes.map((n) => [n.id, w])));
        const none = weightedLabelling(graph, new Map());
        for (const result of [equal, none]) {
          expect(labels(result.nodes)).toEqual(labels(plain.nodes));
          expect(labels(result.inferences)).toEqual(labels(plain.inferences));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is the grounded labelling of the attacks that succeed (brute force on small maps)', () => {
    fc.assert(
      fc.property(
        randomGraph(6).chain((g) => fc.tuple(fc.constant(g), randomWeights(g))),
        ([graph, list]) => {
          const weights = new Map<string, number>();
          list.forEach((w, i) => w !== undefined && weights.set(`n${i}`, w));
          const defeats = (a: string, b: string) =>
            !(weights.has(a) && weights.has(b) && weights.get(a)! < weights.get(b)!);
          const { nodes, inferences } = weightedLabelling(graph, weights);
          expect(labels(nodes)).toEqual(labels(bruteForceGrounded(graph, defeats)));
          for (const [key, status] of inferences)
            expect(status, key).toBe(expectedInference(graph, nodes, key));
          for (const { id } of graph.nodes) {
            const attackers = attackersOf(graph, id);
            const allWeaker = attackers.every(
              (a) => weights.has(a) && weights.has(id) && weights.get(a)! < weights.get(id)!,
            );
            if (allWeaker) expect(nodes.get(id)).toBe('IN');
            const defeaters = attackersOf(graph, id, defeats).map((a) => nodes.get(a));
            if (nodes.get(id) === 'IN') expect(defeaters.every((s) => s === 'OUT')).toBe(true);
            if (nodes.get(id) === 'OUT') expect(defeaters).toContain('IN');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
