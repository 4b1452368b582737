import { describe, expect, it } from 'vitest';
import { storedSuggestion, suggestionShape, withText } from '@/lib/domain/moderation/suggestions';
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

  it('reads a new kind, a connection between two cards, and deleting a card', () => {
    expect(
      suggestionShape([op({ type: 'updateNode', id: 'p1', kind: 'REBUTTAL', baseVersion: 3 })]),
    ).toEqual({ kind: 'rekind', nodeId: 'p1', parentId: null, nodeKind: 'REBUTTAL' });
    expect(
      suggestionShape([
        op({ type: 'createEdge', id: 'e2', fromId: 'a', toId: 'b', relation: 'SUPPORTS' }),
      ]),
    ).toEqual({ kind: 'connect', nodeId: 'a', parentId: 'b', relation: 'SUPPORTS' });
    expect(
      suggestionShape([
        op({ type: 'createEdge', id: 'e3', fromId: 'a', toId: 'b', relation: 'CONTRADICTS' }),
      ]),
    ).toMatchObject({ kind: 'connect', relation: 'CONTRADICTS' });
    expect(suggestionShape([op({ type: 'deleteNode', id: 'p1' })])).toEqual({
      kind: 'delete',
      nodeId: 'p1',
      parentId: null,
    });
  });

  it('refuses anything else with words', () => {
    const edge = op({ type: 'createEdge', id: 'e2', fromId: 'a', toId: 'b', relation: 'SUPPORTS' });
    const refusals = [
      // An edit of the text and the kind at once, or of the side, tags, section, marks.
      [op({ type: 'updateNode', id: 'p1', text: 'x', kind: 'CLAIM', baseVersion: 1 })],
      [op({ type: 'updateNode', id: 'p1', kind: 'CLAIM', side: 'FOR', baseVersion: 1 })],
      [op({ type: 'updateNode', id: 'p1', side: 'FOR', baseVersion: 1 })],
      [op({ type: 'updateNode', id: 'p1', text: 'x', side: 'FOR', baseVersion: 1 })],
      [op({ type: 'updateNode', id: 'p1', text: 'x', tags: ['pro'], baseVersion: 1 })],
      [op({ type: 'updateNode', id: 'p1', kind: 'CLAIM', tags: ['pro'], baseVersion: 1 })],
      [op({ type: 'updateNode', id: 'p1', section: 's1', expect: { section: null } })],
      [op({ ...card, tags: ['pro'] })],
      [card, op({ ...link, fromId: 'other' })],
      [card, op({ ...link, groupId: 'g1' })],
      [
        op({
          ...card,
          kind: 'EVIDENCE',
          anchor: { sourceId: 's', exact: 'a', prefix: '', suffix: '', start: 0, end: 1 },
        }),
      ],
      // Two changes in one suggestion.
      [op({ type: 'deleteNode', id: 'p1' }), op({ type: 'deleteNode', id: 'p2' })],
      [edge, op({ type: 'deleteNode', id: 'p1' })],
      [op({ type: 'updateNode', id: 'p1', kind: 'CLAIM', baseVersion: 1 }), edge],
      [op({ type: 'deleteNode', id: 'p1' }), card],
      // A connection that is more than a connection, and other ops.
      [op({ ...edge, groupId: 'g1' })],
      [op({ ...edge, scheme: 'expert-opinion' })],
      [op({ type: 'deleteEdge', id: 'e1' })],
      [op({ type: 'updateEdge', id: 'e1', relation: 'ATTACKS', baseVersion: 1 })],
      [op({ type: 'restoreNode', id: 'p1', edgeIds: [] })],
      [op({ type: 'createSection', id: 's1', title: 'Costs' })],
    ].map((ops) => suggestionShape(ops));
    for (const refusal of refusals) expect(typeof refusal).toBe('string');
  });

  it('puts the moderator’s words in place of the writer’s, touching nothing else', () => {
    expect(withText([card, link], 'Not so')).toEqual([{ ...card, text: 'Not so' }, link]);
  });
});

describe('a stored suggestion, read by today’s rules', () => {
  it('gives what it proposes and its ops as parsed, for a suggestion that still passes', () => {
    // As stored: the ops as the server parsed them when it was made.
    const stored = JSON.parse(JSON.stringify([card, link])) as unknown;
    expect(storedSuggestion(stored)).toEqual({
      readable: true,
      shape: { kind: 'new', nodeId: 'n1', parentId: 'p1', text: 'No' },
      ops: [card, link],
    });
  });

  it('says why, never throwing, for ops a rule tightened since refuses or that do not read at all', () => {
    expect(storedSuggestion([{ ...card, tags: ['pro'] }])).toEqual({
      readable: false,
      reason: 'A suggested card cannot have tags: a moderator adds them.',
    });
    const unreadable = [
      null,
      'createNode',
      {},
      [],
      [card, link, link],
      [{ type: 'renameCard', id: 'p1' }],
      [{ ...card, text: '' }],
      [{ ...card, text: 'x'.repeat(5001) }],
    ];
    for (const raw of unreadable)
      expect(storedSuggestion(raw)).toEqual({
        readable: false,
        reason: expect.stringMatching(/cannot read/),
      });
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
