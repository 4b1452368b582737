import { describe, expect, it } from 'vitest';
import { invertSocialOp, ZSocialOp, type TSocialOpInput } from '@/lib/domain/social';

describe('undoing comments and team notes', () => {
  const note = {
    id: 'n1',
    teamId: 't',
    target: { kind: 'NODE' as const, nodeId: 'a' },
    kind: 'NOTE' as const,
    body: 'Before',
    rating: null,
    tag: null,
    assigneeId: null,
    assigneeName: null,
    authorName: 'A',
    updatedAt: '',
  };
  const view = {
    comments: [
      {
        id: 'c1',
        nodeId: 'a',
        edgeId: null,
        parentId: null,
        authorId: 'u',
        authorName: 'U',
        authorColor: '#000',
        body: 'Old text',
        mentions: ['u2'],
        createdAt: '',
        editedAt: null,
        version: 1,
        resolved: false,
        deleted: false,
      },
    ],
    layers: [
      { teamId: 't', name: 'T', color: '#000', side: 'FOR', mine: true, annotations: [note] },
    ],
  };
  const parse = (input: TSocialOpInput) => ZSocialOp.parse(input);

  it('inverts each op from what the reader saw before it', () => {
    expect(
      invertSocialOp(view, parse({ type: 'addComment', id: 'c2', nodeId: 'a', body: 'Hi' })),
    ).toEqual({ type: 'deleteComment', id: 'c2' });
    expect(
      invertSocialOp(view, parse({ type: 'editComment', id: 'c1', body: 'New', baseVersion: 1 })),
    ).toEqual({
      type: 'editComment',
      id: 'c1',
      body: 'Old text',
      mentions: ['u2'],
      baseVersion: 2,
    });
    expect(
      invertSocialOp(view, parse({ type: 'resolveThread', id: 'c1', resolved: true })),
    ).toEqual({ type: 'resolveThread', id: 'c1', resolved: false });
    expect(
      invertSocialOp(
        view,
        parse({
          type: 'upsertAnnotation',
          id: 'n2',
          teamId: 't',
          target: { kind: 'NODE', nodeId: 'a' },
          kind: 'TAG',
          tag: 'concede',
        }),
      ),
    ).toEqual({ type: 'deleteAnnotation', id: 'n2' });
    expect(
      invertSocialOp(
        view,
        parse({
          type: 'upsertAnnotation',
          id: 'n1',
          teamId: 't',
          target: { kind: 'NODE', nodeId: 'a' },
          kind: 'NOTE',
          body: 'After',
        }),
      ),
    ).toMatchObject({ type: 'upsertAnnotation', id: 'n1', body: 'Before' });
    expect(invertSocialOp(view, parse({ type: 'deleteAnnotation', id: 'n1' }))).toMatchObject({
      type: 'upsertAnnotation',
      id: 'n1',
      kind: 'NOTE',
      body: 'Before',
    });
    // A deletion is undone by bringing the comment back, and that by deleting it again (redo).
    expect(invertSocialOp(view, parse({ type: 'deleteComment', id: 'c1' }))).toEqual({
      type: 'restoreComment',
      id: 'c1',
    });
    expect(invertSocialOp(view, parse({ type: 'restoreComment', id: 'c1' }))).toEqual({
      type: 'deleteComment',
      id: 'c1',
    });
  });
});
