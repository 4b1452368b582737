import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportArgdown, parseArgdown } from '@/lib/domain/argdown';
import type { ExportableMap, ImportedMap } from '@/lib/domain/interchange';
import { keptData, sectionFrames, type ArgdownData } from '@/lib/domain/sections';
import { placed, shape } from '../support/interchange';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/argdown', name), 'utf8');

/** Sections as their heading paths, each node with the path of its section, and each node's kept data: ids left out. */
function grouping(map: ImportedMap | ExportableMap) {
  const sections = map.sections ?? [];
  const byId = new Map(sections.map((s) => [s.id, s]));
  const pathOf = (id: string | null | undefined): string => {
    const s = id ? byId.get(id) : undefined;
    if (!s) return '(none)';
    return s.parentId ? `${pathOf(s.parentId)} > ${s.title}` : s.title;
  };
  return {
    sections: sections.map(
      (s) => `${'#'.repeat(s.level)} ${pathOf(s.id)} ${JSON.stringify(s.data)}`,
    ),
    members: map.nodes.map((n) => `${pathOf(n.section)} | ${n.text}`).sort(),
    data: map.nodes
      .filter((n) => n.data)
      .map((n) => `${n.text} ${JSON.stringify(n.data)}`)
      .sort(),
    frontmatter: map.frontmatter ?? null,
  };
}

