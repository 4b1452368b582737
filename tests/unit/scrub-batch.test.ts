import { describe, expect, it } from 'vitest';
import { ERASED_TEXT, scrubBatch } from '@/lib/domain/privacy/scrub-batch';

const target = { userId: 'ada1', erasedIds: new Set(['c1', 'n1']) };

describe('scrubbing a person from a logged batch', () => {
  it('takes their id out of lists and fields, and the erased words out of their ops', () => {
    const batch = {
      kind: 'social',
      intent: 'do',
      ops: [
        { type: 'addComment', id: 'c1', nodeId: 'x', body: 'Ada’s words', mentions: ['ben2'] },
        {
          type: 'addComment',
          id: 'c2',
          nodeId: 'x',
          body: 'Ben’s words',
          mentions: ['ada1', 'cy3'],
        },
        { type: 'upsertAnnotation', id: 'n1', kind: 'NOTE', body: 'Ada’s note', assigneeId: null },
        { type: 'upsertAnnotation', id: 'n2', kind: 'ASSIGNMENT', body: '', assigneeId: 'ada1' },
      ],
      inverse: [{ type: 'editComment', id: 'c1', body: 'earlier words', mentions: [] }],
    };
    expect(scrubBatch(batch, target)).toEqual({
      kind: 'social',
      intent: 'do',
      ops: [
        { type: 'addComment', id: 'c1', nodeId: 'x', body: ERASED_TEXT, mentions: [] },
        { type: 'addComment', id: 'c2', nodeId: 'x', body: 'Ben’s words', mentions: ['cy3'] },
        { type: 'upsertAnnotation', id: 'n1', kind: 'NOTE', body: ERASED_TEXT, assigneeId: null },
        { type: 'upsertAnnotation', id: 'n2', kind: 'ASSIGNMENT', body: '', assigneeId: null },
      ],
      inverse: [{ type: 'editComment', id: 'c1', body: ERASED_TEXT, mentions: [] }],
    });
    expect(JSON.stringify(scrubBatch(batch, target))).not.toContain('ada1');
  });

  it('leaves a batch that does not name them as it was, the very same object', () => {
    const batch = { ops: [{ type: 'createNode', id: 'n9', text: 'A claim' }], inverse: [] };
    expect(scrubBatch(batch, target)).toBe(batch);
  });

  it('cuts the id out of a longer string, and scores on a ballot lose only the name', () => {
    expect(scrubBatch('key:ada1:x', target)).toBe('key::x');
    expect(scrubBatch([{ userId: 'ada1', points: 75 }], target)).toEqual([
      { userId: null, points: 75 },
    ]);
  });
});
