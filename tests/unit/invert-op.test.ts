import { describe, expect, it } from 'vitest';
import { applyOp, invertOp } from '@/lib/domain/ops';
import { build, codeOf, node, op } from '../support/ops';

describe('undoing ops', () => {
  it('lets a user undo their edit after deleting and restoring the node', () => {
    const edit = op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Mine' });
    const start = build(node('a', 'Original'));
    const edited = applyOp(start, edit).state;
    const undoEdit = invertOp(start, edit);
    const del = op({ type: 'deleteNode', id: 'a' });
    const deleted = applyOp(edited, del).state;
    const restored = applyOp(deleted, invertOp(edited, del)).state;
    expect(applyOp(restored, undoEdit).state.nodes.get('a')!.text).toBe('Original');
  });

  it('undoes two edits of the same node in a row (regression: seed 317684320)', () => {
    const first = op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'edited' });
    const second = op({ type: 'updateNode', id: 'a', baseVersion: 2, text: 'edited' });
    const s0 = build(node('a', 'Original'));
    const s1 = applyOp(s0, first).state;
    const s2 = applyOp(s1, second).state;
    const s3 = applyOp(s2, invertOp(s1, second)).state;
    expect(applyOp(s3, invertOp(s0, first)).state.nodes.get('a')!.text).toBe('Original');
  });

  it('refuses to undo an edit over a later edit by someone else', () => {
    const edit = op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Mine' });
    const start = build(node('a', 'Original'));
    const theirs = applyOp(
      applyOp(start, edit).state,
      op({ type: 'updateNode', id: 'a', baseVersion: 2, text: 'Theirs' }),
    ).state;
    expect(codeOf(() => applyOp(theirs, invertOp(start, edit)))).toBe('STALE_VERSION');
  });
});
