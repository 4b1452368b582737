import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { exportMap } from '@/lib/server/maps/export-map';
import { exportBackup } from '@/lib/server/maps/export-backup';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/argdown', name), 'utf8');

const untitled = (node: string) => node.replace(/\|(\[[^\]]+\]|<[^>]+>|-)\|/, '||');

/** A map as a person sees it, with each node's Argdown title: texts, kinds, sides, titles and connections. */
async function seen(actor: Actor, mapId: string) {
  const snapshot = await getMapSnapshot(actor, mapId);
  const titles = new Map(
    (await testDb().node.findMany({ where: { mapId }, select: { id: true, title: true } })).map(
      (r) => [r.id, r.title],
    ),
  );
  const text = new Map(snapshot.nodes.map((n) => [n.id, n.text]));
  const linked = (groupId: string | null, toId: string) =>
    snapshot.edges
      .filter((x) => groupId && x.groupId === groupId && x.toId === toId)
      .map((x) => text.get(x.fromId))
      .sort()
      .join(' + ');
  // Each node's section as its path of headings ("Background > The hypotheses").
  const sections = new Map(snapshot.sectionsView?.sections.map((s) => [s.id, s]) ?? []);
  const headings = (id: string | undefined): string => {
    const section = id ? sections.get(id) : undefined;
    if (!section) return '';
    const parent = headings(section.parentId ?? undefined);
    return parent ? `${parent} > ${section.title}` : section.title;
  };
  return {
    nodes: snapshot.nodes
      .map(
        (n) =>
          `${n.kind}|${n.side}|${titles.get(n.id) ?? '-'}|${n.text}|${n.tags.join(',')}|${headings(snapshot.sectionsView?.nodeSection[n.id])}`,
      )
      .sort(),
    tagColors: snapshot.tagColors,
    edges: snapshot.edges
      .map(
        (e) =>
          `${text.get(e.fromId)} ${e.relation} ${text.get(e.toId)} (${linked(e.groupId, e.toId)})`,
      )
      .sort(),
  };
}

/** Which of issue #21's losses each real-world file exercises (see tests/fixtures/argdown/SOURCES.md). */
const LOSSES_IN: Record<
  string,
  Record<'contradiction' | 'tags' | 'sections' | 'structures', boolean>
> = {
  'legalisation-softdrugs.argdown': {
    contradiction: false,
    tags: true,
    sections: false,
    structures: false,
  },
  'semmelweis-betz.argdown': { contradiction: true, tags: true, sections: true, structures: true },
  'argdown-intro.argdown': { contradiction: false, tags: false, sections: true, structures: true },
  'state-censorship.argdown': {
    contradiction: false,
    tags: true,
    sections: false,
    structures: true,
  },
};

