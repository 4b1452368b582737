import { z } from 'zod';
import { NODE_KINDS, type NodeKind, type Relation, type Side } from '../types';

/**
 * A task's quota: how many cards of a kind a student adds, whether each
 * needs evidence under it, and what it must answer. Checked by this schema
 * wherever a task is written or read back (MapTask.quota is JSON).
 */
export const QUOTA_TARGETS = ['other-side', 'own-side', 'any'] as const;
export type QuotaTarget = (typeof QUOTA_TARGETS)[number];
export const MAX_QUOTA = 50;

export const ZQuota = z.object({
  count: z.coerce
    .number({ message: 'The number of cards must be a number' })
    .int('The number of cards must be a whole number')
    .min(1, 'Ask for at least 1 card')
    .max(MAX_QUOTA, `Ask for at most ${MAX_QUOTA} cards`),
  kind: z.enum(NODE_KINDS, { message: `The kind must be one of ${NODE_KINDS.join(', ')}` }),
  withEvidence: z.boolean(),
  target: z.enum(QUOTA_TARGETS, { message: 'Say what the cards must answer' }),
});
export type Quota = z.infer<typeof ZQuota>;

/** A card as the counting needs it (live cards only; deleted ones are left out by the caller). */
export type CountedNode = {
  id: string;
  kind: NodeKind;
  side: Side;
  createdById: string | null;
  createdAt: Date;
};
export type CountedEdge = { fromId: string; toId: string; relation: Relation };

/** A student's place on the map: their team's side, if they are on a team of a side. */
export type Student = { id: string; side: Side | null };

const OPPOSITE: Partial<Record<Side, Side>> = { FOR: 'AGAINST', AGAINST: 'FOR' };

/**
 * The cards that count toward a quota for one student: cards of the quota's
 * kind the student made since the task was set (`since`: a task asks for
 * new work, so cards from before it was set, made for another lesson, do
 * not count), still on the map; answering (an edge from the card to) a card
 * of the other side or of their own when the quota says so; and, with
 * `withEvidence`, supported by at least one piece of evidence (anyone's:
 * a team finds evidence together). Which side is "theirs" is their team's;
 * a student on no team of a side has no other side, so side-bound quotas
 * count nothing for them.
 */
export function countingCards(
  graph: { nodes: readonly CountedNode[]; edges: readonly CountedEdge[] },
  quota: Quota,
  student: Student,
  since: Date,
): CountedNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const answers = new Map<string, CountedNode[]>();
  const evidenced = new Set<string>();
  for (const edge of graph.edges) {
    const from = byId.get(edge.fromId);
    const to = byId.get(edge.toId);
    if (!from || !to) continue;
    answers.set(from.id, [...(answers.get(from.id) ?? []), to]);
    if (from.kind === 'EVIDENCE' && edge.relation === 'SUPPORTS') evidenced.add(to.id);
  }
  const wanted: Side | null =
    quota.target === 'any' || !student.side
      ? null
      : quota.target === 'own-side'
        ? student.side === 'NEUTRAL'
          ? null
          : student.side
        : (OPPOSITE[student.side] ?? null);
  if (quota.target !== 'any' && !wanted) return [];
  return graph.nodes.filter(
    (n) =>
      n.createdById === student.id &&
      n.kind === quota.kind &&
      n.createdAt.getTime() >= since.getTime() &&
      (wanted === null || (answers.get(n.id) ?? []).some((t) => t.side === wanted)) &&
      (!quota.withEvidence || evidenced.has(n.id)),
  );
}

/** How far a student is with a task: done cards (at most the quota) of the quota. */
export type Progress = { done: number; of: number; complete: boolean };

export function progressOf(counted: number, quota: Quota): Progress {
  return {
    done: Math.min(counted, quota.count),
    of: quota.count,
    complete: counted >= quota.count,
  };
}

const KIND_WORDS: Record<NodeKind, [string, string]> = {
  CLAIM: ['claim', 'claims'],
  PREMISE: ['supporting reason', 'supporting reasons'],
  OBJECTION: ['objection', 'objections'],
  REBUTTAL: ['rebuttal', 'rebuttals'],
  EVIDENCE: ['piece of evidence', 'pieces of evidence'],
  QUESTION: ['question', 'questions'],
};
export const KIND_LABELS: Record<NodeKind, string> = {
  CLAIM: 'Claims',
  PREMISE: 'Supporting reasons',
  OBJECTION: 'Objections',
  REBUTTAL: 'Rebuttals',
  EVIDENCE: 'Evidence',
  QUESTION: 'Questions',
};
export const TARGET_LABELS: Record<QuotaTarget, string> = {
  'other-side': 'to the other side’s case',
  'own-side': 'to your own side’s case',
  any: 'anywhere on the map',
};

/** The quota in words: "Add 2 objections with evidence to the other side’s case". */
export function describeQuota(quota: Quota): string {
  const [one, many] = KIND_WORDS[quota.kind];
  return `Add ${quota.count} ${quota.count === 1 ? one : many}${quota.withEvidence ? ' with evidence' : ''} ${TARGET_LABELS[quota.target]}`;
}
