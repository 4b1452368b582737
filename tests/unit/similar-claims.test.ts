import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOp, type GraphState } from '@/lib/domain/ops';
import { duplicatesOf, replaceWithExisting } from '@/lib/domain/moderation/duplicates';
import {
  claimSimilarity,
  normaliseClaim,
  SIMILAR_ENOUGH,
  similarClaims,
} from '@/lib/domain/moderation/similar-claims';
import { build, edge, node, op } from '../support/ops';

const MAP = [
  {
    id: 'a',
    text: 'Russia has lost its credibility as a security guarantor in the South Caucasus.',
  },
  { id: 'b', text: 'The CSTO never promised to defend Nagorno-Karabakh.' },
  { id: 'c', text: 'Armenia should leave the CSTO.' },
  { id: 'd', text: 'Arms sales to Azerbaijan show where Moscow’s interests lie.' },
];

describe('similar claims', () => {
  it('offers the claim a classmate already wrote, reworded or misspelt', () => {
    const offered = (text: string) => similarClaims(text, MAP).map((m) => m.node.id);
    expect(
      offered('russia has lost credibility as security guarantor in the south caucasus'),
    ).toEqual(['a']);
    expect(
      offered('In the South Caucasus, Russia has lost its credibility as a guarantor of security'),
    ).toEqual(['a']);
    expect(offered('The CSTO never promised to defend Nagorno Karabakh!')).toEqual(['b']);
    expect(offered('The CSTO never promissed to defend Nagorno-Karabach')).toEqual(['b']);
    expect(offered('Armenia should leave the CSTO')).toEqual(['c']);
  });

  it('does not offer claims that only share a topic', () => {
    expect(similarClaims('Armenia should stay in the CSTO and ask for more', MAP)).toEqual([]);
    expect(similarClaims('Turkey supplied drones to Azerbaijan', MAP)).toEqual([]);
    expect(similarClaims('Russia', MAP)).toEqual([]);
    // Its denial is not the same claim.
    expect(similarClaims('Armenia should not leave the CSTO.', MAP)).toEqual([]);
    expect(similarClaims('The CSTO promised to defend Nagorno-Karabakh.', MAP)).toEqual([]);
    expect(similarClaims("Armenia shouldn't ever leave the CSTO", MAP)).toEqual([]);
    // Words that merely end in "nt" deny nothing.
    expect(
      claimSimilarity(
        'Russia failed Armenia at the 2022 summit',
        'Russia failed Armenia at the 2022 event',
      ),
    ).toBeGreaterThanOrEqual(SIMILAR_ENOUGH);
    expect(similarClaims('', MAP)).toEqual([]);
  });

  it('ranks the closest first and stops at the limit', () => {
    const many = [
      { id: 'x', text: 'Armenia should leave the CSTO now.' },
      { id: 'y', text: 'Armenia should leave the CSTO.' },
      { id: 'z', text: 'Armenia should probably leave the CSTO soon.' },
    ];
    const found = similarClaims('Armenia should leave the CSTO.', many, { limit: 2 });
    expect(found.map((m) => m.node.id)).toEqual(['y', 'x']);
    expect(found[0]!.similarity).toBe(1);
  });

  it('ignores case, accents, punctuation and spacing', () => {
    expect(normaliseClaim('  Pašinjan’s   “Peace”—Agenda! ')).toBe('pasinjans peace agenda');
    expect(claimSimilarity('Moscow failed Yerevan.', 'MOSCOW  failed yerevan')).toBe(1);
  });

  it('is symmetric, between 0 and 1, and 1 for a text and itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = claimSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(claimSimilarity(b, a)).toBeCloseTo(s, 10);
        if (normaliseClaim(a)) expect(claimSimilarity(a, a)).toBe(1);
      }),
    );
  });
});

describe('using an existing card instead of a new one', () => {
  const state = (): GraphState => {
    const s = build(
      node('parent', 'Russia failed Armenia'),
      node('existing', 'Arms sales to Azerbaijan show where Moscow’s interests lie'),
      node('new', 'Arms sales to Azerbaijan show where Moscows interest lies'),
      node('other', 'Something else entirely, about Turkey'),
      edge('e1', 'new', 'parent', 'SUPPORTS'),
    );
    return s;
  };
  let n = 0;
  const makeId = () => `made-${++n}`;

  it('offers the existing card, not the new one or an unrelated one', () => {
    expect(
      duplicatesOf(
        state(),
        'new',
        'PREMISE',
        'Arms sales to Azerbaijan show where Moscows interest lies',
      ),
    ).toEqual([
      { id: 'existing', text: 'Arms sales to Azerbaijan show where Moscow’s interests lie' },
    ]);
    expect(
      duplicatesOf(
        state(),
        'new',
        'EVIDENCE',
        'Arms sales to Azerbaijan show where Moscows interest lies',
      ),
    ).toEqual([]);
  });

  it('moves the new card’s connection to the existing card and removes the new card, in one step', () => {
    const ops = replaceWithExisting(state(), 'new', 'existing', makeId);
    const after = ops.reduce((s, o) => applyOp(s, op(o)).state, state());
    expect(after.nodes.get('new')!.deleted).toBe(true);
    const live = [...after.edges.values()].filter((e) => !e.deleted);
    expect(live.map((e) => [e.fromId, e.toId, e.relation])).toEqual([
      ['existing', 'parent', 'SUPPORTS'],
    ]);
  });

  it('does not repeat a connection the existing card already has, nor join it to itself', () => {
    const s = applyOp(
      applyOp(
        state(),
        op({
          type: 'createEdge',
          id: 'e2',
          fromId: 'existing',
          toId: 'parent',
          relation: 'SUPPORTS',
        }),
      ).state,
      op({ type: 'createEdge', id: 'e3', fromId: 'new', toId: 'existing', relation: 'ATTACKS' }),
    ).state;
    const ops = replaceWithExisting(s, 'new', 'existing', makeId);
    expect(ops).toEqual([{ type: 'deleteNode', id: 'new' }]);
  });

  it('does not repeat a contradiction the existing card already has the other way round', () => {
    const contradicting = (id: string, fromId: string, toId: string) =>
      op({ type: 'createEdge', id, fromId, toId, relation: 'CONTRADICTS' });
    // parent >< existing, and the new repeat of existing: new >< parent.
    const s = [
      contradicting('c1', 'parent', 'existing'),
      contradicting('c2', 'new', 'parent'),
    ].reduce((st, o) => applyOp(st, o).state, state());
    const ops = replaceWithExisting(s, 'new', 'existing', makeId);
    expect(ops.filter((o) => o.type === 'createEdge').map((o) => o.relation)).toEqual(['SUPPORTS']);
    // It applies: no second contradiction of the same pair.
    expect(() => ops.reduce((st, o) => applyOp(st, op(o)).state, s)).not.toThrow();
  });
});

describe('short labels and shared long words', () => {
  it('does not take two labels that share one word for the same claim', () => {
    const map = [
      { id: 'l', text: 'Left conclusion' },
      { id: 'a', text: 'Claim A' },
      { id: 'p', text: 'First premise' },
    ];
    expect(similarClaims('Right conclusion', map)).toEqual([]);
    expect(similarClaims('Claim B', map)).toEqual([]);
    expect(similarClaims('Second premise', map)).toEqual([]);
    // Word for word, a short one is still offered.
    expect(similarClaims('claim a!', map).map((m) => m.node.id)).toEqual(['a']);
  });
});
