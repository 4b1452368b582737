import { describe, expect, it } from 'vitest';
import {
  applyOp,
  applyOps,
  graphStateOf,
  invertOp,
  opFootprint,
  ZOp,
  type GraphState,
  type TOp,
} from '@/lib/domain/ops';
import { rewind } from '@/lib/domain/history';
import { MAX_SECTIONS, sectionsViewOf, type MapSection } from '@/lib/domain/sections';
import { contrastRatio, TAG_PALETTE, textColourOn } from '@/lib/domain/tags';
import { build, codeOf, node, op } from '../support/ops';

const section = (
  id: string,
  title: string,
  parentId: string | null = null,
  level = 1,
): MapSection => ({
  id,
  title,
  level,
  parentId,
  data: null,
});

/** Cards a and b, with the map's sections and tag colours. */
function mapWith(sections: MapSection[] = [], tagColors: Record<string, string> = {}): GraphState {
  const nodes = build(node('a'), node('b'));
  return { ...nodes, map: { sections, tagColors } };
}

/** Applies `o` and then its inverse, returning both states. */
function roundTrip(before: GraphState, o: TOp) {
  const after = applyOp(before, o).state;
  const back = applyOp(after, invertOp(before, o)).state;
  return { after, back };
}

const put = (id: string, to: string | null, from: string | null = null) =>
  op({ type: 'updateNode', id, section: to, expect: { section: from } });

