import { describe, expect, it } from 'vitest';
import { crossExamination } from '@/lib/domain/reasoning/prep';
import type { GraphEdge, Side } from '@/lib/domain/types';

const n = (id: string, side: Side) => ({ id, side });
const support = (id: string, fromId: string, toId: string, scheme: string | null) => ({
  id,
  fromId,
  toId,
  relation: 'SUPPORTS' as const,
  groupId: null,
  scheme,
  answers: null,
});

const nodes = [
  n('motion', 'NEUTRAL'),
  n('pro', 'FOR'),
  n('con', 'AGAINST'),
  n('pro2', 'FOR'),
  n('obj', 'AGAINST'),
];
const edges: Pick<
  GraphEdge,
  'id' | 'fromId' | 'toId' | 'relation' | 'groupId' | 'scheme' | 'answers'
>[] = [
  support('s-pro', 'pro', 'motion', 'expert-opinion'),
  support('s-con', 'con', 'motion', 'expert-opinion'),
  // Not tagged: no prompts.
  support('s-pro2', 'pro2', 'motion', null),
];

describe("a team's cross-examination prompts", () => {
  it("lists only the other side's tagged arguments, with their open questions", () => {
    const against = crossExamination({ nodes, edges }, 'AGAINST');
    expect(against.map((a) => a.argument.key)).toEqual(['e:s-pro']);
    expect(against[0]!.scheme.name).toBe('Argument from expert opinion');
    expect(against[0]!.open.map((q) => q.id)).toContain('credible');
    expect(crossExamination({ nodes, edges }, 'FOR').map((a) => a.argument.key)).toEqual([
      'e:s-con',
    ]);
    expect(crossExamination({ nodes, edges }, 'NEUTRAL')).toHaveLength(2);
  });

  it('drops a question once an objection answers it', () => {
    const answered = [
      ...edges,
      {
        id: 'a',
        fromId: 'obj',
        toId: 'pro',
        relation: 'ATTACKS' as const,
        groupId: null,
        scheme: null,
        answers: { argument: 'e:s-pro', scheme: 'expert-opinion', question: 'credible' },
      },
    ];
    const [prompts] = crossExamination({ nodes, edges: answered }, 'AGAINST');
    expect(prompts!.open.map((q) => q.id)).not.toContain('credible');
    expect(prompts!.open.length).toBeGreaterThan(0);
  });
});
