import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeMarks, type CardMarks } from '@/lib/domain/evidence/card';
import type { Actor } from '@/lib/server/authz';
import { exportBlocksDocx, exportBriefDocx } from '@/lib/server/evidence/export-word';
import { verbatimDocx, type CardDoc } from '@/lib/server/evidence/verbatim-docx';
import { parseVerbatimDocx } from '@/lib/server/evidence/verbatim-import';
import { DEMO_NODES } from '@/prisma/seed/demo-map';
import { addMember, createUser, testDb } from '../factories';
import { docxOf } from '../support/docx-fixture';
import { outcome } from '../support/authorization';
import { demoWithCard } from '../support/demo-card';
import { sendSocial } from '../support/team-map';
import {
  FIRST_CARD_RUNS,
  VERBATIM_BODY,
  VERBATIM_STYLES,
} from '../fixtures/verbatim/verbatim-like';

const run = promisify(execFile);

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

/** A file of these cards, each under one pocket, hat and block. */
const fileOf = (cards: CardDoc[]) =>
  verbatimDocx({
    title: 'Blocks',
    lines: ['Motion: a test'],
    items: [
      { kind: 'heading', level: 1, text: 'Pocket' },
      { kind: 'heading', level: 2, text: 'Hat' },
      { kind: 'heading', level: 3, text: 'Block' },
      ...cards.map((card) => ({ kind: 'card' as const, card })),
    ],
  });

