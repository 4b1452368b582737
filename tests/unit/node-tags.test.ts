import { describe, expect, it } from 'vitest';
import { applyOp, invertOp, ZOp } from '@/lib/domain/ops';
import {
  colourOfTag,
  contrastRatio,
  MAX_NODE_TAG_LENGTH,
  MAX_NODE_TAGS,
  normalizeTags,
  tagColorsOf,
  textColourOn,
} from '@/lib/domain/tags';
import { build, codeOf, node, op } from '../support/ops';

const tagsOf = (state: ReturnType<typeof build>, id = 'a') => state.nodes.get(id)!.tags;

describe('tags on a card', () => {
  it('adds a tag through updateNode, and undo takes it off again', () => {
    const start = build(node('a'));
    const add = op({ type: 'updateNode', id: 'a', expect: { tags: [] }, tags: ['economy'] });
    const tagged = applyOp(start, add).state;
    expect(tagsOf(tagged)).toEqual(['economy']);
    const undo = invertOp(start, add);
    expect(tagsOf(applyOp(tagged, undo).state)).toEqual([]);
  });

  it('removes a tag and undo puts it back in its place', () => {
    const start = build(
      node('a'),
      op({ type: 'updateNode', id: 'a', baseVersion: 1, tags: ['pro', 'health', 'cost'] }),
    );
    const remove = op({
      type: 'updateNode',
      id: 'a',
      expect: { tags: ['pro', 'health', 'cost'] },
      tags: ['pro', 'cost'],
    });
    const removed = applyOp(start, remove).state;
    expect(tagsOf(removed)).toEqual(['pro', 'cost']);
    expect(tagsOf(applyOp(removed, invertOp(start, remove)).state)).toEqual([
      'pro',
      'health',
      'cost',
    ]);
  });

  it('does not make an open text editor stale: tags leave the version alone', () => {
    const start = build(node('a'));
    const tagged = applyOp(
      start,
      op({ type: 'updateNode', id: 'a', expect: { tags: [] }, tags: ['x'] }),
    ).state;
    expect(tagged.nodes.get('a')!.version).toBe(1);
    const textEdit = op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'Edited' });
    expect(applyOp(tagged, textEdit).state.nodes.get('a')).toMatchObject({
      text: 'Edited',
      tags: ['x'],
    });
  });

  it('refuses a tag edit based on tags someone else has changed since', () => {
    const start = build(node('a'));
    const theirs = applyOp(
      start,
      op({ type: 'updateNode', id: 'a', expect: { tags: [] }, tags: ['theirs'] }),
    ).state;
    const mine = op({ type: 'updateNode', id: 'a', expect: { tags: [] }, tags: ['mine'] });
    expect(codeOf(() => applyOp(theirs, mine))).toBe('STALE_VERSION');
  });

  it('creates a node with tags, normalised', () => {
    const state = build(
      op({
        type: 'createNode',
        id: 'a',
        kind: 'CLAIM',
        text: 'A claim',
        x: 0,
        y: 0,
        tags: ['  health   care ', 'Health Care', 'pro'],
      }),
    );
    expect(tagsOf(state)).toEqual(['health care', 'pro']);
  });
});

describe('bad tags are refused with a reason', () => {
  const update = (tags: unknown) =>
    ZOp.safeParse({ type: 'updateNode', id: 'a', expect: { tags: [] }, tags });
  const messageOf = (tags: unknown) => {
    const result = update(tags);
    return result.success ? null : result.error.issues[0]!.message;
  };

  it.each([
    ['an empty tag', ['  '], 'A tag cannot be empty'],
    ['a tag too long', ['x'.repeat(MAX_NODE_TAG_LENGTH + 1)], `at most ${MAX_NODE_TAG_LENGTH}`],
    ['a tag with ")"', ['a)b'], 'cannot contain'],
    [
      'too many tags',
      Array.from({ length: MAX_NODE_TAGS + 1 }, (_, i) => `t${i}`),
      `at most ${MAX_NODE_TAGS} tags`,
    ],
    ['tags that are not text', [3], 'string'],
  ])('%s', (_name, tags, message) => {
    expect(messageOf(tags)).toContain(message);
  });

  it('accepts exactly the limits', () => {
    const most = Array.from({ length: MAX_NODE_TAGS }, (_, i) => `t${i}`.padEnd(40, 'x'));
    expect(update(most).success).toBe(true);
  });
});

describe('tag values', () => {
  it('keeps case, collapses spaces and drops repeats ignoring case', () => {
    expect(normalizeTags([' Economy ', 'economy', 'a  b', ''])).toEqual(['Economy', 'a b']);
  });

  it('reads a stored colour table, leaving out what is not a colour', () => {
    expect(tagColorsOf({ pro: '#1F77B4', con: '#f00', x: 'red', y: 3 })).toEqual({
      pro: '#1f77b4',
      con: '#ff0000',
    });
    expect(tagColorsOf(null)).toEqual({});
  });

  it('gives a tag named like an object property ("constructor", "__proto__") no colour, and can colour it', () => {
    for (const tag of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])
      expect(colourOfTag({ pro: '#1f77b4' }, tag)).toBeUndefined();
    const stored = tagColorsOf(JSON.parse('{"__proto__": "#00ff00", "constructor": "#0000ff"}'));
    expect(colourOfTag(stored, '__proto__')).toBe('#00ff00');
    expect(colourOfTag(stored, 'Constructor')).toBe('#0000ff');
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
  });

  it('picks a chip text colour that reads on its background (WCAG AA)', () => {
    for (const bg of ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#ffff33', '#000000', '#ffffff'])
      expect(contrastRatio(bg, textColourOn(bg))).toBeGreaterThanOrEqual(4.5);
  });
});
