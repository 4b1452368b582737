import { afterAll, describe, expect, it } from 'vitest';
import { toErrorResponse } from '@/lib/server/errors';
import { readOpsRequest } from '@/lib/server/maps/apply-ops';
import { exportMap } from '@/lib/server/maps/export-map';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { addMember, testDb } from '../factories';
import { apply, claim, editableMap, errorOf, id, snapshot } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

const put = (nodeId: string, section: string | null, was: string | null = null) => ({
  type: 'updateNode' as const,
  id: nodeId,
  expect: { section: was },
  section,
});

describe('editing a map’s sections and tag colours', () => {
  it('an editor makes sections, puts cards in them, renames and deletes one; undo puts it all back', async () => {
    const { map, editor } = await editableMap();
    const [a, b, top, sub] = [id(), id(), id(), id()];
    await apply(editor, map.id, [claim(a), claim(b, 'Another claim')]);
    await apply(editor, map.id, [
      { type: 'createSection', id: top, title: ' Who pays ' },
      { type: 'createSection', id: sub, title: 'Families', parentId: top },
      put(a, top),
      put(b, sub),
    ]);
    let view = (await getMapSnapshot(editor, map.id)).sectionsView;
    expect(view?.sections.map((s) => [s.title, s.level, s.parentId])).toEqual([
      ['Who pays', 1, null],
      ['Families', 2, top],
    ]);
    expect(view?.nodeSection).toEqual({ [a]: top, [b]: sub });
    // A section is no content edit: the card's version stays.
    expect((await testDb().node.findUniqueOrThrow({ where: { id: a } })).version).toBe(1);

    await apply(editor, map.id, [
      { type: 'renameSection', id: top, title: 'Who pays the tax', expect: { title: 'Who pays' } },
    ]);
    await apply(editor, map.id, [{ type: 'deleteSection', id: top }]);
    view = (await getMapSnapshot(editor, map.id)).sectionsView;
    expect(view).toBeUndefined();
    // The cards stay on the map, in no section.
    expect((await getMapSnapshot(editor, map.id)).nodes).toHaveLength(2);
    const rows = await testDb().node.findMany({ where: { mapId: map.id } });
    expect(rows.map((r) => r.section)).toEqual([null, null]);

    // Undo, as the store sends it (the logged inverse): both sections and their cards are back.
    const logged = await testDb().mapOp.findFirstOrThrow({
      where: { mapId: map.id },
      orderBy: { seq: 'desc' },
    });
    const { inverse } = logged.op as { inverse: Parameters<typeof apply>[2] };
    await apply(editor, map.id, inverse);
    view = (await getMapSnapshot(editor, map.id)).sectionsView;
    expect(view?.sections.map((s) => s.title)).toEqual(['Who pays the tax', 'Families']);
    expect(view?.nodeSection).toEqual({ [a]: top, [b]: sub });

    // The Argdown export writes the edited sections as headings, the cards under them.
    const file = await exportMap(editor, map.id, 'argdown');
    expect(file.body).toMatch(
      /# Who pays the tax[\s\S]*A claim[\s\S]*## Families[\s\S]*Another claim/,
    );
  });

  it('refuses a viewer, a missing section, a stale rename and bad input, changing nothing', async () => {
    const { map, editor } = await editableMap();
    const [a, s] = [id(), id()];
    await apply(editor, map.id, [claim(a), { type: 'createSection', id: s, title: 'One' }]);
    const before = await snapshot(map.id);
    const sectionsBefore = (await testDb().argumentMap.findUniqueOrThrow({ where: { id: map.id } }))
      .sections;
    const viewer = await addMember(map.id, 'VIEWER');
    expect(
      (await errorOf(apply(viewer, map.id, [{ type: 'createSection', id: id(), title: 'Mine' }])))
        .code,
    ).toBe('FORBIDDEN');
    expect((await errorOf(apply(viewer, map.id, [put(a, s)]))).code).toBe('FORBIDDEN');
    // A batch whose second op fails writes nothing of its first.
    const missing = await errorOf(
      apply(editor, map.id, [{ type: 'createSection', id: id(), title: 'Two' }, put(a, id())]),
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('Change 2 of 2: The section does not exist on this map');
    const stale = await errorOf(
      apply(editor, map.id, [
        { type: 'renameSection', id: s, title: 'Uno', expect: { title: 'Not one' } },
      ]),
    );
    expect(stale.code).toBe('STALE_VERSION');
    expect(await snapshot(map.id)).toEqual(before);
    expect(
      (await testDb().argumentMap.findUniqueOrThrow({ where: { id: map.id } })).sections,
    ).toEqual(sectionsBefore);
  });

  it('answers a bad section title or tag colour with 400 and a sentence', async () => {
    const answerTo = (ops: unknown[]) =>
      readOpsRequest(
        new Request('http://test/api/maps/x/ops', {
          method: 'POST',
          body: JSON.stringify({ ops }),
          headers: { 'content-type': 'application/json', origin: 'http://test' },
        }),
      ).then(
        () => null,
        (error: unknown) => toErrorResponse(error),
      );
    const blank = await answerTo([{ type: 'createSection', id: 's1', title: '   ' }]);
    expect(blank?.status).toBe(400);
    expect(blank?.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: 'ops.0.title: A section needs a title' },
    });
    const long = await answerTo([{ type: 'createSection', id: 's1', title: 'x'.repeat(301) }]);
    expect(long?.body).toMatchObject({
      error: { message: 'ops.0.title: A section title is at most 300 characters' },
    });
    const colour = await answerTo([
      { type: 'setTagColor', tag: 'pro', colour: 'red', expect: null },
    ]);
    expect(colour?.status).toBe(400);
    expect(colour?.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'ops.0.colour: A tag colour is written #rrggbb',
      },
    });
  });

  it('an editor sets a tag’s colour for the map; undo restores it; Argdown and backup exports carry it', async () => {
    const { map, editor } = await editableMap();
    const owner = { kind: 'user' as const, userId: map.ownerId };
    const a = id();
    await apply(editor, map.id, [claim(a)]);
    await apply(editor, map.id, [
      { type: 'updateNode', id: a, expect: { tags: [] }, tags: ['pro'] },
      { type: 'setTagColor', tag: 'pro', colour: '#7E22CE', expect: null },
    ]);
    expect((await getMapSnapshot(editor, map.id)).tagColors).toEqual({ pro: '#7e22ce' });
    const argdown = await exportMap(editor, map.id, 'argdown');
    expect(argdown.body).toContain('color: {"tagColors":{"pro":"#7e22ce"}}');
    const backup = await exportMap(owner, map.id, 'backup');
    expect(JSON.parse(backup.body).map.tagColors).toEqual({ pro: '#7e22ce' });
    const restored = await importMap(owner, {
      text: backup.body,
      fileName: 'map.json',
      format: 'backup',
    });
    expect((await getMapSnapshot(owner, restored.id)).tagColors).toEqual({ pro: '#7e22ce' });

    // Someone else's colour since is not overwritten.
    const viewer = await addMember(map.id, 'VIEWER');
    expect(
      (
        await errorOf(
          apply(viewer, map.id, [
            { type: 'setTagColor', tag: 'pro', colour: '#15803d', expect: '#7e22ce' },
          ]),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await errorOf(
          apply(editor, map.id, [
            { type: 'setTagColor', tag: 'pro', colour: '#15803d', expect: null },
          ]),
        )
      ).code,
    ).toBe('STALE_VERSION');
    // Undo: back to the default.
    await apply(editor, map.id, [
      { type: 'setTagColor', tag: 'pro', colour: null, expect: '#7e22ce' },
    ]);
    expect((await getMapSnapshot(editor, map.id)).tagColors).toEqual({});
    expect(
      (await testDb().argumentMap.findUniqueOrThrow({ where: { id: map.id } })).tagColors,
    ).toBeNull();
  });
});
