import type { GraphEdge, GraphNode, Side } from '../types';
import { openCriticalQuestions } from './critical-questions';
import { schemeById } from './schemes';

type PrepGraph = {
  nodes: readonly Pick<GraphNode, 'id' | 'side'>[];
  edges: readonly Pick<
    GraphEdge,
    'id' | 'fromId' | 'toId' | 'relation' | 'groupId' | 'scheme' | 'answers'
  >[];
};

const OTHER: Record<Side, Side | null> = { FOR: 'AGAINST', AGAINST: 'FOR', NEUTRAL: null };

/**
 * A team's cross-examination prompts for its prep sheet: the other side's
 * tagged arguments with their critical questions still open. An argument is
 * a side's when one of its premises is on that side; a neutral team (no
 * side) gets every tagged argument's.
 */
export function crossExamination(graph: PrepGraph, side: Side) {
  const other = OTHER[side];
  const sideOf = new Map(graph.nodes.map((n) => [n.id, n.side]));
  return openCriticalQuestions(graph)
    .filter(({ argument }) => !other || argument.premises.some((p) => sideOf.get(p) === other))
    .map(({ argument, open }) => {
      const first = graph.edges.find((e) => e.id === argument.edgeIds[0]);
      return { argument, scheme: schemeById(first!.scheme!)!, open };
    });
}
