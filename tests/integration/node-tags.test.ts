import { afterAll, describe, expect, it } from 'vitest';
import { toErrorResponse } from '@/lib/server/errors';
import { readOpsRequest } from '@/lib/server/maps/apply-ops';
import { exportBackup } from '@/lib/server/maps/export-backup';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { addMember, testDb } from '../factories';
import { apply, claim, editableMap, errorOf, id, snapshot } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

describe('tags on a map’s cards', () => {
  it('an editor tags a card, and the tags are stored, undone and read back', async () => {
    const { map, editor } = await editableMap();
    const a = id();
    await apply(editor, map.id, [claim(a)]);
    await apply(editor, map.id, [
      { type: 'updateNode', id: a, expect: { tags: [] }, tags: [' health  care ', 'Pro', 'pro'] },
    ]);
    const row = await testDb().node.findUniqueOrThrow({ where: { id: a } });
    expect(row.tags).toEqual(['health care', 'Pro']);
    expect(row.version).toBe(1);
    expect((await getMapSnapshot(editor, map.id)).nodes[0]!.tags).toEqual(['health care', 'Pro']);

    // Undo as the store sends it: the inverse expects the tags the edit set.
    await apply(editor, map.id, [
      { type: 'updateNode', id: a, expect: { tags: ['health care', 'Pro'] }, tags: [] },
    ]);
    expect((await testDb().node.findUniqueOrThrow({ where: { id: a } })).tags).toEqual([]);
  });

  it('refuses a viewer, and bad or stale tags, changing nothing', async () => {
    const { map, editor } = await editableMap();
    const a = id();
    await apply(editor, map.id, [claim(a)]);
    const before = await snapshot(map.id);
    const viewer = await addMember(map.id, 'VIEWER');
    const tag = (tags: string[], expect: string[] = []) =>
      apply(viewer, map.id, [{ type: 'updateNode', id: a, expect: { tags: expect }, tags }]);
    expect((await errorOf(tag(['ok']))).code).toBe('FORBIDDEN');
    const stale = await errorOf(
      apply(editor, map.id, [{ type: 'updateNode', id: a, expect: { tags: ['x'] }, tags: ['y'] }]),
    );
    expect(stale.code).toBe('STALE_VERSION');
    expect(await snapshot(map.id)).toEqual(before);
  });

  it('answers a bad tag with 400 and a sentence', async () => {
    const answer = await readOpsRequest(
      new Request('http://test/api/maps/x/ops', {
        method: 'POST',
        body: JSON.stringify({
          ops: [{ type: 'updateNode', id: 'n1', expect: { tags: [] }, tags: ['x'.repeat(41)] }],
        }),
        headers: { 'content-type': 'application/json', origin: 'http://test' },
      }),
    ).then(
      () => null,
      (error: unknown) => toErrorResponse(error),
    );
    expect(answer?.status).toBe(400);
    expect(answer?.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: 'ops.0.tags.0: A tag is at most 40 characters' },
    });
  });

  it('keeps tags and tag colours through a JSON backup', async () => {
    const { map, editor } = await editableMap();
    const owner = { kind: 'user' as const, userId: map.ownerId };
    const a = id();
    await apply(editor, map.id, [claim(a)]);
    await apply(editor, map.id, [
      { type: 'updateNode', id: a, expect: { tags: [] }, tags: ['pro', 'economy'] },
    ]);
    await testDb().argumentMap.update({
      where: { id: map.id },
      data: { tagColors: { pro: '#2ca02c' } },
    });
    const backup = await exportBackup(owner, map.id);
    expect(backup.map.tagColors).toEqual({ pro: '#2ca02c' });
    expect(backup.nodes[0]!.tags).toEqual(['pro', 'economy']);
    const restored = await importMap(owner, {
      text: JSON.stringify(backup),
      fileName: 'map.json',
      format: 'backup',
    });
    const copy = await getMapSnapshot(owner, restored.id);
    expect(copy.tagColors).toEqual({ pro: '#2ca02c' });
    expect(copy.nodes.map((n) => n.tags)).toEqual([['pro', 'economy']]);

    const bad = { ...backup, nodes: [{ ...backup.nodes[0]!, tags: ['a)b'] }] };
    const refused = await errorOf(
      importMap(owner, { text: JSON.stringify(bad), fileName: 'map.json', format: 'backup' }),
    );
    expect(refused.message).toBe('nodes[0].tags[0]: A tag cannot contain “)”');
  });
});
