import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invertOp } from '@/lib/domain/invert-op';
import { graphStateOf, type TOpInput } from '@/lib/domain/ops';
import type { Actor } from '@/lib/server/authz';
import { exportMap } from '@/lib/server/maps/export-map';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { createUser, testDb } from '../factories';
import { apply } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

const owner = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/aif', name), 'utf8');

type AifFile = { AIF?: { nodes: AifNode[] }; nodes?: AifNode[] };
type AifNode = { nodeID: string; text: string; type: string; scheme?: string };
const aifNodes = (file: AifFile) => (file.AIF ?? file).nodes ?? [];

/** Every S-node's type and scheme name (OVA3's `scheme`, else its text), sorted. */
const schemeNames = (file: AifFile) =>
  aifNodes(file)
    .filter((n) => ['RA', 'CA', 'MA'].includes(n.type))
    .map((n) => `${n.type} ${n.scheme ?? n.text}`)
    .sort();

/**
 * papa-forecast-28010.json (a real OVA3 analysis with two rephrases named
 * "Evaluation") with four of its S-nodes renamed as AIFdb names schemes: a
 * catalogue scheme by its full name and by AIFdb's short one, a scheme the
 * catalogue lacks, and a conflict scheme.
 */
function renamedFile(): string {
  const file = JSON.parse(fixture('papa-forecast-28010.json')) as AifFile;
  const names: Record<string, string> = {
    '102_169471181069383003': 'Argument From Expert Opinion',
    '120_169471181069383003': 'Expert Opinion',
    '123_169471181069383003': 'Argument From Values',
    '17_8554957260962216725': 'Conflict From Bias',
  };
  for (const n of aifNodes(file)) if (names[n.nodeID]) n.text = names[n.nodeID]!;
  return JSON.stringify(file);
}

describe('AIF scheme names kept on a stored map', () => {
  it('stores every scheme name an AIF file gives, and writes the same names back on export', async () => {
    const actor = await owner();
    for (const name of ['papa-forecast-28106.json', 'papa-forecast-28010.json']) {
      const text = fixture(name);
      const imported = await importMap(actor, { text, fileName: name });
      // Nothing said lost: the rephrases named "Evaluation" are kept.
      expect(imported.ignored).toEqual([]);
      const out = JSON.parse((await exportMap(actor, imported.id, 'aif')).body) as AifFile;
      expect(schemeNames(out)).toEqual(schemeNames(JSON.parse(text) as AifFile));
    }

    const text = renamedFile();
    const imported = await importMap(actor, { text, fileName: 'renamed.json' });
    expect(imported.ignored).toEqual([]);
    const rows = await testDb().edge.findMany({ where: { mapId: imported.id } });
    const stored = rows
      .filter((e) => e.scheme || e.schemeName)
      .map((e) => [e.relation, e.scheme, e.schemeName])
      .sort();
    // The exact catalogue name needs no copy; a short name, an unknown one and a conflict's are kept.
    expect(stored).toEqual(
      [
        ['ATTACKS', null, 'Conflict From Bias'],
        ['REPHRASES', null, 'Evaluation'],
        ['REPHRASES', null, 'Evaluation'],
        ['SUPPORTS', 'expert-opinion', null],
        ['SUPPORTS', 'expert-opinion', 'Expert Opinion'],
        ['SUPPORTS', null, 'Argument From Values'],
      ].sort(),
    );
    const aif = JSON.parse((await exportMap(actor, imported.id, 'aif')).body) as AifFile;
    expect(schemeNames(aif)).toEqual(schemeNames(JSON.parse(text) as AifFile));

    // A backup carries the names: its restored map exports the same AIF scheme names.
    const backup = await exportMap(actor, imported.id, 'backup');
    const restored = await importMap(actor, { text: backup.body, fileName: backup.fileName });
    const again = JSON.parse((await exportMap(actor, restored.id, 'aif')).body) as AifFile;
    expect(schemeNames(again)).toEqual(schemeNames(aif));
  }, 60_000);

  it('drops the file’s name when a user sets the argument’s scheme, and undo brings it back', async () => {
    const actor = await owner();
    const imported = await importMap(actor, { text: renamedFile(), fileName: 'renamed.json' });
    const values = await testDb().edge.findFirstOrThrow({
      where: { mapId: imported.id, schemeName: 'Argument From Values' },
    });
    const before = await getMapSnapshot(actor, imported.id);
    const op: TOpInput = {
      type: 'updateEdge',
      id: values.id,
      expect: { scheme: null },
      scheme: 'practical-reasoning',
    };
    await apply(actor, imported.id, [op]);
    expect(await testDb().edge.findUniqueOrThrow({ where: { id: values.id } })).toMatchObject({
      scheme: 'practical-reasoning',
      schemeName: null,
    });
    const named = (file: AifFile) =>
      aifNodes(file)
        .filter((n) => n.type === 'RA')
        .map((n) => n.text);
    const out = JSON.parse((await exportMap(actor, imported.id, 'aif')).body) as AifFile;
    expect(named(out)).toContain('Practical Reasoning');
    expect(named(out)).not.toContain('Argument From Values');

    // Undo (the inverse the page sends) restores the name with the untagged scheme.
    const state = graphStateOf(
      before.nodes.map((n) => ({ ...n, deleted: false })),
      before.edges.map((e) => ({ ...e, deleted: false })),
    );
    const inverse = invertOp(state, { ...op, expect: { scheme: null } } as never);
    await apply(actor, imported.id, [inverse as TOpInput]);
    expect(await testDb().edge.findUniqueOrThrow({ where: { id: values.id } })).toMatchObject({
      scheme: null,
      schemeName: 'Argument From Values',
    });
  }, 60_000);
});
