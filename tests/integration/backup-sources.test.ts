import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { setCitationStyle } from '@/lib/server/classrooms/set-citation-style';
import { AppError } from '@/lib/server/errors';
import { exportBackup } from '@/lib/server/maps/export-backup';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { createMap, createSource, createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

const importBackup = (actor: Actor, backup: unknown) =>
  importMap(actor, { text: JSON.stringify(backup), fileName: 'map.json', format: 'backup' });

const PDF_TEXT = 'Page one says this.\n\nPage two says that.\n\nPage three ends it.';

/** A map with a PDF source that has every citation field, and a pasted one that has none. */
async function mapWithSources(ownerId: string) {
  const map = await createMap({ ownerId });
  await createSource(map.id, PDF_TEXT, {
    title: 'Russia and the Nagorno-Karabakh Conflict',
    author: 'Strakes, Jason E.; Doe, Jane',
    qualifications: 'Director of research, CFPSS',
    publisher: 'BESA Center',
    publishedOn: new Date('2020-11-04T00:00:00Z'),
    url: 'https://besacenter.org/paper',
    accessedOn: new Date('2026-12-01T00:00:00Z'),
    format: 'PDF',
    fileName: 'strakes.pdf',
    pageStarts: [0, 21, 42],
    pageLabels: ['iv', 'v', '1'],
  });
  await createSource(map.id, 'Pasted text with no details.');
  return map;
}

describe('sources in the snapshot and in backups', () => {
  it('gives every citation field, the format and the pages, and the debate cite outside a class', async () => {
    const owner = await user();
    const map = await mapWithSources(owner.userId);
    const snapshot = await getMapSnapshot(owner, map.id);
    expect(snapshot.citationStyle).toBe('DEBATE');
    const [pdf, pasted] = snapshot.sources;
    expect(pdf).toMatchObject({
      author: 'Strakes, Jason E.; Doe, Jane',
      qualifications: 'Director of research, CFPSS',
      publishedOn: '2020-11-04',
      accessedOn: '2026-12-01',
      format: 'PDF',
      pageStarts: [0, 21, 42],
      pageLabels: ['iv', 'v', '1'],
    });
    expect(pasted).toMatchObject({
      qualifications: '',
      accessedOn: null,
      format: 'TEXT',
      pageStarts: [],
      pageLabels: [],
    });
  });

  it("gives a class map's snapshot the class's citation style", async () => {
    const teacher = await user();
    const { id: classroomId } = await createClassroom(teacher, { name: 'Period 7' });
    const map = await mapWithSources(teacher.userId);
    await testDb().argumentMap.update({ where: { id: map.id }, data: { classroomId } });
    await setCitationStyle(teacher, classroomId, 'CHICAGO');
    expect((await getMapSnapshot(teacher, map.id)).citationStyle).toBe('CHICAGO');
  });

  it('round-trips the citation fields, format and pages through a backup', async () => {
    const owner = await user();
    const map = await mapWithSources(owner.userId);
    const before = await getMapSnapshot(owner, map.id);
    const restored = await importBackup(owner, await exportBackup(owner, map.id));
    const after = await getMapSnapshot(owner, restored.id);
    const withoutIds = (s: typeof before) => s.sources.map(({ id: _id, ...rest }) => rest);
    expect(withoutIds(after)).toEqual(withoutIds(before));
  });

  it('restores a backup written before sources had these fields, with their defaults', async () => {
    const owner = await user();
    const old = {
      format: 'counterpoint-backup',
      version: 1,
      map: { title: 'Old backup', motion: 'M' },
      sources: [
        {
          id: 's1',
          title: 'An old source',
          author: 'A. Author',
          publisher: '',
          publishedOn: '2019-01-02',
          url: null,
          side: 'FOR',
          text: 'Old text.',
        },
      ],
      nodes: [],
      edges: [],
    };
    const { id } = await importBackup(owner, old);
    expect((await getMapSnapshot(owner, id)).sources).toEqual([
      expect.objectContaining({
        title: 'An old source',
        qualifications: '',
        accessedOn: null,
        format: 'TEXT',
        pageStarts: [],
        pageLabels: [],
      }),
    ]);
  });

  it('refuses pages that do not fit the text, and creates nothing', async () => {
    const owner = await user();
    const backup = await exportBackup(owner, (await mapWithSources(owner.userId)).id);
    const count = () => testDb().argumentMap.count({ where: { ownerId: owner.userId } });
    const before = await count();
    const message = async (pages: { pageStarts: number[]; pageLabels: string[] }) => {
      const raw = { ...backup, sources: [{ ...backup.sources[0]!, ...pages }] };
      try {
        await importBackup(owner, raw);
        return 'ok';
      } catch (error) {
        if (error instanceof AppError) return `${error.code}: ${error.message}`;
        throw error;
      }
    };
    expect(await message({ pageStarts: [5, 21], pageLabels: [] })).toBe(
      'VALIDATION_FAILED: sources[0].pageStarts: the first page must start at 0',
    );
    expect(await message({ pageStarts: [0, 9999], pageLabels: [] })).toMatch(
      /^VALIDATION_FAILED: sources\[0\]\.pageStarts\[1\]/,
    );
    expect(await message({ pageStarts: [0, 21], pageLabels: ['1'] })).toBe(
      'VALIDATION_FAILED: sources[0].pageLabels: give one label for each page, or none',
    );
    expect(await count()).toBe(before);
  });
});