describe('Argdown kept whole through the database', () => {
  for (const name of [
    'legalisation-softdrugs.argdown',
    'semmelweis-betz.argdown',
    'argdown-intro.argdown',
    'state-censorship.argdown',
  ])
    it(`keeps ${name}'s titles, statements, premise–conclusion structures, tags, tag colours, sections and contradictions (><) through export and import`, async () => {
      const owner = await user();
      const first = await importMap(owner, { text: fixture(name), fileName: name });
      const exported = (await exportMap(owner, first.id, 'argdown')).body;
      const second = await importMap(owner, { text: exported, fileName: name });
      const [before, after] = [await seen(owner, first.id), await seen(owner, second.id)];
      expect(after.edges).toEqual(before.edges);
      expect(after.tagColors).toEqual(before.tagColors);
      // What each file has of the losses is there before the round trip too.
      const has = {
        contradiction: before.edges.some((e) => e.includes(' CONTRADICTS ')),
        tags: before.nodes.some((n) => !/\|\|[^|]*$/.test(n)),
        sections: before.nodes.some((n) => !n.endsWith('|')),
        structures: before.edges.some((e) => !e.endsWith('()')),
      };
      expect(has).toEqual(LOSSES_IN[name]);
      expect(after.nodes.map(untitled).sort()).toEqual(before.nodes.map(untitled).sort());
      // Every title the file had is kept; the export's titles for untitled statements are kept from then on.
      const kept = before.nodes.filter((n) => !n.includes('|-|'));
      expect(kept.length).toBeGreaterThan(0);
      expect(after.nodes).toEqual(expect.arrayContaining(kept));
      // The second export writes the same file.
      expect((await exportMap(owner, second.id, 'argdown')).body).toBe(exported);
      // A backup carries the titles too.
      const backup = await exportBackup(owner, first.id);
      const restored = await importMap(owner, { text: JSON.stringify(backup) });
      expect((await seen(owner, restored.id)).nodes).toEqual((await seen(owner, first.id)).nodes);
    }, 60_000);

  it('stores the soft-drugs debate’s #pro and #con as tags, coloured as its frontmatter says', async () => {
    const owner = await user();
    const { id } = await importMap(owner, {
      text: fixture('legalisation-softdrugs.argdown'),
      fileName: 'legalisation-softdrugs.argdown',
    });
    const snapshot = await getMapSnapshot(owner, id);
    expect(snapshot.tagColors).toEqual({ pro: '#1f77b4', con: '#ff7f0e' });
    const tags = snapshot.nodes.flatMap((n) => n.tags).sort();
    expect(new Set(tags)).toEqual(new Set(['con', 'pro']));
    expect(tags).toHaveLength(17);
    const text = (await exportMap(owner, id, 'argdown')).body;
    expect(text).toContain('"tagColors":{"con":"#ff7f0e","pro":"#1f77b4"}');
  });

  it('writes the Semmelweis debate with its own titles, statements as statements and its structures', async () => {
    const owner = await user();
    const { id } = await importMap(owner, {
      text: fixture('semmelweis-betz.argdown'),
      fileName: 'semmelweis-betz.argdown',
    });
    const text = (await exportMap(owner, id, 'argdown')).body;
    expect(text).toMatch(
      /^\[Epidemic Influence Hypothesis\]: The outbreak of childbed fever is controlled by epidemic influences\./m,
    );
    expect(text).not.toContain('<The outbreak of childbed fever is');
    expect(text).toMatch(/^<Epidemic Exposition 1>: Women in the First Division/m);
    // Its structure: premises as statements, the inference line, the conclusion.
    const structure = /^<Epidemic Exposition 1>\n\n((?:\(\d\) .+\n)+)----\n\(4\) (.+)$/m.exec(text);
    expect(
      structure?.[1]
        ?.split('\n')
        .map((l) => l.replace(/^\(\d\) /, ''))
        .sort(),
    ).toEqual([
      '',
      '[Difference in Exposure]',
      '[Epidemic Influence Hypothesis]',
      '[If childbed fever is controlled by]',
    ]);
    expect(structure?.[2]).toBe('[Difference Between Divisions]');
    // Titles made for untitled statements are whole words, and unique.
    const titles = [...text.matchAll(/^(\[[^\]]+\]|<[^>]+>):/gm)].map((m) => m[1]!);
    expect(new Set(titles.map((t) => t.toLowerCase())).size).toBe(titles.length);
    const words = new Set(fixture('semmelweis-betz.argdown').split(/[^\p{L}\p{N}'-]+/u));
    for (const title of titles)
      for (const word of title
        .slice(1, -1)
        .split(/[\s,.?!]+/)
        .filter(Boolean))
        expect(words.has(word) || /^\d+$/.test(word), `${title}: ${word}`).toBe(true);
  }, 60_000);

  it('tells the importer what the file had that the map leaves out: an @import or @include, a self-attack, an inference rule', async () => {
    const owner = await user();
    const include = await importMap(owner, {
      text: fixture('include-test.argdown'),
      fileName: 'include-test.argdown',
    });
    expect(include.ignored).toEqual([
      'Line 3: “@include(_partial1.argdown)” was not followed: import the other file on its own.',
    ]);
    expect((await getMapSnapshot(owner, include.id)).nodes.map((n) => n.text).sort()).toEqual([
      'First line of main file',
      'Second line of main file',
    ]);

    const result = await importMap(owner, {
      text: [
        '@import(other.argdown)',
        '',
        '<S>: Something that attacks itself.',
        '  - <S>',
        '',
        '[T]: A thesis.',
        '  <+ <S>',
        '',
        '<A>',
        '',
        '(1) A premise.',
        '--',
        'Modus ponens',
        '--',
        '(2) [T]',
      ].join('\n'),
      fileName: 'dropped.argdown',
    });
    expect(result.ignored).toEqual([
      'Line 1: “@import(other.argdown)” was not followed: import the other file on its own.',
      'Line 4: <S> attacks itself; a map cannot draw that, so it was left out.',
      'Line 12: the inference rule “Modus ponens” of <A> is not kept; the inference line is.',
    ]);
    expect((await seen(owner, result.id)).edges).toEqual([
      'A SUPPORTS A thesis. (A + A premise.)',
      'A premise. SUPPORTS A thesis. (A + A premise.)',
      'Something that attacks itself. SUPPORTS A thesis. ()',
    ]);
    // A file with nothing left out says so with an empty list.
    const clean = await importMap(owner, { text: '[A]: a\n  <+ [B]: b\n', fileName: 'x.argdown' });
    expect(clean.ignored).toEqual([]);
  }, 60_000);
});
