import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '@/lib/domain/interchange';
import { estimateNodeHeight, NODE_WIDTH } from '@/lib/domain/layout';
import type { Actor } from '@/lib/server/authz';
import { readBytesBody } from '@/lib/server/http';
import { createMap } from '@/lib/server/maps/create-map';
import { exportMap } from '@/lib/server/maps/export-map';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { applySocialOps, ZApplySocialOpsInput } from '@/lib/server/social/apply-social-ops';
import { createUser, testDb } from '../factories';
import { refusalOf } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});
const fixture = (dir: string, name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures', dir, name), 'utf8');
describe('AIF and Argdown through the database', () => {
  for (const format of ['aif', 'argdown'] as const) {
    it(`exports the demo debate as ${format}, imports it as a new map, and exports that map to the same file`, async () => {
      const owner = await user();
      const { id } = await createMap(owner, {
        title: 'CSTO debate',
        motion: 'Russia failed Armenia',
        template: 'demo',
      });
      const first = await exportMap(owner, id, format);
      expect(first.fileName).toBe(
        format === 'aif' ? 'csto-debate.aif.json' : 'csto-debate.argdown',
      );
      const imported = await importMap(owner, { text: first.body, fileName: first.fileName });
      expect(imported.format).toBe(format);
      const [original, copy] = await Promise.all([
        getMapSnapshot(owner, id),
        getMapSnapshot(owner, imported.id),
      ]);
      expect(copy.title).toBe('CSTO debate');
      expect(copy.nodes.map((n) => `${n.kind}|${n.side}|${n.x},${n.y}|${n.text}`).sort()).toEqual(
        original.nodes
          .map((n) => `${n.kind}|${n.side}|${n.x},${n.y}|${n.text.replace(/\s+/g, ' ').trim()}`)
          .sort(),
      );
      expect(copy.edges).toHaveLength(original.edges.length);
      expect((await exportMap(owner, imported.id, format)).body).toBe(first.body);
    }, 60_000);
  }

  it('imports the real-world files, laying out those without usable positions', async () => {
    const owner = await user();
    const ova = await importMap(owner, {
      text: fixture('aif', 'ova3-rebut-undercut.json'),
      fileName: 'rebut_undercut.json',
    });
    const ovaMap = await getMapSnapshot(owner, ova.id);
    expect(ovaMap.title).toBe('rebut undercut');
    expect(ovaMap.nodes.map((n) => `${n.text}@${n.x},${n.y}`).sort()).toEqual([
      'A and B are totally unrelated@527,364',
      'A@664,152',
      'B@790,301',
      'not B@629,476',
    ]);
    expect(ovaMap.edges.map((e) => e.relation).sort()).toEqual([
      'ATTACKS',
      'SUPPORTS',
      'UNDERCUTS',
    ]);

    for (const [dir, name, count] of [
      ['argdown', 'legalisation-softdrugs.argdown', 18],
      ['aif', 'papa-xaif-basic.json', 3],
    ] as const) {
      const { id } = await importMap(owner, { text: fixture(dir, name), fileName: name });
      const map = await getMapSnapshot(owner, id);
      expect(map.nodes).toHaveLength(count);
      // Laid out: no two cards overlap.
      const boxes = map.nodes.map((n) => ({
        x: n.x,
        y: n.y,
        w: NODE_WIDTH,
        h: estimateNodeHeight(n.text, false),
      }));
      const overlapping = boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h),
      );
      expect(overlapping).toEqual([]);
    }
  }, 60_000);

  it('titles an AIF map by its file (or as the importer asks), leaves its motion empty, lays out a one-column file afresh and loses nothing of it', async () => {
    const owner = await user();
    const text = fixture('aif', 'papa-forecast-28010.json');
    const imported = await importMap(owner, { text, fileName: 'papa-forecast-28010.json' });
    expect(imported.ignored).toEqual([]);
    const map = await getMapSnapshot(owner, imported.id);
    expect([map.title, map.motion]).toEqual(['papa forecast 28010', '']);
    // OVA had the nine claims in one column; the map spreads them in rows and columns.
    expect(map.nodes).toHaveLength(9);
    expect(new Set(map.nodes.map((n) => n.y)).size).toBeLessThan(9);
    expect(
      Math.max(...map.nodes.map((n) => n.x)) - Math.min(...map.nodes.map((n) => n.x)),
    ).toBeGreaterThanOrEqual(NODE_WIDTH);
    // The map's backup, motion empty, restores.
    const again = await importMap(owner, {
      text: (await exportMap(owner, imported.id, 'backup')).body,
      fileName: 'copy.json',
    });
    expect((await getMapSnapshot(owner, again.id)).motion).toBe('');

    // A title the importer types is the map's, for a file without one and for a backup with one.
    const named = await importMap(owner, {
      text,
      fileName: 'papa-forecast-28010.json',
      title: 'Forecasts for Algeria',
    });
    expect((await getMapSnapshot(owner, named.id)).title).toBe('Forecasts for Algeria');
    const renamed = await importMap(owner, {
      text: (await exportMap(owner, imported.id, 'backup')).body,
      fileName: 'copy.json',
      title: 'A copy for the other class',
    });
    expect((await getMapSnapshot(owner, renamed.id)).title).toBe('A copy for the other class');

    // A support's scheme the catalogue knows is stored on the map, and written back on export.
    const expert = await importMap(owner, {
      text: JSON.stringify({
        nodes: [
          { nodeID: '1', text: 'The drug is safe.', type: 'I' },
          { nodeID: '2', text: 'The regulator’s scientists say so.', type: 'I' },
          { nodeID: '3', text: 'Argument From Expert Opinion', type: 'RA' },
        ],
        edges: [
          { fromID: '2', toID: '3' },
          { fromID: '3', toID: '1' },
        ],
      }),
      fileName: 'drug.json',
    });
    expect(expert.ignored).toEqual([]);
    expect((await getMapSnapshot(owner, expert.id)).edges.map((e) => e.scheme)).toEqual([
      'expert-opinion',
    ]);
    const aif = JSON.parse((await exportMap(owner, expert.id, 'aif')).body) as {
      AIF: { nodes: { type: string; text: string }[] };
    };
    expect(aif.AIF.nodes.filter((n) => n.type === 'RA').map((n) => n.text)).toEqual([
      'Argument From Expert Opinion',
    ]);

    // Two attackers of one conflict stay one attack through the database, and one CA-node on export.
    const linked = await importMap(owner, {
      text: JSON.stringify({
        nodes: [
          { nodeID: 'c', text: 'We should build the bridge.', type: 'I' },
          { nodeID: 'a', text: 'It costs more than the town has.', type: 'I' },
          { nodeID: 'b', text: 'No grant will cover the difference.', type: 'I' },
          { nodeID: 'x', text: 'Default Conflict', type: 'CA' },
          { nodeID: 'y', text: 'Default Conflict', type: 'CA' },
        ],
        edges: [
          { fromID: 'a', toID: 'x' },
          { fromID: 'b', toID: 'x' },
          { fromID: 'x', toID: 'c' },
          { fromID: 'y', toID: 'c' },
        ],
      }),
      fileName: 'bridge.json',
    });
    expect(linked.ignored).toEqual([
      '1 conflict node (CA) without an attacker or a target was left out.',
    ]);
    const bridge = await getMapSnapshot(owner, linked.id);
    expect(bridge.edges.map((e) => e.relation)).toEqual(['ATTACKS', 'ATTACKS']);
    expect(bridge.edges[0]!.groupId).not.toBeNull();
    expect(bridge.edges[1]!.groupId).toBe(bridge.edges[0]!.groupId);
    const bridgeAif = JSON.parse((await exportMap(owner, linked.id, 'aif')).body) as {
      AIF: { nodes: { type: string }[] };
    };
    expect(bridgeAif.AIF.nodes.filter((n) => n.type === 'CA')).toHaveLength(1);

    // Argdown: the frontmatter's title, and no motion where the file names none.
    const argdown = await importMap(owner, {
      text: fixture('argdown', 'state-censorship.argdown'),
      fileName: 'state-censorship.argdown',
    });
    const fromArgdown = await getMapSnapshot(owner, argdown.id);
    expect(fromArgdown.title).toBe(
      'Censorship from the State -- Some Pros and Cons Reconstructed in Detail',
    );
    expect(fromArgdown.motion).toBe('');
  }, 60_000);

  it('refuses a malformed file with the line or field at fault, and creates nothing', async () => {
    const owner = await user();
    const count = () => testDb().argumentMap.count({ where: { ownerId: owner.userId } });
    expect(
      await refusalOf(() =>
        importMap(owner, {
          text: '{\n  "nodes": [\n    {"nodeID": 1,, }\n  ]\n}',
          fileName: 'broken.json',
        }),
      ),
    ).toMatch(/^VALIDATION_FAILED: Line 3, column \d+: the file is not valid JSON there\.$/);
    expect(
      await refusalOf(() =>
        importMap(owner, {
          text: JSON.stringify({
            nodes: [{ nodeID: 1, text: 'a', type: 'I' }],
            edges: [{ fromID: 1, toID: 2 }],
          }),
        }),
      ),
    ).toBe('VALIDATION_FAILED: edges[0].toID: no node "2"');
    expect(
      await refusalOf(() =>
        importMap(owner, { text: '[A]: fine\n\n(1) P\n----\n', fileName: 'x.argdown' }),
      ),
    ).toMatch(/^VALIDATION_FAILED: Line \d+: /);
    expect(await refusalOf(() => importMap(owner, { text: '', format: 'argdown' }))).toBe(
      'VALIDATION_FAILED: The file is empty.',
    );
    // A value only the database refuses (a NUL character) fails after the map row was written: the whole import is rolled back.
    expect(
      await refusalOf(() =>
        importMap(owner, {
          text: JSON.stringify({
            nodes: [{ nodeID: '1', text: 'a\u0000b', type: 'I' }],
            edges: [],
          }),
        }),
      ),
    ).toMatch(/^VALIDATION_FAILED: The file has a value the database cannot store/);
    expect(await count()).toBe(0);
    expect(
      await testDb().node.count({
        where: { text: { startsWith: 'a' }, map: { ownerId: owner.userId } },
      }),
    ).toBe(0);
    expect(
      await refusalOf(() =>
        importMap({ kind: 'anonymous' }, { text: fixture('argdown', 'state-censorship.argdown') }),
      ),
    ).toMatch(/^UNAUTHENTICATED/);
  });

  it('refuses a body over the stated limit before reading it all', async () => {
    const big = new Request('http://localhost/api/maps/import', {
      method: 'POST',
      body: 'x'.repeat(MAX_IMPORT_BYTES + 1),
      headers: { 'content-type': 'application/octet-stream', origin: 'http://localhost' },
    });
    expect(await refusalOf(() => readBytesBody(big, MAX_IMPORT_BYTES))).toBe(
      'PAYLOAD_TOO_LARGE: The request is larger than 5 MB.',
    );
  });

  it('never puts a team’s notes in an AIF or Argdown export', async () => {
    const owner = await user();
    const { id } = await createMap(owner, { title: 'Private', motion: 'M', template: 'demo' });
    const team = await testDb().team.findFirstOrThrow({ where: { mapId: id } });
    await testDb().teamMember.create({ data: { teamId: team.id, userId: owner.userId } });
    const node = (await getMapSnapshot(owner, id)).nodes[0]!;
    await applySocialOps(
      owner,
      id,
      ZApplySocialOpsInput.parse({
        ops: [
          {
            type: 'upsertAnnotation',
            id: randomUUID(),
            teamId: team.id,
            target: { kind: 'NODE', nodeId: node.id },
            kind: 'NOTE',
            body: 'Secret team plan',
          },
        ],
      }),
    );
    for (const format of ['aif', 'argdown'] as const)
      expect((await exportMap(owner, id, format)).body).not.toContain('Secret team plan');
    expect((await exportMap(owner, id, 'backup')).body).toContain('Secret team plan');
  });
});