describe('Verbatim Word files: cards out and back in', () => {
  it('keeps a card’s tag, cite, passage and both marks through a .docx', async () => {
    const passage =
      'It was the first time CSTO activated its collective defense mechanism,\nlaunching a mission to Kazakhstan.\n\nArmenia got no such mission.';
    const marks: CardMarks = {
      underline: [
        [12, 69],
        [70, 104],
        [106, 113],
      ],
      highlight: [
        [22, 26],
        [40, 75],
        [106, 113],
      ],
    };
    const card: CardDoc = {
      tag: 'The CSTO can act when it wants to',
      citeShort: 'Turchenko 23',
      citeFull: '[Mikhail Turchenko, “Nagorno-Karabakh Shows…”, The Moscow Times, 9-21-2023]',
      passage,
      marks,
    };
    const [back, ...rest] = await parseVerbatimDocx(await fileOf([card]));
    expect(rest).toEqual([]);
    expect(back).toMatchObject({
      tag: card.tag,
      citeShort: card.citeShort,
      citeFull: card.citeFull,
      passage,
      marks: normalizeMarks(marks, passage.length),
      pocket: 'Pocket',
      hat: 'Hat',
      block: 'Block',
    });
  });

  it('keeps any marks on any passage through a .docx', async () => {
    const word = fc.stringMatching(/^[A-Za-z’.,]{1,8}$/);
    const passage = fc
      .array(fc.tuple(word, fc.constantFrom(' ', ' ', '  ', '\n', '\n\n')), {
        minLength: 1,
        maxLength: 30,
      })
      .map((parts) => parts.map(([w, space]) => w + space).join('') + 'end');
    const ranges = (length: number) =>
      fc.array(
        fc
          .tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 1, max: length }))
          .map(([s, n]) => [s, Math.min(length, s + n)] as [number, number]),
        { maxLength: 6 },
      );
    await fc.assert(
      fc.asyncProperty(
        passage.chain((p) =>
          fc.record({
            passage: fc.constant(p),
            underline: ranges(p.length),
            highlight: ranges(p.length),
          }),
        ),
        async ({ passage, underline, highlight }) => {
          const marks = normalizeMarks({ underline, highlight }, passage.length);
          const [back] = await parseVerbatimDocx(
            await fileOf([{ tag: 'Tag', citeShort: 'Doe 24', citeFull: '[x]', passage, marks }]),
          );
          expect(back!.passage).toBe(passage);
          expect(back!.marks).toEqual(marks);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reads the cards of a file Verbatim made: styles by name, hand underlining, every highlight colour', async () => {
    const cards = await parseVerbatimDocx(docxOf(VERBATIM_BODY, VERBATIM_STYLES));
    expect(cards.map((c) => c.tag)).toEqual([
      'The CSTO is not a defence pact',
      'Armenia never asked in 2020',
    ]);
    const [first, second] = cards;
    const firstParagraph = FIRST_CARD_RUNS.map((r) => r.text).join('');
    const ranges = (layer: 'underline' | 'highlight') => {
      let at = 0;
      return FIRST_CARD_RUNS.flatMap((r) => {
        const range = [at, (at += r.text.length)] as [number, number];
        return r[layer] ? [range] : [];
      });
    };
    const second0 = firstParagraph.length + 2 + 'Second paragraph '.length;
    expect(first).toEqual({
      tag: 'The CSTO is not a defence pact',
      citeShort: 'Strakes 20',
      citeFull:
        '[Jason E. Strakes, Senior Researcher, “Russia and the Nagorno-Karabakh Conflict: Genuine Threat or Misconception?”, BESA Center, 11-4-2020, https://besacenter.org/russia-nagorno-karabakh/]',
      citeParagraph: expect.stringMatching(/^Strakes 20 \[Jason E\. Strakes/),
      passage: `${firstParagraph}\n\nSecond paragraph of the card.`,
      marks: normalizeMarks(
        {
          underline: [...ranges('underline'), [second0, second0 + 'of the card.'.length]],
          highlight: ranges('highlight'),
        },
        10_000,
      ),
      pocket: '1NC: CSTO',
      hat: 'Article 4',
      block: 'AT: Article 4 obliged the CSTO',
    });
    expect(first!.marks.underline.slice(0, 2)).toEqual([
      [22, 46],
      [57, 111],
    ]);
    // A cite in plain bold (no Cite style) still gives its short cite.
    expect(second).toMatchObject({
      citeShort: 'Turchenko 23',
      passage: 'Yerevan did not appeal to the CSTO in 2020.',
      marks: { underline: [[8, 22]], highlight: [[8, 22]] },
      block: 'AT: Armenia asked for help',
    });
  });
});

describe('the blocks file of a map', () => {
  const READ = 'collective defense mechanism';

  it('holds the side’s answers with their cards, cut as on the map', async () => {
    const owner = await user();
    const { id, quote } = await demoWithCard(owner, READ);
    const cards = await parseVerbatimDocx(
      (await exportBlocksDocx(owner, id, { side: 'FOR' })).body,
    );
    const kazakh = cards.find(
      (c) => c.passage === quote && c.pocket === 'Answers to their objections',
    )!;
    const answered = DEMO_NODES.filter((n) => ['s-not-nato', 's-non-intervention'].includes(n.key));
    expect(answered.map((n) => n.text)).toContain(kazakh.block);
    expect(kazakh.pocket).toBe('Answers to their objections');
    expect(kazakh.citeShort).toBe('Turchenko 2023');
    expect(kazakh.citeFull).toMatch(
      /^\(Mikhail Turchenko, .*Nagorno-Karabakh Shows.*September 21, 2023/,
    );
    const at = quote.indexOf(READ);
    expect(kazakh.marks).toEqual({
      underline: [[0, quote.length]],
      highlight: [[at, at + READ.length]],
    });
    // Evidence nobody cut is exported whole, with no marks.
    expect(
      cards.some((c) => c.marks.underline.length === 0 && c.marks.highlight.length === 0),
    ).toBe(true);
  });

  it('prints through LibreOffice with the highlighted words in yellow', async () => {
    const soffice = '/usr/bin/libreoffice';
    if (!existsSync(soffice))
      throw new Error(
        'LibreOffice is needed for this test: install the Debian packages libreoffice-writer-nogui and poppler-utils.',
      );
    const owner = await user();
    const { id } = await demoWithCard(owner, READ);
    const file = await exportBlocksDocx(owner, id, { side: 'FOR' });
    const dir = await mkdtemp(path.join(tmpdir(), 'verbatim-'));
    const profile = await mkdtemp(path.join(tmpdir(), 'lo-'));
    try {
      const docx = path.join(dir, 'blocks.docx');
      await writeFile(docx, file.body);
      await run(
        soffice,
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ],
        { timeout: 120_000 },
      );
      const pdf = path.join(dir, 'blocks.pdf');
      const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
      expect(text.replace(/\s+/g, ' ')).toContain(READ);
      expect(text).toContain('Answers to their objections');
      // The pages as pictures: the highlight is there, in yellow.
      await run('pdftoppm', ['-r', '40', pdf, path.join(dir, 'page')]);
      const pages = (await readdir(dir)).filter((f) => f.endsWith('.ppm'));
      let yellow = 0;
      for (const page of pages) yellow += yellowPixels(await readFile(path.join(dir, page)));
      expect(yellow).toBeGreaterThan(20);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(profile, { recursive: true, force: true });
    }
  }, 180_000);

  it('is refused to a stranger, and given to a viewer; a team gives its side', async () => {
    const owner = await user();
    const { id } = await demoWithCard(owner, READ);
    expect(await outcome(exportBlocksDocx(await user(), id, { side: 'FOR' }))).toBe('NOT_FOUND');
    expect(await outcome(exportBriefDocx(await user(), id))).toBe('NOT_FOUND');
    const viewer = await addMember(id, 'VIEWER');
    expect(await outcome(exportBlocksDocx(viewer, id, { side: 'AGAINST' }))).toBe('ok');
    const team = await testDb().team.findFirstOrThrow({ where: { mapId: id, side: 'AGAINST' } });
    const file = await exportBlocksDocx(viewer, id, { teamId: team.id });
    expect(file.fileName).toBe('blocks-blocks-demo-team-strakes.docx');
    expect(await outcome(exportBlocksDocx(viewer, id, { teamId: 'nope' }))).toBe('NOT_FOUND');
  });

  it('gives a team’s members the team’s own cut, and anyone else only the shared cut', async () => {
    const owner = await user();
    const { id, quote, nodeId } = await demoWithCard(owner, READ);
    const teamOf = (side: 'FOR' | 'AGAINST') =>
      testDb().team.findFirstOrThrow({ where: { mapId: id, side } });
    const [ours, theirs] = [await teamOf('FOR'), await teamOf('AGAINST')];
    const member = await addMember(id, 'COMMENTER');
    const rival = await addMember(id, 'COMMENTER');
    await testDb().teamMember.createMany({
      data: [
        { teamId: ours.id, userId: member.userId },
        { teamId: theirs.id, userId: rival.userId },
      ],
    });
    const OWN = 'never provided evidence';
    const at = quote.indexOf(OWN);
    await sendSocial(member, id, [
      {
        type: 'upsertAnnotation',
        id: randomUUID(),
        teamId: ours.id,
        target: { kind: 'NODE', nodeId },
        kind: 'CUT',
        marks: { underline: [[0, quote.length]], highlight: [[at, at + OWN.length]] },
      },
    ]);
    /** The words read aloud in the Kazakh card, wherever it shows in the team's blocks file. */
    const highlighted = async (reader: Actor) => {
      const file = await exportBlocksDocx(reader, id, { teamId: ours.id });
      const cards = (await parseVerbatimDocx(file.body)).filter((c) => c.passage === quote);
      expect(cards.length).toBeGreaterThan(0);
      return [
        ...new Set(
          cards.map((c) => c.marks.highlight.map(([s, e]) => quote.slice(s, e)).join('|')),
        ),
      ];
    };
    expect(await highlighted(member)).toEqual([OWN]);
    // On the other team, the same file has the map's shared cut, never this team's.
    expect(await highlighted(rival)).toEqual([READ]);
    // The shared cut is unchanged for everyone else's side files.
    const shared = await parseVerbatimDocx(
      (await exportBlocksDocx(member, id, { side: 'FOR' })).body,
    );
    const kazakh = shared.find((c) => c.passage === quote)!;
    expect(kazakh.marks.highlight.map(([s, e]) => quote.slice(s, e))).toEqual([READ]);
  });

  it('gives the debate brief as a .docx with its quotes', async () => {
    const owner = await user();
    const { id, quote } = await demoWithCard(owner, READ);
    const brief = await exportBriefDocx(owner, id);
    expect(brief.fileName).toBe('brief-blocks-demo.docx');
    const { value } = await import('mammoth').then((m) =>
      m.default.extractRawText({ buffer: brief.body }),
    );
    expect(value).toContain('For the motion');
    expect(value).toContain(quote);
  });
});

/** How many pixels of a binary PPM (P6) picture are highlighter yellow. */
function yellowPixels(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'))!;
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3)
    if (ppm[i]! > 220 && ppm[i + 1]! > 220 && ppm[i + 2]! < 80) count++;
  return count;
}
