import { describe, expect, it } from 'vitest';
import { describeChange, describeRelations } from '@/lib/domain/announce';
import { applyOps, type TOp } from '@/lib/domain/ops';
import { build, edge, node, op } from '../support/ops';

const motion = node('m', 'The CSTO failed Armenia');
const base = () => build(motion, node('r', 'Russia sold arms to both sides'), edge('rm', 'r', 'm'));
/** The sentence for `ops` as the stream delivers them: read against the map after they applied. */
const said = (ops: TOp[]) => describeChange(ops, applyOps(base(), ops).state);

describe('announcing what someone else changed', () => {
  it('names the kind of a new card and what it bears on', () => {
    expect(
      said([
        op({ type: 'createNode', id: 'o', kind: 'OBJECTION', text: 'No treaty duty', x: 0, y: 0 }),
        op({ type: 'createEdge', id: 'om', fromId: 'o', toId: 'm', relation: 'ATTACKS' }),
      ]),
    ).toBe('added an objection to “The CSTO failed Armenia”');
    expect(
      said([
        op({ type: 'createNode', id: 'p', kind: 'PREMISE', text: 'Troops stayed', x: 0, y: 0 }),
        op({ type: 'createEdge', id: 'pm', fromId: 'p', toId: 'm', relation: 'SUPPORTS' }),
      ]),
    ).toBe('added a premise supporting “The CSTO failed Armenia”');
    expect(said([node('c', 'A new claim')])).toBe('added a claim: “A new claim”');
  });

  it('says which card was edited, re-kinded, deleted or brought back', () => {
    expect(said([op({ type: 'updateNode', id: 'r', baseVersion: 1, text: 'New' })])).toBe(
      'edited the text of “New”',
    );
    expect(said([op({ type: 'updateNode', id: 'r', baseVersion: 1, kind: 'EVIDENCE' })])).toBe(
      'made “Russia sold arms to both sides” evidence',
    );
    expect(said([op({ type: 'deleteNode', id: 'r' })])).toBe(
      'deleted “Russia sold arms to both sides”',
    );
    expect(said([op({ type: 'updateNode', id: 'r', expect: { tags: [] }, tags: ['pro'] })])).toBe(
      'changed the tags of “Russia sold arms to both sides”',
    );
  });

  it('says who cut evidence as a card and marked its words', () => {
    const exact = 'Arms went to both sides';
    const anchor = { sourceId: 's', exact, prefix: '', suffix: '', start: 0, end: exact.length };
    const cut = [
      op({ type: 'createNode', id: 'e', kind: 'EVIDENCE', text: 'Arms sales', x: 0, y: 0, anchor }),
      op({ type: 'updateNode', id: 'e', baseVersion: 1, card: { underline: [], highlight: [] } }),
    ];
    const view = applyOps(base(), cut).state;
    expect(describeChange([cut[1]!], view)).toBe('cut “Arms sales” as a card');
    const mark = op({ type: 'markCard', id: 'e', layer: 'underline', range: [0, 4], on: true });
    expect(describeChange([mark], applyOps(view, [mark]).state)).toBe(
      'underlined words of “Arms sales”',
    );
  });

  it('describes connections made and removed between two cards', () => {
    expect(said([edge('mr', 'm', 'r', 'ATTACKS')])).toBe(
      'connected “The CSTO failed Armenia”: it attacks “Russia sold arms to both sides”',
    );
    expect(said([op({ type: 'deleteEdge', id: 'rm' })])).toBe(
      'removed the connection between “Russia sold arms to both sides” and “The CSTO failed Armenia”',
    );
  });

  it('says nothing about cards moved on the canvas, and counts the rest of a batch', () => {
    expect(said([op({ type: 'moveNodes', moves: [{ id: 'm', x: 5, y: 5 }] })])).toBeNull();
    expect(
      said([
        op({ type: 'deleteNode', id: 'r' }),
        node('c', 'One'),
        node('d', 'Two'),
        op({ type: 'moveNodes', moves: [{ id: 'm', x: 5, y: 5 }] }),
      ]),
    ).toBe('deleted “Russia sold arms to both sides” and made 2 other changes');
  });

  it('quotes a long or many-line card by its first line, cut short', () => {
    expect(said([node('c', `${'x'.repeat(80)}\nsecond line`)])).toBe(
      `added a claim: “${'x'.repeat(59)}…”`,
    );
  });
});

describe('a card’s connections read out', () => {
  it('lists what it bears on and what bears on it, by relation', () => {
    const state = applyOps(base(), [
      node('o', 'No treaty duty'),
      edge('om', 'o', 'm', 'ATTACKS'),
    ]).state;
    expect(describeRelations('m', state)).toBe(
      'Claim. Supported by “Russia sold arms to both sides”. Attacked by “No treaty duty”.',
    );
    expect(describeRelations('r', state)).toBe('Claim. Supports “The CSTO failed Armenia”.');
  });

  it('says a contradiction the same way from either end', () => {
    const state = applyOps(base(), [
      node('x', 'The CSTO is a dead letter'),
      edge('xm', 'x', 'm', 'CONTRADICTS'),
    ]).state;
    expect(describeRelations('x', state)).toBe('Claim. Contradicts “The CSTO failed Armenia”.');
    expect(describeRelations('m', state)).toBe(
      'Claim. Supported by “Russia sold arms to both sides”. Contradicts “The CSTO is a dead letter”.',
    );
  });

  it('leaves out deleted connections and says when a card stands alone', () => {
    const state = applyOps(base(), [op({ type: 'deleteEdge', id: 'rm' })]).state;
    expect(describeRelations('m', state)).toBe('Claim. Not connected to any other card.');
  });
});
