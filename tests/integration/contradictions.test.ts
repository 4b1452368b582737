import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toErrorResponse } from '@/lib/server/errors';
import { exportBackup } from '@/lib/server/maps/export-backup';
import { exportMap } from '@/lib/server/maps/export-map';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { addMember, testDb } from '../factories';
import { apply, claim, editableMap, errorOf, id, snapshot } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

describe('two statements that contradict each other', () => {
  it('a user connects them once through the ops API; the same pair the other way round is refused, with nothing written', async () => {
    const { map, editor } = await editableMap();
    const [a, b, ab] = [id(), id(), id()];
    await apply(editor, map.id, [
      claim(a, 'Homework improves results'),
      claim(b, 'Homework does not improve results'),
      { type: 'createEdge', id: ab, fromId: a, toId: b, relation: 'CONTRADICTS' },
    ]);
    const stored = await testDb().edge.findUniqueOrThrow({ where: { id: ab } });
    expect(stored).toMatchObject({ fromId: a, toId: b, relation: 'CONTRADICTS', groupId: null });

    const before = await snapshot(map.id);
    const error = await errorOf(
      apply(editor, map.id, [
        claim(id(), 'Written in the same batch'),
        { type: 'createEdge', id: id(), fromId: b, toId: a, relation: 'CONTRADICTS' },
      ]),
    );
    expect(toErrorResponse(error)).toEqual({
      status: 409,
      body: {
        error: {
          code: 'DUPLICATE_EDGE',
          message: 'Change 2 of 2: These two statements already contradict each other',
        },
      },
    });
    expect(await snapshot(map.id)).toEqual(before);
  });

  it('refuses a contradiction in a linked group or of a statement with itself as bad input (4xx), with nothing written', async () => {
    const { map, editor } = await editableMap();
    const [a, b] = [id(), id()];
    await apply(editor, map.id, [claim(a), claim(b)]);
    const before = await snapshot(map.id);
    for (const ops of [
      [
        {
          type: 'createEdge',
          id: id(),
          fromId: a,
          toId: b,
          relation: 'CONTRADICTS',
          groupId: id(),
        },
      ],
      [{ type: 'createEdge', id: id(), fromId: a, toId: a, relation: 'CONTRADICTS' }],
    ] as const) {
      const { status, body } = toErrorResponse(await errorOf(apply(editor, map.id, [...ops])));
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(await snapshot(map.id)).toEqual(before);
    }
  });

  it('a viewer cannot make one', async () => {
    const { map, editor } = await editableMap();
    const [a, b] = [id(), id()];
    await apply(editor, map.id, [claim(a), claim(b)]);
    const viewer = await addMember(map.id, 'VIEWER');
    const error = await errorOf(
      apply(viewer, map.id, [
        { type: 'createEdge', id: id(), fromId: a, toId: b, relation: 'CONTRADICTS' },
      ]),
    );
    expect(toErrorResponse(error).status).toBe(403);
  });

  it('survives a JSON backup and its restore', async () => {
    const { map, editor } = await editableMap();
    const [a, b] = [id(), id()];
    await apply(editor, map.id, [
      claim(a, 'Uniforms raise grades'),
      claim(b, 'Uniforms do not raise grades'),
      { type: 'createEdge', id: id(), fromId: a, toId: b, relation: 'CONTRADICTS' },
    ]);
    const backup = await exportBackup(editor, map.id);
    const restored = await importMap(editor, { text: JSON.stringify(backup) });
    const { nodes, edges } = await getMapSnapshot(editor, restored.id);
    const text = new Map(nodes.map((n) => [n.id, n.text]));
    expect(edges.map((e) => `${text.get(e.fromId)} ${e.relation} ${text.get(e.toId)}`)).toEqual([
      'Uniforms raise grades CONTRADICTS Uniforms do not raise grades',
    ]);
  });

  it('refuses a backup that breaks the rules edits keep (a pair both ways, a grouped one), with no map made', async () => {
    const { map, editor } = await editableMap();
    const [a, b] = [id(), id()];
    await apply(editor, map.id, [
      claim(a, 'Uniforms raise grades'),
      claim(b, 'Uniforms do not raise grades'),
      { type: 'createEdge', id: id(), fromId: a, toId: b, relation: 'CONTRADICTS' },
    ]);
    const backup = await exportBackup(editor, map.id);
    const [edge] = backup.edges;
    const before = await testDb().argumentMap.count();
    for (const [edges, message] of [
      [
        [edge!, { ...edge!, id: id(), fromId: edge!.toId, toId: edge!.fromId }],
        'these two statements already contradict each other',
      ],
      [[{ ...edge!, groupId: id() }], 'a contradiction cannot be in a linked group'],
    ] as const) {
      const { status, body } = toErrorResponse(
        await errorOf(importMap(editor, { text: JSON.stringify({ ...backup, edges }) })),
      );
      expect(status).toBe(400);
      expect(JSON.stringify(body)).toContain(message);
    }
    expect(await testDb().argumentMap.count()).toBe(before);
  });

  it('an OVA3 analysis’s conflicts one each way are stored as contradictions, kept by its AIF export and backup', async () => {
    const { editor } = await editableMap();
    // Five forecasts that exclude each other: a conflict each way between every two (SOURCES.md).
    const text = readFileSync(
      path.join(import.meta.dirname, '../fixtures/aif/papa-forecast-28106.json'),
      'utf8',
    );
    const relations = async (mapId: string) => {
      const { nodes, edges } = await getMapSnapshot(editor, mapId);
      const kinds = new Map(nodes.map((n) => [n.id, n.kind]));
      const ends = edges
        .filter((e) => e.relation === 'CONTRADICTS')
        .flatMap((e) => [e.fromId, e.toId]);
      return {
        contradictions: edges.filter((e) => e.relation === 'CONTRADICTS').length,
        attacks: edges.filter((e) => e.relation === 'ATTACKS').length,
        endKinds: [...new Set(ends.map((n) => kinds.get(n)))],
      };
    };
    const imported = await importMap(editor, { text, fileName: 'papa-forecast-28106.json' });
    expect(imported.ignored).toEqual([]);
    const first = await relations(imported.id);
    // None of the five is the others' objection.
    expect(first).toEqual({ contradictions: 10, attacks: 0, endKinds: ['CLAIM'] });
    for (const format of ['aif', 'backup'] as const) {
      const copy = await importMap(editor, {
        text: (await exportMap(editor, imported.id, format)).body,
        fileName: `copy.${format}.json`,
      });
      expect(await relations(copy.id)).toEqual(first);
    }
  }, 60_000);
});
