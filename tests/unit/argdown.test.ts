import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportArgdown, parseArgdown } from '@/lib/domain/argdown';
import { ImportFormatError, type ExportableMap } from '@/lib/domain/interchange';
import { NODE_KINDS, SIDES, type NodeKind } from '@/lib/domain/types';
import { demo, placed, shape } from '../support/interchange';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/argdown', name), 'utf8');

describe('Argdown export and import', () => {
  it('round-trips a map with every kind, side and relation, linked premises and positions', () => {
    const text = exportArgdown(demo);
    const back = parseArgdown(text, 'fallback');
    expect(shape(back)).toEqual(shape(demo));
    expect(back.nodes.map((n) => `${n.x},${n.y}`).sort()).toEqual(
      demo.nodes.map((n) => `${n.x},${n.y}`).sort(),
    );
    expect({ title: back.title, motion: back.motion, description: back.description }).toEqual({
      title: demo.title,
      motion: demo.motion,
      description: demo.description,
    });
    // export → import → export writes the same file.
    expect(exportArgdown(placed(back))).toBe(text);
  });

  it('writes what other Argdown tools read: statements, arguments, and relations by title', () => {
    const text = exportArgdown(demo);
    expect(text).toContain(
      '[The CSTO did not help Armenia]: The CSTO did not help Armenia in 2022.',
    );
    expect(text).toMatch(/^ {4}<_ <Being busy does not excuse a>$/m);
    expect(text).toMatch(/^ {4}<- <The border clashes were not an>$/m);
  });

  it('keeps any text through export and import (property)', () => {
    const word = fc.string({
      minLength: 1,
      maxLength: 12,
      unit: fc.constantFrom(...'ab Z9/\\[]<>#@{}*_-:()"\'.,!?+=%&~`|$^é—…'.split('')),
    });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...NODE_KINDS),
        fc.constantFrom(...SIDES),
        (words, kind, side) => {
          const text = words.join(' ').replace(/\s+/g, ' ').trim();
          fc.pre(text.length > 0);
          const map: ExportableMap = {
            title: 'T',
            motion: 'M',
            description: '',
            nodes: [{ id: 'x', kind, side, text, x: 0, y: 0 }],
            edges: [],
          };
          const back = parseArgdown(exportArgdown(map), 'T');
          expect(back.nodes.map((n) => [n.kind, n.side, n.text])).toEqual([[kind, side, text]]);
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('real-world files (tests/fixtures/argdown, see SOURCES.md)', () => {
    it('imports the soft-drugs debate as Argdown maps it: one claim, 17 arguments, supports, attacks and two undercuts', () => {
      const map = parseArgdown(fixture('legalisation-softdrugs.argdown'), 'x');
      expect(map.title).toBe('Pros and Cons Legalisation of Soft Drugs');
      expect(map.nodes).toHaveLength(18);
      const claim = map.nodes.find((n) => n.text === 'Soft drugs should be legal.')!;
      expect(claim.kind).toBe('CLAIM');
      const byText = (start: string) => map.nodes.find((n) => n.text.startsWith(start))!;
      expect(byText('The role of legislation')).toMatchObject({ kind: 'PREMISE', side: 'FOR' });
      expect(byText('It is right that governments')).toMatchObject({
        kind: 'OBJECTION',
        side: 'AGAINST',
      });
      const relations = shape(map).edges;
      expect(relations.filter((e) => e.includes(' UNDERCUTS '))).toHaveLength(2);
      expect(relations).toContain(
        `${byText('Soft drugs are harmful').text} ATTACKS ${byText('The role of legislation').text}`,
      );
      expect(map.edges).toHaveLength(19);
    });

    it('imports the censorship debate with its premise–conclusion structures: premises and argument jointly support the conclusion', () => {
      const map = parseArgdown(fixture('state-censorship.argdown'), 'x');
      const byText = (start: string) => map.nodes.find((n) => n.text.startsWith(start))!;
      const censorship = byText('Censorship is not wrong in principle');
      const argument = byText('Censorship is wrong in principle. In a free');
      const conclusion = map.nodes.find((n) => n.text === 'Censorship is wrong in principle.')!;
      expect(argument).toMatchObject({
        side: 'AGAINST',
        title: '<Argument from Freedom of Speech>',
      });
      expect(byText('Freedom of speech is an absolute right').title).toBe(
        '[Absolute Freedom of Speech]',
      );
      expect(conclusion.title).toBeNull();
      const edges = shape(map).edges;
      expect(edges).toContain(`${conclusion.text} ATTACKS ${censorship.text}`);
      const linked = `(linked: ${[
        argument.text,
        'Censorship violates freedom of speech.',
        'Freedom of speech is an absolute right.',
        'Whatever violates an absolute right, is itself wrong in principle.',
      ]
        .sort()
        .join(' + ')})`;
      expect(edges).toContain(
        `Freedom of speech is an absolute right. SUPPORTS ${conclusion.text} ${linked}`,
      );
      expect(edges).toContain(`${argument.text} SUPPORTS ${conclusion.text} ${linked}`);
      // A structure with two inferences: the intermediate conclusion is a premise of the second.
      const intermediate = byText(
        'We will only have an open, maximally-inclusive and rational societal debate, if legislation',
      );
      expect(edges.filter((e) => e.startsWith(`${intermediate.text} SUPPORTS`))).toHaveLength(1);
    });

    for (const name of [
      'legalisation-softdrugs.argdown',
      'state-censorship.argdown',
      'semmelweis-betz.argdown',
      'argdown-intro.argdown',
    ]) {
      it(`round-trips ${name}: import → export → import keeps the graph, and the second export is identical`, () => {
        const first = placed(parseArgdown(fixture(name), 'x'));
        const text = exportArgdown(first);
        const second = parseArgdown(text, 'x');
        expect(shape(second)).toEqual(shape(first));
        // The file's titles come back with their nodes.
        const titles = (m: { nodes: { title?: string | null; text: string }[] }) =>
          m.nodes.filter((n) => n.title).map((n) => `${n.title} ${n.text}`);
        expect(titles(first).length).toBeGreaterThan(0);
        expect(titles(second)).toEqual(expect.arrayContaining(titles(first)));
        expect(exportArgdown(placed(second))).toBe(text);
      });
    }
  });

  describe('tags and tag colours', () => {
    it('imports the soft-drugs debate’s #pro and #con as tags, with the frontmatter’s colours as Argdown resolves them', () => {
      const map = parseArgdown(fixture('legalisation-softdrugs.argdown'), 'x');
      // `tagColors: pro: 0, con: 1` are indices into the file's scheme, colorbrewer-category10.
      expect(map.tagColors).toEqual({ pro: '#1f77b4', con: '#ff7f0e' });
      const tagged = map.nodes.filter((n) => n.tags?.length);
      expect(tagged.length).toBe(17);
      for (const n of tagged) expect(n.side).toBe(n.tags![0] === 'pro' ? 'FOR' : 'AGAINST');
    });

    it('round-trips tags and colours: the export writes them, and re-import gives the same nodes, edges, tags and colours', () => {
      const first = placed(parseArgdown(fixture('legalisation-softdrugs.argdown'), 'x'));
      const text = exportArgdown(first);
      // Joined to the file's own colour settings, which the map keeps.
      expect(text).toContain(
        'color: {"colorScheme":"colorbrewer-category10","tagColors":{"con":"#ff7f0e","pro":"#1f77b4"}}',
      );
      expect(text).toMatch(/^<No harm, no ban>: .* #pro \{/m);
      const second = parseArgdown(text, 'x');
      expect(shape(second)).toEqual(shape(first));
      expect(second.tagColors).toEqual(first.tagColors);
      expect(exportArgdown(placed(second))).toBe(text);
    });

    it('keeps multi-word tags and drops a tag no card can hold, saying so', () => {
      const map = parseArgdown(
        [
          '===',
          'color:',
          '    tagColors:',
          '        health care: "#FFD700"',
          '===',
          '',
          '[A]: Clinics save money. #(health care) #Economy #economy',
          '',
          `[B]: Long. #(${'x'.repeat(41)})`,
        ].join('\n'),
        'x',
      );
      expect(map.nodes.map((n) => n.tags ?? [])).toEqual([['health care', 'Economy'], []]);
      expect(map.tagColors).toEqual({ 'health care': '#ffd700' });
      expect(map.ignored?.join(' ')).toContain('at most 40 characters');
      const text = exportArgdown(placed(map));
      expect(text).toContain('Clinics save money. #(health care) #Economy {');
      expect(parseArgdown(text, 'x').nodes[0]!.tags).toEqual(['health care', 'Economy']);
    });
  });

  describe('contradictions (`><`)', () => {
    it('reads the Semmelweis debate’s `><` as one contradiction, writes it back as `><` once, and re-imports the same map', () => {
      const first = placed(parseArgdown(fixture('semmelweis-betz.argdown'), 'x'));
      const textOf = (id: string) => first.nodes.find((n) => n.id === id)!.text;
      const moreInjuries = first.nodes.find((n) => n.title === '[More Injuries]')!;
      const contradictions = first.edges.filter(
        (e) => e.relation === 'CONTRADICTS' && [e.fromId, e.toId].includes(moreInjuries.id),
      );
      expect(contradictions).toHaveLength(1);
      const [c] = contradictions;
      const ends = [textOf(c!.fromId), textOf(c!.toId)];
      expect(ends).toEqual([
        "Medical students don't cause more injuries during examination than midwives.",
        'Due to their inexperience, medical students cause more injuries during examination than midwives.',
      ]);
      // Not an attack either way, so neither end is made an objection by it.
      expect(
        first.edges.filter(
          (e) =>
            e.relation === 'ATTACKS' &&
            [e.fromId, e.toId].sort().join() === [c!.fromId, c!.toId].sort().join(),
        ),
      ).toEqual([]);
      expect(moreInjuries.kind).not.toBe('OBJECTION');
      const text = exportArgdown(first);
      expect(text.match(/^ {4}>< \[More Injuries\]$/gm)).toHaveLength(1);
      const second = parseArgdown(text, 'x');
      expect(shape(second)).toEqual(shape(first));
    });

    it('writes each contradiction once between statements, whatever the kinds of its ends, and reads it back', () => {
      const node = (id: string, kind: NodeKind, text: string) => ({
        id,
        kind,
        side: 'NEUTRAL' as const,
        text,
        x: 0,
        y: 0,
      });
      const map: ExportableMap = {
        title: 'T',
        motion: 'M',
        description: '',
        nodes: [
          node('a', 'CLAIM', 'Uniforms raise grades.'),
          node('b', 'CLAIM', 'Uniforms do not raise grades.'),
          node('o', 'OBJECTION', 'Uniforms cost families too much.'),
          node('p', 'OBJECTION', 'Uniforms cost families nothing extra.'),
          node('u', 'OBJECTION', 'The study was too small.'),
          node('r', 'PREMISE', 'A study found higher grades.'),
        ],
        edges: [
          { id: '1', fromId: 'a', toId: 'b', relation: 'CONTRADICTS', groupId: null },
          { id: '2', fromId: 'o', toId: 'p', relation: 'CONTRADICTS', groupId: null },
          { id: '3', fromId: 'r', toId: 'a', relation: 'SUPPORTS', groupId: null },
          { id: '4', fromId: 'u', toId: 'r', relation: 'UNDERCUTS', groupId: null },
          // An undercut argument can only be the end it is written under.
          { id: '5', fromId: 'b', toId: 'u', relation: 'CONTRADICTS', groupId: null },
          { id: '6', fromId: 'o', toId: 'a', relation: 'ATTACKS', groupId: null },
        ],
      };
      const text = exportArgdown(map);
      expect(text.match(/^ {4}>< \[[^\]]+\]$/gm)).toHaveLength(3);
      const back = parseArgdown(text, 'T');
      expect(shape(back)).toEqual(shape(map));
      expect(exportArgdown(placed(back))).toBe(text);
    });
  });

  describe('Argdown’s strict mode (`contrary`)', () => {
    /** The Semmelweis file's three rival hypotheses, H1, H2 and H3, by their titles. */
    const HYPOTHESES = [
      '[Epidemic Influence Hypothesis]',
      '[Rough Examination Hypothesis]',
      '[Cadavric Substance Hypothesis]',
    ];
    const pair = (a: string, b: string) => [a, b].sort().join(' | ');

    it('joins the Semmelweis debate’s three rival hypotheses by three contradictions, none of them an objection, and says the file was in strict mode', () => {
      const map = parseArgdown(fixture('semmelweis-betz.argdown'), 'x');
      const [h1, h2, h3] = HYPOTHESES.map((title) => map.nodes.find((n) => n.title === title)!);
      const ids = [h1!.id, h2!.id, h3!.id];
      const between = map.edges.filter((e) => ids.includes(e.fromId) && ids.includes(e.toId));
      expect(between.map((e) => `${pair(e.fromId, e.toId)} ${e.relation}`).sort()).toEqual(
        [pair(h1!.id, h2!.id), pair(h1!.id, h3!.id), pair(h2!.id, h3!.id)]
          .map((p) => `${p} CONTRADICTS`)
          .sort(),
      );
      // The rivalries were their only attacks: no hypothesis answers another, or is answered.
      expect(
        map.edges.filter(
          (e) =>
            ['ATTACKS', 'UNDERCUTS'].includes(e.relation) &&
            (ids.includes(e.fromId) || ids.includes(e.toId)),
        ),
      ).toEqual([]);
      for (const h of [h1!, h2!, h3!]) expect(['OBJECTION', 'REBUTTAL']).not.toContain(h.kind);
      // Strict mode makes every `-` between two statements contrary: the file has two more.
      expect(map.ignored).toEqual([
        'The file is in Argdown’s strict mode, which the map does not keep: its 5 contrary relations are kept as contradictions (written back as ><), and the map will be written in Argdown’s default mode.',
      ]);
    });

    it('writes the map back in Argdown’s default mode, so import → export → import keeps every edge, and an attack drawn later between two statements stays an attack', () => {
      const imported = parseArgdown(fixture('semmelweis-betz.argdown'), 'x');
      expect(imported.frontmatter).toEqual({
        date: '19/10/2018',
        dot: { graphVizSettings: { rankdir: 'TB', ranksep: '1' } },
      });
      const idOf = (title: string) => imported.nodes.find((n) => n.title === title)!.id;
      const first = placed(imported);
      first.edges.push({
        id: 'drawn',
        fromId: idOf('[Washing Helps]'),
        toId: idOf('[Birth at Home]'),
        relation: 'ATTACKS',
        groupId: null,
      });
      const text = exportArgdown(first);
      expect(text.split('===')[1]).not.toMatch(/mode|strict/);
      expect(text).toMatch(/^\[Birth at Home\]: .*(\n {4}.*)*\n {4}<- \[Washing Helps\]$/m);
      // Each contradiction once, as `><`.
      expect(text.match(/^ {4}>< /gm)).toHaveLength(
        first.edges.filter((e) => e.relation === 'CONTRADICTS').length,
      );
      const second = parseArgdown(text, 'x');
      expect(shape(second)).toEqual(shape(first));
      expect(second.ignored).toEqual([]);
    });

    it('reads a pair written contrary both ways, and also as `><`, as one contradiction, and keeps the file’s other model settings', () => {
      const map = parseArgdown(
        [
          '===',
          'model:',
          '    mode: strict',
          '    removeTagsFromText: true',
          '===',
          '',
          '[Tax]: A sugar tax cuts obesity.',
          '  - [No effect]: A sugar tax changes nothing.',
          '  >< [No effect]',
          '',
          '[No effect]',
          '  -> [Tax]',
        ].join('\n'),
        'x',
      );
      expect(shape(map).edges).toEqual([
        'A sugar tax changes nothing. CONTRADICTS A sugar tax cuts obesity.',
      ]);
      expect(map.nodes.map((n) => n.kind)).toEqual(['CLAIM', 'CLAIM']);
      expect(map.frontmatter).toEqual({ model: { removeTagsFromText: true } });
      expect(map.ignored).toEqual([
        'The file is in Argdown’s strict mode, which the map does not keep: its contrary relation is kept as a contradiction (written back as ><), and the map will be written in Argdown’s default mode.',
      ]);
      expect(exportArgdown(placed(map))).toContain('model: {"removeTagsFromText":true}');
    });

    it('says a strict-mode file without contrary relations is written back in the default mode, which reads its supports the same', () => {
      const map = parseArgdown(
        [
          '===',
          'model:',
          '    mode: strict',
          '===',
          '',
          '[Tax]: A sugar tax cuts obesity.',
          '  + [Prices]: A sugar tax raises the price of soft drinks.',
        ].join('\n'),
        'x',
      );
      expect(shape(map).edges).toEqual([
        'A sugar tax raises the price of soft drinks. SUPPORTS A sugar tax cuts obesity.',
      ]);
      expect(map.frontmatter).toBeNull();
      expect(map.ignored).toEqual([
        'The file is in Argdown’s strict mode, which the map does not keep: it has no contrary relations, and the map will be written in Argdown’s default mode.',
      ]);
      expect(shape(parseArgdown(exportArgdown(placed(map)), 'x'))).toEqual(shape(map));
    });

    it('keeps `-` between two statements of a file in the default mode a directed attack, and says nothing of modes', () => {
      const map = parseArgdown(
        ['[Tax]: A sugar tax cuts obesity.', '  - [No effect]: A sugar tax changes nothing.'].join(
          '\n',
        ),
        'x',
      );
      expect(shape(map).edges).toEqual([
        'A sugar tax changes nothing. ATTACKS A sugar tax cuts obesity.',
      ]);
      expect(map.nodes.find((n) => n.title === '[No effect]')!.kind).toBe('OBJECTION');
      expect(map.ignored).toEqual([]);
    });

    it('never writes strict mode, even for a map that kept it from an earlier import, so its attacks stay attacks', () => {
      const map: ExportableMap = {
        title: 'T',
        motion: 'M',
        description: '',
        nodes: [
          {
            id: 'a',
            kind: 'CLAIM',
            side: 'NEUTRAL',
            text: 'A sugar tax cuts obesity.',
            x: 0,
            y: 0,
          },
          {
            id: 'b',
            kind: 'CLAIM',
            side: 'NEUTRAL',
            text: 'A sugar tax changes nothing.',
            x: 0,
            y: 0,
          },
        ],
        edges: [{ id: '1', fromId: 'b', toId: 'a', relation: 'ATTACKS', groupId: null }],
        frontmatter: { model: { mode: 'strict' }, date: '2018' },
      };
      const text = exportArgdown(map);
      expect(text.split('===')[1]).not.toMatch(/mode|strict/);
      expect(text).toContain('date: "2018"');
      // Two statements, so strict mode would read it as contrary, a contradiction.
      expect(text).toMatch(
        /^\[A sugar tax cuts obesity\]: .*\n {4}<- \[A sugar tax changes nothing\]$/m,
      );
      expect(shape(parseArgdown(text, 'T'))).toEqual(shape(map));
    });
  });

  it('says a statement that contradicts or attacks itself was left out, in words', () => {
    const map = parseArgdown(
      [
        '[Rain]: It will rain tomorrow.',
        '  >< [Rain]',
        '  - [Rain]',
        '',
        '[Sun]: It will be sunny.',
      ].join('\n'),
      'weather',
    );
    expect(map.nodes.map((n) => n.text).sort()).toEqual([
      'It will be sunny.',
      'It will rain tomorrow.',
    ]);
    expect(map.edges).toEqual([]);
    expect(map.ignored).toEqual([
      expect.stringMatching(/^Line 2: \[Rain\] contradicts itself; .*left out\.$/),
      expect.stringMatching(/^Line 3: \[Rain\] (attacks|is contrary to) itself; .*left out\.$/),
    ]);
  });

  it('reports a syntax error with its line, and an empty file plainly', () => {
    expect(() => parseArgdown('', 'x')).toThrow(new ImportFormatError('The file is empty.'));
    expect(() =>
      parseArgdown('[A]: fine\n\n[B]: also fine\n    <+ [A]\n\n(1) P\n----\n', 'x'),
    ).toThrow(/^Line \d+:/);
    expect(() => parseArgdown('[A]: fine\n\n[B]: also fine\n    <+ [A]\n  <- [A]\n', 'x')).toThrow(
      'Line 5: Argdown did not expect “<-” here. Check the indentation of the lines around it.',
    );
  });
});
