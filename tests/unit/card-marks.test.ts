import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMark,
  isMarked,
  normalizeRanges,
  readAloud,
  rebaseMarks,
  segments,
  type CardMarks,
  type MarkLayer,
  type MarkRange,
} from '@/lib/domain/evidence/card';
import { applyOp, invertOp, OpError } from '@/lib/domain/ops';
import { build, codeOf, op } from '../support/ops';

const LENGTH = 40;
const arbRange: fc.Arbitrary<MarkRange> = fc
  .tuple(fc.integer({ min: 0, max: LENGTH - 1 }), fc.integer({ min: 1, max: LENGTH }))
  .filter(([s, e]) => e > s);
const arbLayer = fc.constantFrom<MarkLayer>('underline', 'highlight');
const arbMarks: fc.Arbitrary<CardMarks> = fc
  .record({
    underline: fc.array(arbRange, { maxLength: 6 }),
    highlight: fc.array(arbRange, { maxLength: 6 }),
  })
  .map((m) => ({
    underline: normalizeRanges(m.underline, LENGTH),
    highlight: normalizeRanges(m.highlight, LENGTH),
  }));
const arbMark = fc.record({ layer: arbLayer, range: arbRange, on: fc.boolean() });

/** Which characters of the passage a layer marks, as a string of 0s and 1s. */
const bits = (ranges: readonly MarkRange[]) =>
  Array.from({ length: LENGTH }, (_, i) => (ranges.some(([s, e]) => s <= i && i < e) ? 1 : 0)).join(
    '',
  );

describe('applyMark', () => {
  it('marks exactly the range and leaves everything else of both layers as it was', () => {
    fc.assert(
      fc.property(arbMarks, arbMark, (marks, { layer, range, on }) => {
        const after = applyMark(marks, layer, range, on);
        const before = bits(marks[layer]);
        const expected = [...before]
          .map((b, i) => (i >= range[0] && i < range[1] ? (on ? '1' : '0') : b))
          .join('');
        expect(bits(after[layer])).toBe(expected);
        const other = layer === 'underline' ? 'highlight' : 'underline';
        expect(after[other]).toEqual(marks[other]);
        expect(after[layer]).toEqual(normalizeRanges(after[layer], LENGTH));
        expect(isMarked(after[layer], range)).toBe(on);
      }),
    );
  });

  it('two people marking different words of one card keep both marks, in either order', () => {
    fc.assert(
      fc.property(arbMarks, arbMark, arbMark, (marks, a, b) => {
        fc.pre(a.range[1] <= b.range[0] || b.range[1] <= a.range[0] || a.layer !== b.layer);
        const ab = applyMark(applyMark(marks, a.layer, a.range, a.on), b.layer, b.range, b.on);
        const ba = applyMark(applyMark(marks, b.layer, b.range, b.on), a.layer, a.range, a.on);
        expect(ab).toEqual(ba);
      }),
    );
  });
});

describe('segments', () => {
  it('covers every character of the passage exactly once, in order, with its marks', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: LENGTH, maxLength: LENGTH }),
        arbMarks,
        (passage, marks) => {
          const runs = segments(passage, marks);
          expect(runs.map((r) => r.text).join('')).toBe(passage);
          let at = 0;
          for (const run of runs) {
            expect(run.start).toBe(at);
            expect(run.end).toBeGreaterThan(run.start);
            at = run.end;
            for (let i = run.start; i < run.end; i++) {
              expect(run.underline).toBe(bits(marks.underline)[i] === '1');
              expect(run.highlight).toBe(bits(marks.highlight)[i] === '1');
            }
          }
          expect(at).toBe(passage.length);
        },
      ),
    );
  });

  it('keeps unmarked words as runs of their own', () => {
    const runs = segments('Cut the rest, read this.', {
      underline: [[0, 3]],
      highlight: [[14, 23]],
    });
    expect(runs).toEqual([
      { start: 0, end: 3, text: 'Cut', underline: true, highlight: false },
      { start: 3, end: 14, text: ' the rest, ', underline: false, highlight: false },
      { start: 14, end: 23, text: 'read this', underline: false, highlight: true },
      { start: 23, end: 24, text: '.', underline: false, highlight: false },
    ]);
  });
});

describe('readAloud', () => {
  it('counts the highlighted words and the seconds they take at a rate', () => {
    const passage = 'Solar power is now cheaper than coal in most of the world.';
    const marks: CardMarks = {
      underline: [[0, 58]],
      highlight: [
        [0, 11],
        [19, 38],
      ],
    };
    // "Solar power" and "cheaper than coal in": six words.
    expect(readAloud(passage, marks, 150)).toEqual({ words: 6, seconds: 2 });
    expect(readAloud(passage, marks, 300)).toEqual({ words: 6, seconds: 1 });
    expect(readAloud(passage, { underline: [[0, 58]], highlight: [] }, 250).words).toBe(0);
  });

  it('counts a word the highlight cuts through once, and no more words than the passage has', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('one', 'two', 'three'), { minLength: 1, maxLength: 12 }),
        arbMarks,
        (words, marks) => {
          const passage = words.join(' ');
          const all = readAloud(passage, { underline: [], highlight: [[0, passage.length]] }, 200);
          expect(all.words).toBe(words.length);
          expect(readAloud(passage, marks, 200).words).toBeLessThanOrEqual(LENGTH);
        },
      ),
    );
    expect(readAloud('incredible', { underline: [], highlight: [[2, 6]] }, 200).words).toBe(1);
  });
});