describe('section ops', () => {
  it('creates a section and a subsection after its parent’s others, a level below it', () => {
    let state = mapWith([
      section('s1', 'One'),
      section('s1a', 'One A', 's1', 2),
      section('s2', 'Two'),
    ]);
    const made = applyOp(
      state,
      op({ type: 'createSection', id: 'new', title: '  Inside one  ', parentId: 's1' }),
    );
    expect(made.changedMap).toBe(true);
    state = made.state;
    expect(state.map!.sections.map((s) => [s.id, s.title, s.level, s.parentId])).toEqual([
      ['s1', 'One', 1, null],
      ['s1a', 'One A', 2, 's1'],
      ['new', 'Inside one', 2, 's1'],
      ['s2', 'Two', 1, null],
    ]);
    state = applyOp(state, op({ type: 'createSection', id: 'top', title: 'Three' })).state;
    expect(state.map!.sections.at(-1)).toEqual(section('top', 'Three'));
  });

  it('refuses a bad title, a taken id, a missing parent, nesting past six levels and more than the most sections', () => {
    const state = mapWith([section('s1', 'One')]);
    expect(ZOp.safeParse({ type: 'createSection', id: 'x', title: '   ' }).success).toBe(false);
    expect(ZOp.safeParse({ type: 'createSection', id: 'x', title: 'x'.repeat(301) }).success).toBe(
      false,
    );
    expect(ZOp.safeParse({ type: 'createSection', id: 'x', title: 'x'.repeat(300) }).success).toBe(
      true,
    );
    expect(
      codeOf(() => applyOp(state, op({ type: 'createSection', id: 's1', title: 'Again' }))),
    ).toBe('ID_TAKEN');
    expect(
      codeOf(() =>
        applyOp(state, op({ type: 'createSection', id: 'x', title: 'X', parentId: 'nope' })),
      ),
    ).toBe('NOT_FOUND');
    const deep = [1, 2, 3, 4, 5, 6].map((level) =>
      section(`l${level}`, `Level ${level}`, level === 1 ? null : `l${level - 1}`, level),
    );
    expect(
      codeOf(() =>
        applyOp(mapWith(deep), op({ type: 'createSection', id: 'x', title: 'X', parentId: 'l6' })),
      ),
    ).toBe('VALIDATION_FAILED');
    const full = Array.from({ length: MAX_SECTIONS }, (_, i) => section(`s${i}`, `S${i}`));
    expect(
      codeOf(() => applyOp(mapWith(full), op({ type: 'createSection', id: 'x', title: 'X' }))),
    ).toBe('VALIDATION_FAILED');
  });

  it('renames a section expecting the title the editor saw; undo renames it back', () => {
    const before = mapWith([section('s1', 'One')]);
    const rename = op({ type: 'renameSection', id: 's1', title: 'Uno', expect: { title: 'One' } });
    const { after, back } = roundTrip(before, rename);
    expect(after.map!.sections[0]!.title).toBe('Uno');
    expect(back.map).toEqual(before.map);
    expect(
      codeOf(() =>
        applyOp(
          after,
          op({ type: 'renameSection', id: 's1', title: 'Eins', expect: { title: 'One' } }),
        ),
      ),
    ).toBe('STALE_VERSION');
    expect(
      codeOf(() =>
        applyOp(
          after,
          op({ type: 'renameSection', id: 'gone', title: 'X', expect: { title: 'X' } }),
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('puts a card in a section and takes it out, without bumping its version; the section must exist', () => {
    const before = mapWith([section('s1', 'One')]);
    const { after, back } = roundTrip(before, put('a', 's1'));
    expect(after.nodes.get('a')).toMatchObject({ section: 's1', version: 1 });
    expect(sectionsViewOf(after)?.nodeSection).toEqual({ a: 's1' });
    expect(sectionsViewOf(back)?.nodeSection).toEqual({});
    expect(codeOf(() => applyOp(before, put('a', 'nope')))).toBe('NOT_FOUND');
    // Someone else moved it meanwhile: stale.
    expect(codeOf(() => applyOp(after, put('a', null, null)))).toBe('STALE_VERSION');
    expect(applyOp(after, put('a', null, 's1')).state.nodes.get('a')!.section).toBeUndefined();
  });

  it('deletes a section with its subsections, its cards staying on the map in none; undo puts all back in place', () => {
    const sections = [
      section('s1', 'One'),
      section('s1a', 'One A', 's1', 2),
      section('s1a1', 'One A one', 's1a', 3),
      section('s2', 'Two'),
    ];
    const before = applyOps(mapWith(sections), [put('a', 's1a1'), put('b', 's2')]).state;
    const del = op({ type: 'deleteSection', id: 's1' });
    const { after, back } = roundTrip(before, del);
    expect(after.map!.sections.map((s) => s.id)).toEqual(['s2']);
    expect(after.nodes.get('a')!.deleted).toBe(false);
    expect(sectionsViewOf(after)?.nodeSection).toEqual({ b: 's2' });
    expect(back.map).toEqual(before.map);
    expect(sectionsViewOf(back)).toEqual(sectionsViewOf(before));
    expect(after.nodes.get('a')!.section).toBeUndefined();
    // A card is in no section while its section is gone: moving it expects none.
    expect(applyOp(after, put('a', 's2', null)).state.nodes.get('a')!.section).toBe('s2');
    // The undo of the undo deletes them again.
    const restore = invertOp(before, del);
    expect(applyOp(back, invertOp(after, restore)).state.map).toEqual(after.map);
  });

  it('undoing a delete leaves a card someone put in another section since where it is', () => {
    const before = applyOps(mapWith([section('s1', 'One'), section('s2', 'Two')]), [
      put('a', 's1'),
      put('b', 's1'),
    ]).state;
    const del = op({ type: 'deleteSection', id: 's1' });
    const after = applyOps(before, [del, put('b', 's2', null)]).state;
    const back = applyOp(after, invertOp(before, del));
    expect(back.changedNodes).toEqual(['a']);
    expect(sectionsViewOf(back.state)?.nodeSection).toEqual({ a: 's1', b: 's2' });
  });

  it('refuses restoring sections whose parent is gone', () => {
    const before = mapWith([section('s1', 'One'), section('s1a', 'One A', 's1', 2)]);
    const restore = invertOp(before, op({ type: 'deleteSection', id: 's1a' }));
    const parentGone = applyOp(before, op({ type: 'deleteSection', id: 's1' })).state;
    expect(codeOf(() => applyOp(parentGone, restore))).toBe('VALIDATION_FAILED');
  });

  it('needs the map’s sections only for the ops that read them', () => {
    expect(opFootprint([put('a', 's1')]).map).toBe(true);
    expect(opFootprint([op({ type: 'deleteSection', id: 's1' })]).map).toBe(true);
    expect(opFootprint([op({ type: 'updateNode', id: 'a', baseVersion: 1, text: 'x' })]).map).toBe(
      false,
    );
  });

  it('a timeline rewinding over section edits (with no sections loaded) leaves them out', () => {
    const sectioned = applyOps(mapWith([section('s1', 'One')]), [put('a', 's1')]);
    const withoutMap = graphStateOf([...sectioned.state.nodes.values()], []);
    const past = rewind(withoutMap, [
      [put('a', null, 's1'), op({ type: 'deleteSection', id: 's1' })],
    ]);
    expect(past.nodes.get('a')!.section).toBe('s1');
  });
});

describe('tag colour ops', () => {
  it('sets, changes and removes a tag’s colour (case ignored), expecting the one the editor saw; undo restores it', () => {
    const before = mapWith([], { Pro: '#1f77b4' });
    const set = op({ type: 'setTagColor', tag: 'pro', colour: '#9467BD', expect: '#1f77b4' });
    const { after, back } = roundTrip(before, set);
    expect(after.map!.tagColors).toEqual({ Pro: '#9467bd' });
    expect(back.map!.tagColors).toEqual({ Pro: '#1f77b4' });
    const removed = applyOp(
      after,
      op({ type: 'setTagColor', tag: 'PRO', colour: null, expect: '#9467bd' }),
    );
    expect(removed.state.map!.tagColors).toEqual({});
    // Undoing a removal made under another spelling puts the colour back as the map spelled it.
    const clear = op({ type: 'setTagColor', tag: 'PRO', colour: null, expect: '#9467bd' });
    expect(roundTrip(after, clear).back.map!.tagColors).toEqual({ Pro: '#9467bd' });
    const added = applyOp(
      before,
      op({ type: 'setTagColor', tag: 'health care', colour: '#2ca02c', expect: null }),
    );
    expect(added.state.map!.tagColors).toEqual({ Pro: '#1f77b4', 'health care': '#2ca02c' });
    expect(
      codeOf(() =>
        applyOp(
          after,
          op({ type: 'setTagColor', tag: 'pro', colour: '#2ca02c', expect: '#1f77b4' }),
        ),
      ),
    ).toBe('STALE_VERSION');
  });

  it('refuses a colour that is not #rrggbb and a tag no card could have', () => {
    expect(
      ZOp.safeParse({ type: 'setTagColor', tag: 'pro', colour: 'red', expect: null }).success,
    ).toBe(false);
    expect(
      ZOp.safeParse({ type: 'setTagColor', tag: 'a)b', colour: '#000000', expect: null }).success,
    ).toBe(false);
    expect(
      ZOp.safeParse({ type: 'setTagColor', tag: ' ', colour: '#000000', expect: null }).success,
    ).toBe(false);
  });

  it('refuses the colour after the most a map keeps', () => {
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`t${i}`, '#000000']));
    expect(
      codeOf(() =>
        applyOp(
          mapWith([], many),
          op({ type: 'setTagColor', tag: 'one more', colour: '#ffffff', expect: null }),
        ),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('every palette colour reads at WCAG AA with the chip text chosen for it', () => {
    for (const { colour } of TAG_PALETTE)
      expect(contrastRatio(colour, textColourOn(colour))).toBeGreaterThanOrEqual(4.5);
  });
});
