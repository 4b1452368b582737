import { execFile } from 'node:child_process';
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
import { importVerbatimCards } from '@/lib/server/evidence/import-verbatim';
import { verbatimDocx, type CardDoc } from '@/lib/server/evidence/verbatim-docx';
import { parseVerbatimDocx } from '@/lib/server/evidence/verbatim-import';
import { readFormBody } from '@/lib/server/http';
import { createMap } from '@/lib/server/maps/create-map';
import { DEMO_NODES } from '@/prisma/seed/demo-map';
import { addMember, createUser, testDb } from '../factories';
import { docxOf } from '../support/docx-fixture';
import { outcome } from '../support/authorization';
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

/** The demo debate as a new map of `owner`'s, with the Kazakh mission card cut: its highlight is `read`. */
async function demoWithCard(owner: Actor, read: string) {
  const { id } = await createMap(owner, {
    title: 'Blocks demo',
    motion: 'The CSTO failed Armenia',
    template: 'demo',
  });
  const quote = DEMO_NODES.find((n) => n.key === 't-kazakh-mission')!.quote!;
  const node = await testDb().node.findFirstOrThrow({ where: { mapId: id, anchorExact: quote } });
  const at = quote.indexOf(read);
  await testDb().node.update({
    where: { id: node.id },
    data: { card: { underline: [[0, quote.length]], highlight: [[at, at + read.length]] } },
  });
  return { id, quote, nodeId: node.id };
}

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
    expect(kazakh.citeShort).toBe('Turchenko 23');
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

describe('importing a Verbatim file of cards', () => {
  const file = () => docxOf(VERBATIM_BODY, VERBATIM_STYLES);

  it('adds each card as a source and a cut evidence node under its block’s claim, in one logged batch', async () => {
    const owner = await user();
    const { id } = await createMap(owner, {
      title: 'Import here',
      motion: 'The CSTO failed Armenia',
      template: 'blank',
    });
    const before = await testDb().argumentMap.findUniqueOrThrow({ where: { id } });
    const result = await importVerbatimCards(owner, id, file(), 'AGAINST', 'strakes.docx');
    expect(result).toEqual({ seq: before.lastSeq + 1, cards: 2, claims: 2 });

    const sources = await testDb().source.findMany({
      where: { mapId: id },
      orderBy: { title: 'asc' },
    });
    expect(sources.find((s) => s.author === 'Strakes, Jason E.')).toMatchObject({
      title: 'Russia and the Nagorno-Karabakh Conflict: Genuine Threat or Misconception?',
      url: 'https://besacenter.org/russia-nagorno-karabakh/',
      publishedOn: new Date('2020-11-04'),
      format: 'DOCX',
      fileName: 'strakes.docx',
      side: 'AGAINST',
    });
    const nodes = await testDb().node.findMany({
      where: { mapId: id },
      include: { outgoing: true },
    });
    const evidence = nodes.filter((n) => n.kind === 'EVIDENCE');
    const claims = nodes.filter((n) => n.kind === 'CLAIM');
    expect(claims.map((c) => c.text).sort()).toEqual([
      'AT: Armenia asked for help',
      'AT: Article 4 obliged the CSTO',
    ]);
    const pact = evidence.find((n) => n.text === 'The CSTO is not a defence pact')!;
    expect(pact.side).toBe('AGAINST');
    expect(pact.anchorStart).toBe(0);
    expect(pact.anchorExact).toBe(sources.find((s) => s.id === pact.sourceId)!.text);
    expect((pact.card as unknown as CardMarks).underline[0]).toEqual([22, 46]);
    expect(pact.outgoing).toMatchObject([
      {
        relation: 'SUPPORTS',
        toId: claims.find((c) => c.text === 'AT: Article 4 obliged the CSTO')!.id,
      },
    ]);
    const logged = await testDb().mapOp.findUniqueOrThrow({
      where: { mapId_seq: { mapId: id, seq: result.seq } },
    });
    expect((logged.op as { ops: { type: string }[] }).ops.map((o) => o.type).sort()).toEqual(
      [...Array(4).fill('createNode'), ...Array(2).fill('createEdge')].sort(),
    );
  });

  it('reads back the blocks this app exports', async () => {
    const owner = await user();
    const { id: from, quote } = await demoWithCard(owner, 'collective defense mechanism');
    const { id: to } = await createMap(owner, {
      title: 'Copy',
      motion: 'The CSTO failed Armenia',
      template: 'blank',
    });
    const exported = await exportBlocksDocx(owner, from, { side: 'FOR' });
    const result = await importVerbatimCards(owner, to, exported.body, 'FOR');
    expect(result.cards).toBe((await parseVerbatimDocx(exported.body)).length);
    const copy = await testDb().node.findFirstOrThrow({ where: { mapId: to, anchorExact: quote } });
    expect(copy.card).toMatchObject({
      highlight: [[quote.indexOf('collective'), quote.indexOf('collective') + 28]],
    });
  });

  it('refuses a viewer, a stranger and a file that is not Word, and then nothing is added', async () => {
    const owner = await user();
    const { id } = await createMap(owner, {
      title: 'Refusals',
      motion: 'The CSTO failed Armenia',
      template: 'blank',
    });
    const viewer = await addMember(id, 'VIEWER');
    const counts = async () => ({
      sources: await testDb().source.count({ where: { mapId: id } }),
      nodes: await testDb().node.count({ where: { mapId: id } }),
      ops: await testDb().mapOp.count({ where: { mapId: id } }),
    });
    const empty = await counts();
    expect(await outcome(importVerbatimCards(viewer, id, file(), 'FOR'))).toBe('FORBIDDEN');
    expect(await outcome(importVerbatimCards(await user(), id, file(), 'FOR'))).toBe('NOT_FOUND');
    expect(
      await outcome(importVerbatimCards(owner, id, Buffer.from('not a zip at all'), 'FOR')),
    ).toBe('UNPROCESSABLE');
    // A Word file with no cards in it.
    const plain = docxOf('<w:p><w:r><w:t>Just a note.</w:t></w:r></w:p>', VERBATIM_STYLES);
    expect(await outcome(importVerbatimCards(owner, id, plain, 'FOR'))).toBe('UNPROCESSABLE');
    // A card too long for a node: refused whole, the other card is not added either.
    const long = VERBATIM_BODY.replace('Second paragraph ', 'x'.repeat(6000));
    expect(
      await outcome(importVerbatimCards(owner, id, docxOf(long, VERBATIM_STYLES), 'FOR')),
    ).toBe('UNPROCESSABLE');
    expect(await counts()).toEqual(empty);
  });
});

