import { describe, expect, it } from 'vitest';
import { ZOp } from '@/lib/domain/ops';

describe('validation of op input', () => {
  it.each([
    [
      'empty text',
      { type: 'createNode', id: 'a', kind: 'CLAIM', text: '   ', x: 0, y: 0 },
      'The text cannot be empty',
    ],
    [
      'text over 5,000 characters',
      { type: 'createNode', id: 'a', kind: 'CLAIM', text: 'x'.repeat(5001), x: 0, y: 0 },
      'longer than 5000',
    ],
    [
      'an unknown kind',
      { type: 'createNode', id: 'a', kind: 'THESIS', text: 'ok', x: 0, y: 0 },
      'The kind must be one of',
    ],
    [
      'an unknown relation',
      { type: 'createEdge', id: 'e', fromId: 'a', toId: 'b', relation: 'LIKES' },
      'The relation must be one of',
    ],
    [
      'an update that changes nothing',
      { type: 'updateNode', id: 'a', baseVersion: 1 },
      'An update must change',
    ],
    [
      'an update with no base',
      { type: 'updateNode', id: 'a', text: 'x' },
      'either the version it was based on or the values it expects',
    ],
    [
      'an id with spaces',
      { type: 'createNode', id: 'a b', kind: 'CLAIM', text: 'ok', x: 0, y: 0 },
      'An id may contain only',
    ],
    ['an unknown op', { type: 'explode' }, "Expected 'createNode'"],
  ])('rejects %s', (_name, input, message) => {
    const result = ZOp.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(' ')).toContain(message);
  });

  it('accepts a text of exactly 5000 characters and trims surrounding space', () => {
    expect(
      ZOp.parse({ type: 'createNode', id: 'a', kind: 'CLAIM', text: 'x'.repeat(5000), x: 0, y: 0 }),
    ).toBeTruthy();
    expect(
      ZOp.parse({ type: 'createNode', id: 'a', kind: 'CLAIM', text: '  hi  ', x: 0, y: 0 }),
    ).toMatchObject({ text: 'hi' });
  });
});
