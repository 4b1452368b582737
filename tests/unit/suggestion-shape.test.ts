import { describe, expect, it } from 'vitest';
import { suggestionShape, withText } from '@/lib/domain/moderation/suggestions';
import { ZOp, type TOp } from '@/lib/domain/ops';
import { heldForApproval } from '@/lib/server/authz';

const op = (raw: unknown): TOp => ZOp.parse(raw);
const card = op({ type: 'createNode', id: 'n1', kind: 'OBJECTION', text: 'No', x: 0, y: 0 });
const link = op({ type: 'createEdge', id: 'e1', fromId: 'n1', toId: 'p1', relation: 'ATTACKS' });

describe('what a suggestion may hold', () => {
  it('reads a new card, its parent, and a text edit', () => {
    expect(suggestionShape([card, link])).toEqual({
      kind: 'new',
      nodeId: 'n1',
      parentId: 'p1',
      text: 'No',
    });
    expect(suggestionShape([card])).toMatchObject({ kind: 'new', parentId: null });
    expect(
      suggestionShape([op({ type: 'updateNode', id: 'p1', text: 'Yes', baseVersion: 2 })]),
    ).toEqual({ kind: 'edit', nodeId: 'p1', parentId: null, text: 'Yes' });
  });

  it('refuses anything else with words', () => {
    const refusals = [
      [op({ type: 'updateNode', id: 'p1', kind: 'CLAIM', baseVersion: 1 })],
      [op({ type: 'updateNode', id: 'p1', text: 'x', side: 'FOR', baseVersion: 1 })],
      [op({ type: 'updateNode', id: 'p1', text: 'x', tags: ['pro'], baseVersion: 1 })],
      [op({ ...card, tags: ['pro'] })],
      [op({ type: 'deleteNode', id: 'p1' })],
      [card, op({ ...link, fromId: 'other' })],
      [card, op({ ...link, groupId: 'g1' })],
      [
        op({
          ...card,
          kind: 'EVIDENCE',
          anchor: { sourceId: 's', exact: 'a', prefix: '', suffix: '', start: 0, end: 1 },
        }),
      ],
    ].map((ops) => suggestionShape(ops));
    for (const refusal of refusals) expect(typeof refusal).toBe('string');
  });

  it('puts the moderator’s words in place of the writer’s, touching nothing else', () => {
    expect(withText([card, link], 'Not so')).toEqual([{ ...card, text: 'Not so' }, link]);
  });
});

describe('heldForApproval', () => {
  const student = { requireApproval: true, manager: false, moderator: false };
  it('holds content from non-moderators only while approval is on, and never a move', () => {
    expect(heldForApproval(student, ['createNode', 'createEdge'])).toBe(true);
    expect(heldForApproval(student, ['moveNodes'])).toBe(false);
    expect(heldForApproval({ ...student, moderator: true }, ['deleteNode'])).toBe(false);
    expect(heldForApproval({ ...student, requireApproval: false }, ['deleteNode'])).toBe(false);
  });
});