describe('the routes’ own checks', () => {
  it('answers a side that is neither FOR nor AGAINST with a 400 naming the field', async () => {
    const { GET } = await import('@/app/api/maps/[id]/export/blocks/route');
    const response = await GET(
      new Request('http://app.example/api/maps/m1/export/blocks?side=MAYBE'),
      { params: Promise.resolve({ id: 'm1' }) },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/^side: /) },
    });
  });

  it('reads an uploaded file from a form sent by our own page, and refuses one from another site or too large', async () => {
    const form = new FormData();
    form.set('side', 'FOR');
    form.set(
      'file',
      new File([new Uint8Array(docxOf(VERBATIM_BODY, VERBATIM_STYLES))], 'cards.docx'),
    );
    const upload = async (origin: string, maxBytes = 1_000_000) => {
      const body = new Request('http://app.example/', { method: 'POST', body: form });
      const request = new Request('http://app.example/api/maps/m1/import/verbatim', {
        method: 'POST',
        body: await body.arrayBuffer(),
        headers: { 'content-type': body.headers.get('content-type')!, host: 'app.example', origin },
      });
      return readFormBody(request, maxBytes);
    };
    const read = await upload('http://app.example');
    expect(read.get('side')).toBe('FOR');
    const file = read.get('file') as File;
    expect(file.name).toBe('cards.docx');
    expect(await parseVerbatimDocx(new Uint8Array(await file.arrayBuffer()))).toHaveLength(2);
    expect(await outcome(upload('http://evil.example'))).toBe('FORBIDDEN');
    expect(await outcome(upload('http://app.example', 1000))).toBe('PAYLOAD_TOO_LARGE');
  });
});
