import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { TOpInput } from '@/lib/domain/ops';
import type { Actor } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { getMapAt, getMapHistory } from '@/lib/server/maps/get-map-history';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { getUndoHistory } from '@/lib/server/maps/get-undo-history';
import { openMapStream } from '@/lib/server/realtime/map-stream';
import { addSource, listSources, updateSourceDetails } from '@/lib/server/sources/add-source';
import { addMember, createMap, testDb } from '../factories';
import { frameData, readStreamThrough } from '../support/stream-frames';

afterAll(async () => {
  await testDb().$disconnect();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function mapWithEditor() {
  const map = await createMap();
  const owner: Actor = { kind: 'user', userId: map.ownerId };
  return { mapId: map.id, owner, editor: await addMember(map.id, 'EDITOR') };
}

const apply = (actor: Actor, mapId: string, ops: TOpInput[]) =>
  applyMapOps(
    actor,
    mapId,
    ZApplyOpsInput.parse({ ops, intent: 'do', idempotencyKey: randomUUID() }),
  );

const pdfSource = {
  format: 'PDF',
  fileName: 'report.pdf',
  title: 'A report',
  author: 'Doe, Jane; Roe, Richard',
  qualifications: 'Researchers at the Institute',
  publisher: 'The Institute',
  publishedOn: '2020-03-04',
  url: 'https://example.org/report',
  accessedOn: '',
  side: 'FOR',
  pages: [
    { label: 'i', text: '  Preface text.\r\nSecond line.  ' },
    { label: 'ii', text: 'Page two says this.' },
    { label: 'iii', text: 'Page three ends it.' },
  ],
} as const;

describe('adding a source to a map', () => {
  it('saves a reviewed PDF with its pages, and every reader of the map gets it', async () => {
    const { mapId, editor } = await mapWithEditor();
    const { id } = await addSource(editor, mapId, pdfSource);
    const stored = await testDb().source.findUniqueOrThrow({ where: { id } });
    expect(stored.text).toBe(
      'Preface text.\nSecond line.\n\nPage two says this.\n\nPage three ends it.',
    );
    expect(stored.pageStarts).toEqual([0, 28, 49]);
    expect(stored.text.slice(stored.pageStarts[1])).toMatch(/^Page two/);
    expect(stored.text.slice(stored.pageStarts[2])).toMatch(/^Page three/);
    expect(stored.pageLabels).toEqual(['i', 'ii', 'iii']);
    expect(stored).toMatchObject({
      format: 'PDF',
      fileName: 'report.pdf',
      author: 'Doe, Jane; Roe, Richard',
      qualifications: 'Researchers at the Institute',
      side: 'FOR',
      accessedOn: null,
    });
    expect(stored.publishedOn?.toISOString().slice(0, 10)).toBe('2020-03-04');

    const viewer = await addMember(mapId, 'VIEWER');
    expect((await listSources(viewer, mapId)).map((s) => s.id)).toEqual([id]);
    expect((await getMapSnapshot(viewer, mapId)).sources.map((s) => s.title)).toEqual(['A report']);
  });

  it('keeps plain page numbers as no labels, and pasted text as one text without pages', async () => {
    const { mapId, owner } = await mapWithEditor();
    const paged = await addSource(owner, mapId, {
      ...pdfSource,
      pages: [
        { label: '1', text: 'One.' },
        { label: '', text: 'Two.' },
      ],
    });
    const row = await testDb().source.findUniqueOrThrow({ where: { id: paged.id } });
    expect([row.pageStarts, row.pageLabels]).toEqual([[0, 6], []]);

    const { pages: _pages, ...rest } = pdfSource;
    const pasted = await addSource(owner, mapId, { ...rest, format: 'TEXT', text: 'Just text.' });
    const plain = await testDb().source.findUniqueOrThrow({ where: { id: pasted.id } });
    expect([plain.text, plain.pageStarts]).toEqual(['Just text.', []]);
  });

  it('refuses bad details, empty text and readers who may not edit, writing nothing', async () => {
    const { mapId, owner } = await mapWithEditor();
    const viewer = await addMember(mapId, 'VIEWER');
    const outsider: Actor = {
      kind: 'user',
      userId: (await addMember((await createMap()).id, 'VIEWER')).userId,
    };
    expect((await failure(addSource(viewer, mapId, pdfSource))).code).toBe('FORBIDDEN');
    expect((await failure(addSource(outsider, mapId, pdfSource))).code).toBe('NOT_FOUND');
    const badDate = await failure(
      addSource(owner, mapId, { ...pdfSource, publishedOn: '2020-02-31' }),
    );
    expect([badDate.code, badDate.message]).toEqual([
      'VALIDATION_FAILED',
      'publishedOn: That date does not exist',
    ]);
    const badUrl = await failure(
      addSource(owner, mapId, { ...pdfSource, url: 'javascript:alert(1)' }),
    );
    expect(badUrl.message).toBe('url: A web address starts with http:// or https://');
    const empty = await failure(
      addSource(owner, mapId, { ...pdfSource, pages: [{ label: '1', text: '  \n ' }] }),
    );
    expect([empty.code, empty.message]).toEqual([
      'VALIDATION_FAILED',
      'The source has no text left to save.',
    ]);
    const noTitle = await failure(addSource(owner, mapId, { ...pdfSource, title: '  ' }));
    expect(noTitle.message).toBe('title: Give the source a title');
    expect(await testDb().source.count({ where: { mapId } })).toBe(0);
    expect((await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } })).lastSeq).toBe(
      0,
    );
  });

  it('changes the details of a source but never its text', async () => {
    const { mapId, owner, editor } = await mapWithEditor();
    const { id } = await addSource(owner, mapId, pdfSource);
    const changed = await updateSourceDetails(editor, mapId, id, {
      title: 'The report, corrected',
      author: 'Doe, Jane',
      publishedOn: '2021-01-02',
      side: 'AGAINST',
    });
    expect(changed).toMatchObject({
      title: 'The report, corrected',
      publishedOn: '2021-01-02',
      side: 'AGAINST',
    });
    const withText = await failure(
      updateSourceDetails(editor, mapId, id, { title: 'x', text: 'A new text' }),
    );
    expect(withText.code).toBe('VALIDATION_FAILED');
    const row = await testDb().source.findUniqueOrThrow({ where: { id } });
    expect(row.title).toBe('The report, corrected');
    expect(row.text).toMatch(/^Preface text/);
    const other = await createMap({ ownerId: (owner as { userId: string }).userId });
    expect((await failure(updateSourceDetails(owner, other.id, id, { title: 'y' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('shows in the timeline, and leaves undo and past views of the graph alone', async () => {
    const { mapId, editor } = await mapWithEditor();
    const claimId = randomUUID();
    await apply(editor, mapId, [
      { type: 'createNode', id: claimId, kind: 'CLAIM', text: 'A claim', side: 'FOR', x: 0, y: 0 },
    ]);
    const { seq } = await addSource(editor, mapId, pdfSource);
    const history = await getMapHistory(editor, mapId, null);
    expect(history.items[0]).toMatchObject({ seq, summary: 'added the source “A report”' });
    // The editor's Undo still takes back their claim, not the source.
    const undo = (await getUndoHistory(mapId, (editor as { userId: string }).userId)).undo;
    expect(undo).toHaveLength(1);
    expect(undo[0]!.ops).toEqual([{ type: 'deleteNode', id: claimId }]);
    // The map as it was before the source: the claim is there.
    const past = await getMapAt(editor, mapId, seq - 1);
    expect(past.nodes.map((n) => n.text)).toEqual(['A claim']);
  });

  it('reaches open pages of the map as a source frame, in order with the graph batches', async () => {
    const { mapId, editor } = await mapWithEditor();
    const viewer = await addMember(mapId, 'VIEWER');
    const claimId = randomUUID();
    await apply(editor, mapId, [
      { type: 'createNode', id: claimId, kind: 'CLAIM', text: 'A claim', side: 'FOR', x: 0, y: 0 },
    ]);
    const abort = new AbortController();
    const stream = await openMapStream(viewer, mapId, 1, abort.signal);
    const { id, seq } = await addSource(editor, mapId, pdfSource);
    const text = await readStreamThrough(stream, abort, seq);
    expect(frameData(text, 'source', seq), text).toMatchObject({
      seq,
      changes: [{ type: 'addSource', id, title: 'A report' }],
    });
  });
});