describe('Argdown sections, frontmatter and element data', () => {
  it('imports the Semmelweis reconstruction with its sections, nested, and each element in the section where it is first defined', () => {
    const map = parseArgdown(fixture('semmelweis-betz.argdown'), 'x');
    const g = grouping(map);
    expect(g.sections).toEqual([
      '# Three Rival Hypotheses null',
      '# Evidence null',
      '# Arguments and Further Theses {"isGroup":false}',
      '## Arguments and Further Theses > Inferential Relations between @[Epidemic Influence Hypothesis] and the Available Evidence {"isGroup":false}',
      '## Arguments and Further Theses > Inferential Relations between @[Rough Examination Hypothesis] and the Available Evidence {"isGroup":false}',
      '## Arguments and Further Theses > Inferential Relations between @[Cadavric Substance Hypothesis] and the Available Evidence {"isGroup":false}',
    ]);
    const sectionOf = (title: string) => {
      const node = map.nodes.find((n) => n.title === title)!;
      return map.sections!.find((s) => s.id === node.section)?.title;
    };
    // Defined under "Three Rival Hypotheses", referred to again in later sections.
    expect(sectionOf('[Epidemic Influence Hypothesis]')).toBe('Three Rival Hypotheses');
    expect(sectionOf('[Washing Helps]')).toBe('Evidence');
    expect(sectionOf('<Epidemic Exposition 1>')).toMatch(
      /^Inferential Relations between @\[Epidemic/,
    );
    // The frontmatter's keys that are not map fields are kept; the title and author are not repeated,
    // and its strict mode is not (the map is written back in Argdown's default mode).
    expect(map.frontmatter).toEqual({
      date: '19/10/2018',
      dot: { graphVizSettings: { rankdir: 'TB', ranksep: '1' } },
    });
  });

  it("keeps each element's own data from the censorship debate, but not ours", () => {
    const map = parseArgdown(fixture('state-censorship.argdown'), 'x');
    const dataOf = (title: string) => map.nodes.find((n) => n.title === title)?.data;
    expect(dataOf('<Argument from Freedom of Speech>')).toEqual({ source: 'C1a' });
    expect(map.nodes.filter((n) => n.data?.isInMap === false).length).toBeGreaterThan(0);
    expect(map.nodes.every((n) => !n.data || !('kind' in n.data || 'x' in n.data))).toBe(true);
  });

  for (const name of [
    'semmelweis-betz.argdown',
    'argdown-intro.argdown',
    'state-censorship.argdown',
    'legalisation-softdrugs.argdown',
  ]) {
    it(`round-trips ${name}: the export writes the headings, frontmatter and data, and re-imports to the same sections, members and data`, () => {
      const first = placed(parseArgdown(fixture(name), 'x'));
      const text = exportArgdown(first);
      for (const s of first.sections ?? [])
        expect(text).toContain(`${'#'.repeat(s.level)} ${s.title.replace(/[{}#\\]/g, '\\$&')}`);
      for (const key of Object.keys(first.frontmatter ?? {}))
        expect(text).toMatch(new RegExp(`^${key}: `, 'm'));
      const second = parseArgdown(text, 'x');
      expect(shape(second)).toEqual(shape(first));
      expect(grouping(second)).toEqual(grouping(first));
      expect(exportArgdown(placed(second))).toBe(text);
    });
  }

  it('writes elements without a section first, then each heading with its elements, ours winning a data conflict', () => {
    const map: ExportableMap = {
      title: 'Uniforms',
      motion: 'Schools should require uniforms',
      description: '',
      frontmatter: { title: 'not ours', course: { year: 9, tags: ['civics'] } },
      sections: [
        { id: 's1', title: 'Costs', level: 1, parentId: null, data: null },
        { id: 's2', title: 'For families', level: 2, parentId: 's1', data: { isGroup: true } },
        { id: 's3', title: 'Identity', level: 1, parentId: null, data: null },
      ],
      nodes: [
        { id: 'a', kind: 'CLAIM', side: 'NEUTRAL', text: 'Uniforms help.', x: 0, y: 0 },
        {
          id: 'b',
          kind: 'PREMISE',
          side: 'FOR',
          text: 'They are cheaper.',
          x: 0,
          y: 200,
          section: 's2',
          data: { kind: 'QUESTION', 'source page': 4 },
        },
        {
          id: 'c',
          kind: 'OBJECTION',
          side: 'AGAINST',
          text: 'They hide who you are.',
          x: 300,
          y: 200,
          section: 's3',
        },
      ],
      edges: [
        { id: 'e1', fromId: 'b', toId: 'a', relation: 'SUPPORTS', groupId: null },
        { id: 'e2', fromId: 'c', toId: 'a', relation: 'ATTACKS', groupId: null },
      ],
    };
    const text = exportArgdown(map);
    expect(text).toContain('title: "Uniforms"');
    expect(text).not.toContain('not ours');
    expect(text).toContain('course: {"year":9,"tags":["civics"]}');
    const order = [
      '[Uniforms help]: ',
      '# Costs',
      '## For families {isGroup: true}',
      '[They are cheaper]: ',
      '# Identity',
      '<They hide who you are>: ',
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((x, y) => x - y));
    expect(text).toContain('kind: "PREMISE"');
    expect(text).toContain('"source page": 4');
    const back = parseArgdown(text, 'x');
    expect(grouping(back)).toEqual({
      ...grouping(map),
      frontmatter: { course: { year: 9, tags: ['civics'] } },
      data: ['They are cheaper. {"source page":4}'],
    });
  });

  it('leaves out data over 16 KB and says so, and keeps tag colours out of the frontmatter', () => {
    const big = 'x'.repeat(17_000);
    const map = parseArgdown(
      `===\ntitle: T\ncolor:\n  tagColors:\n    pro: "#00ff00"\n  colorScheme: iwanthue-colorblind-friendly\nhuge: "${big}"\n===\n\n# Part\n\n[A]: a claim. {note: "${big}"}\n\n[B]: kept. {note: "short"}\n`,
      'x',
    );
    expect(map.frontmatter).toBeNull();
    expect(map.nodes.find((n) => n.title === '[A]')?.data).toBeNull();
    expect(map.nodes.find((n) => n.title === '[B]')?.data).toEqual({ note: 'short' });
    expect(map.ignored).toEqual([
      'Line 12: the data of [A] is more than 16 KB of JSON (or nested too deep); it was left out.',
      'The frontmatter is more than 16 KB of JSON (or nested too deep) besides the title and motion; it was left out.',
    ]);
    const small = parseArgdown(
      '===\ntitle: T\ncolor:\n  tagColors:\n    pro: "#00ff00"\n  colorScheme: iwanthue-colorblind-friendly\n===\n\n[B]: kept.\n',
      'x',
    );
    expect(small.frontmatter).toEqual({ color: { colorScheme: 'iwanthue-colorblind-friendly' } });
  });

  it('refuses a YAML alias bomb in data or frontmatter at once, saying why, instead of copying out a billion values', () => {
    // Each level lists the one above ten times: 10⁹ values, in under 1 KB.
    const levels = ['a0: &a0 [0,0,0,0,0,0,0,0,0,0]'];
    for (let i = 1; i <= 9; i++)
      levels.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(',')}]`);
    const refusal = /^The file’s data uses YAML anchors and aliases \(&name … \*name\)/;
    const started = Date.now();
    expect(() => parseArgdown(`[A]: a claim. {${levels.join(', ')}}\n`, 'x')).toThrow(refusal);
    expect(() =>
      parseArgdown(`===\ntitle: Laughs\n${levels.join('\n')}\n===\n\n[A]: a claim.\n`, 'x'),
    ).toThrow(refusal);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Emphasis, a multiplication and what looks like an anchor and an alias in text are not YAML.
    const text = parseArgdown(
      '[R&D]: Spending on R&D is *very* **high**, 5 * 3 &more \\*maybe\n  + [B]: Budgets & plans show it. {note: "a & b"}\n',
      'x',
    );
    expect(text.nodes.map((n) => n.text)).toEqual([
      'Spending on R&D is very high, 5 * 3 &more *maybe',
      'Budgets & plans show it.',
    ]);
    expect(text.nodes[1]!.data).toEqual({ note: 'a & b' });
  });

  it('does not copy data that reaches one value twice or holds too many values', () => {
    const shared = { a: 1 };
    expect(keptData({ x: shared, y: shared })).toBe('too big');
    expect(keptData({ list: Array.from({ length: 10_000 }, () => 0) })).toBe('too big');
    expect(keptData({ list: [1, 2, 3] })).toEqual({ list: [1, 2, 3] });
  });

  it('keeps any section title through export and import, a mention of an element kept as one (property)', () => {
    const word = fc.oneof(
      fc.string({
        minLength: 1,
        maxLength: 12,
        unit: fc.constantFrom(...'ab Z9/\\[]<>#@{}*_-:()"\'.,!?+=%&~`|$^é—…'.split('')),
      }),
      fc.constantFrom('@[A claim]', '@<An argument>'),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const title = words.join(' ').replace(/\s+/g, ' ').trim();
        fc.pre(title.length > 0);
        const map: ExportableMap = {
          title: 'T',
          motion: 'M',
          description: '',
          sections: [{ id: 's1', title, level: 1, parentId: null, data: null }],
          nodes: [
            { id: 'x', kind: 'CLAIM', side: 'FOR', text: 'A claim.', x: 0, y: 0, section: 's1' },
          ],
          edges: [],
        };
        const back = parseArgdown(exportArgdown(map), 'T');
        expect(back.sections?.map((s) => s.title)).toEqual([title]);
        expect(back.nodes.map((n) => n.section)).toEqual([back.sections![0]!.id]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps any frontmatter and element data through export and import (property)', () => {
    // Keys of our own (a "k " prefix keeps clear of title, kind, isInMap and Argdown's settings).
    const data = fc
      .dictionary(
        fc.string({ maxLength: 8 }).map((k) => `k ${k}`),
        fc.jsonValue({ maxDepth: 3 }),
        { minKeys: 1, maxKeys: 4 },
      )
      .map((d) => d as ArgdownData);
    fc.assert(
      fc.property(data, data, fc.string({ maxLength: 20 }), (frontmatter, nodeData, motion) => {
        // YAML readers drop a "__proto__" key (so no file can set an object's prototype).
        fc.pre(!JSON.stringify([frontmatter, nodeData]).includes('"__proto__"'));
        const map: ExportableMap = {
          title: 'T',
          motion,
          description: '',
          frontmatter,
          nodes: [
            { id: 'x', kind: 'CLAIM', side: 'FOR', text: 'A claim.', x: 0, y: 0, data: nodeData },
          ],
          edges: [],
        };
        const back = parseArgdown(exportArgdown(map), 'T');
        const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
        expect(back.frontmatter).toEqual(plain(frontmatter));
        expect(back.nodes[0]!.data).toEqual(plain(nodeData));
        expect(back.motion).toBe(motion.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 300 },
    );
  });

  it('frames each section around its members, nested sections inside their parents, empty ones not at all', () => {
    const sections = [
      { id: 's1', title: 'Outer', level: 1, parentId: null, data: null },
      { id: 's2', title: 'Inner', level: 2, parentId: 's1', data: null },
      { id: 's3', title: 'Empty', level: 1, parentId: null, data: null },
    ];
    const boxes = new Map([
      ['a', { x: 0, y: 0, width: 100, height: 50 }],
      ['b', { x: 300, y: 200, width: 100, height: 50 }],
      ['c', { x: 900, y: 900, width: 100, height: 50 }],
    ]);
    const frames = sectionFrames(sections, { a: 's1', b: 's2' }, boxes);
    expect(frames.map((f) => [f.id, f.title, f.depth])).toEqual([
      ['s1', 'Outer', 0],
      ['s2', 'Inner', 1],
    ]);
    const [outer, inner] = frames;
    const inside = (o: typeof outer, i: { x: number; y: number; width: number; height: number }) =>
      o!.x < i.x &&
      o!.y < i.y &&
      o!.x + o!.width > i.x + i.width &&
      o!.y + o!.height > i.y + i.height;
    expect(inside(outer, boxes.get('a')!)).toBe(true);
    expect(inside(inner, boxes.get('b')!)).toBe(true);
    expect(inside(outer, inner!)).toBe(true);
    expect(inside(outer, boxes.get('c')!)).toBe(false);
  });
});
