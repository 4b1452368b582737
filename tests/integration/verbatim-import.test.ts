import { afterAll, describe, expect, it } from 'vitest';
import type { CardMarks } from '@/lib/domain/evidence/card';
import type { Actor } from '@/lib/server/authz';
import { exportBlocksDocx } from '@/lib/server/evidence/export-word';
import { importVerbatimCards } from '@/lib/server/evidence/import-verbatim';
import { verbatimDocx, type CardDoc } from '@/lib/server/evidence/verbatim-docx';
import { readFormBody } from '@/lib/server/http';
import { parseVerbatimDocx } from '@/lib/server/evidence/verbatim-import';
import { createMap } from '@/lib/server/maps/create-map';
import { addMember, createUser, testDb } from '../factories';
import { VERBATIM_BODY, VERBATIM_STYLES } from '../fixtures/verbatim/verbatim-like';
import { outcome } from '../support/authorization';
import { demoWithCard } from '../support/demo-card';
import { docxOf } from '../support/docx-fixture';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

describe('importing a Verbatim file of cards', () => {
  const file = () => docxOf(VERBATIM_BODY, VERBATIM_STYLES);

  it('makes one card of a card filed under several blocks, supporting each block’s claim', async () => {
    const owner = await user();
    const { id } = await createMap(owner, {
      title: 'One card, two blocks',
      motion: 'The CSTO failed Armenia',
      template: 'blank',
    });
    const card: CardDoc = {
      tag: 'Uniforms cost families two hundred pounds a year',
      citeShort: 'Lindqvist 2021',
      citeFull: '(Ada Lindqvist, “School Uniforms and Student Outcomes,” 2021, p. 2)',
      passage: 'A full set of uniform items costs families about two hundred pounds a year.',
      marks: { underline: [[0, 27]], highlight: [[49, 67]] },
    };
    const bytes = await verbatimDocx({
      title: 'Blocks',
      lines: [],
      items: [
        { kind: 'heading', level: 3, text: 'AT: Uniforms are cheap' },
        { kind: 'card', card },
        { kind: 'heading', level: 3, text: 'AT: Costs fall on schools' },
        { kind: 'card', card },
      ],
    });
    expect(await importVerbatimCards(owner, id, bytes, 'FOR')).toMatchObject({
      cards: 1,
      claims: 2,
    });
    const nodes = await testDb().node.findMany({
      where: { mapId: id },
      include: { outgoing: true },
    });
    const evidence = nodes.filter((n) => n.kind === 'EVIDENCE');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.card).toEqual(card.marks);
    const claims = nodes.filter((n) => n.kind === 'CLAIM').map((c) => c.id);
    expect(evidence[0]!.outgoing.map((e) => e.toId).sort()).toEqual([...claims].sort());
    expect(await testDb().source.count({ where: { mapId: id } })).toBe(1);
  });

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
    const ops = (logged.op as { ops: { type: string; id: string; card?: CardMarks | null }[] }).ops;
    expect(ops.map((o) => o.type).sort()).toEqual(
      [...Array(4).fill('createNode'), ...Array(2).fill('createEdge')].sort(),
    );
    // The marks travel in the batch (others see them arrive, Undo takes them with the node).
    for (const node of evidence)
      expect(ops.find((o) => o.id === node.id)).toMatchObject({
        type: 'createNode',
        card: node.card,
      });
    expect(ops.find((o) => o.id === pact.id)!.card!.underline[0]).toEqual([22, 46]);
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
    // A card filed under several blocks comes in once.
    const parsed = await parseVerbatimDocx(exported.body);
    const distinct = new Set(
      parsed.map((c) => JSON.stringify([c.tag, c.citeParagraph, c.passage, c.marks])),
    );
    expect(parsed.length).toBeGreaterThan(distinct.size);
    expect(result.cards).toBe(distinct.size);
    const copy = await testDb().node.findFirstOrThrow({
      where: { mapId: to, anchorExact: quote },
      include: { source: true },
    });
    // What the exported cite says of the source is read back from it.
    expect(copy.source).toMatchObject({
      author: 'Turchenko, Mikhail',
      title: expect.stringMatching(/^Nagorno-Karabakh Shows Russia Has No Credibility/),
      publishedOn: new Date('2023-09-21'),
      url: expect.stringMatching(/^https:\/\/www\.themoscowtimes\.com\//),
    });
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
    // A small file that says it unpacks to gigabytes is not unpacked.
    const bomb = docxOf(VERBATIM_BODY, VERBATIM_STYLES);
    const directory = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0xfff00000, directory + 24);
    await expect(importVerbatimCards(owner, id, bomb, 'FOR')).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      message: expect.stringContaining('more than 100 MB'),
    });
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