describe('rebaseMarks', () => {
  it('moves marks with a longer passage of the same source and drops them for another source', () => {
    const marks: CardMarks = { underline: [[0, 5]], highlight: [[6, 10]] };
    const from = { sourceId: 's', start: 100 };
    expect(rebaseMarks(marks, from, { sourceId: 's', start: 90, end: 120 })).toEqual({
      underline: [[10, 15]],
      highlight: [[16, 20]],
    });
    expect(rebaseMarks(marks, from, { sourceId: 's', start: 103, end: 108 })).toEqual({
      underline: [[0, 2]],
      highlight: [[3, 5]],
    });
    expect(rebaseMarks(marks, from, { sourceId: 't', start: 100, end: 110 })).toEqual({
      underline: [],
      highlight: [],
    });
  });
});

describe('cards as ops', () => {
  const passage = 'The tax cut paid for itself within five years.';
  const anchor = { sourceId: 's', exact: passage, prefix: '', suffix: '', start: 0, end: 46 };
  const evidence = op({
    type: 'createNode',
    id: 'ev',
    kind: 'EVIDENCE',
    text: 'Tax cuts pay for themselves',
    x: 0,
    y: 0,
    anchor,
  });

  it('only anchored evidence can be a card, and marks must lie in the passage', () => {
    const claim = build(op({ type: 'createNode', id: 'c', kind: 'CLAIM', text: 'c', x: 0, y: 0 }));
    const cut = { underline: [], highlight: [] };
    expect(
      codeOf(() => applyOp(claim, op({ type: 'updateNode', id: 'c', baseVersion: 1, card: cut }))),
    ).toBe('VALIDATION_FAILED');
    const state = build(evidence);
    const tooFar = { underline: [[40, 47]], highlight: [] } as CardMarks;
    expect(
      codeOf(() =>
        applyOp(state, op({ type: 'updateNode', id: 'ev', baseVersion: 1, card: tooFar })),
      ),
    ).toBe('VALIDATION_FAILED');
    const carded = applyOp(
      state,
      op({ type: 'updateNode', id: 'ev', baseVersion: 1, card: cut }),
    ).state;
    expect(
      codeOf(() =>
        applyOp(
          carded,
          op({ type: 'markCard', id: 'ev', layer: 'highlight', range: [40, 47], on: true }),
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(
      codeOf(() =>
        applyOp(
          state,
          op({ type: 'markCard', id: 'ev', layer: 'highlight', range: [0, 3], on: true }),
        ),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('stores marks sorted and merged', () => {
    const state = build(evidence);
    const next = applyOp(
      state,
      op({
        type: 'updateNode',
        id: 'ev',
        baseVersion: 1,
        card: {
          underline: [
            [8, 11],
            [0, 3],
            [2, 5],
          ],
          highlight: [],
        },
      }),
    ).state;
    expect(next.nodes.get('ev')!.card).toEqual({
      underline: [
        [0, 5],
        [8, 11],
      ],
      highlight: [],
    });
  });

  it('turning a card into a claim drops the card, and undo brings its marks back', () => {
    const card = { underline: [[0, 11]], highlight: [[4, 11]] } as CardMarks;
    const state = build(evidence, op({ type: 'updateNode', id: 'ev', baseVersion: 1, card }));
    const toClaim = op({ type: 'updateNode', id: 'ev', baseVersion: 2, kind: 'CLAIM' });
    const after = applyOp(state, toClaim).state;
    expect(after.nodes.get('ev')!.card).toBeNull();
    const undone = applyOp(after, invertOp(state, toClaim)).state;
    expect(undone.nodes.get('ev')!.card).toEqual(card);
  });

  it('undoing a mark puts back exactly what the range held', () => {
    const card = { underline: [], highlight: [[4, 7]] } as CardMarks;
    const state = build(evidence, op({ type: 'updateNode', id: 'ev', baseVersion: 1, card }));
    const mark = op({ type: 'markCard', id: 'ev', layer: 'highlight', range: [0, 11], on: true });
    const after = applyOp(state, mark).state;
    expect(after.nodes.get('ev')!.card!.highlight).toEqual([[0, 11]]);
    expect(after.nodes.get('ev')!.version).toBe(state.nodes.get('ev')!.version);
    const undone = applyOp(after, invertOp(state, mark)).state;
    expect(undone.nodes.get('ev')!.card).toEqual(card);
  });

  it('an unmark may keep only parts of its own range', () => {
    const state = build(
      evidence,
      op({ type: 'updateNode', id: 'ev', baseVersion: 1, card: { underline: [], highlight: [] } }),
    );
    const bad = op({
      type: 'markCard',
      id: 'ev',
      layer: 'underline',
      range: [4, 8],
      on: false,
      keep: [[0, 5]],
    });
    expect(() => applyOp(state, bad)).toThrow(OpError);
  });
});
