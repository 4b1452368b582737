import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { AppError } from '@/lib/server/errors';
import { createMap } from '@/lib/server/maps/create-map';
import { exportBackup } from '@/lib/server/maps/export-backup';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { applySocialOps, ZApplySocialOpsInput } from '@/lib/server/social/apply-social-ops';
import { getSocialView } from '@/lib/server/social/get-social-view';
import { createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

/** The map's content without ids: what a round trip must keep. */
async function content(actor: Actor, mapId: string) {
  const s = await getMapSnapshot(actor, mapId);
  const text = new Map(s.nodes.map((n) => [n.id, n.text]));
  return {
    title: s.title,
    sources: s.sources.map((x) => `${x.author}|${x.title}|${x.side}|${x.text.length}`).sort(),
    nodes: s.nodes
      .map(
        (n) =>
          `${n.kind}|${n.side}|${n.x},${n.y}|${n.text}|${n.anchor?.exact ?? ''}|${n.anchor?.start ?? ''}`,
      )
      .sort(),
    edges: s.edges
      .map(
        (e) =>
          `${text.get(e.fromId)} ${e.relation} ${text.get(e.toId)} ${e.groupId ? 'grouped' : ''}`,
      )
      .sort(),
  };
}

/** A backup file imported as the import page does: its text, in the backup format. */
const importBackup = (actor: Parameters<typeof importMap>[0], backup: unknown) =>
  importMap(actor, { text: JSON.stringify(backup), fileName: 'map.json', format: 'backup' });

describe('JSON backup and restore', () => {
  it('round-trips the demo debate with the exporter’s own team layer and no other', async () => {
    const owner = await user();
    const { id } = await createMap(owner, {
      title: 'Backup me',
      motion: 'Is Russia credible?',
      template: 'demo',
    });
    const teams = await testDb().team.findMany({ where: { mapId: id }, orderBy: { name: 'asc' } });
    const student = await user();
    const other = await user();
    await testDb().mapMember.createMany({
      data: [
        { mapId: id, userId: student.userId, role: 'EDITOR' },
        { mapId: id, userId: other.userId, role: 'EDITOR' },
      ],
    });
    await testDb().teamMember.createMany({
      data: [
        { teamId: teams[0]!.id, userId: student.userId },
        { teamId: teams[1]!.id, userId: other.userId },
      ],
    });
    const node = (await getMapSnapshot(owner, id)).nodes[0]!;
    const note = (actor: Actor, teamId: string, body: string) =>
      applySocialOps(
        actor,
        id,
        ZApplySocialOpsInput.parse({
          ops: [
            {
              type: 'upsertAnnotation',
              id: randomUUID(),
              teamId,
              target: { kind: 'NODE', nodeId: node.id },
              kind: 'NOTE',
              body,
            },
          ],
        }),
      );
    await note(student, teams[0]!.id, 'Ours to keep');
    await note(other, teams[1]!.id, 'Theirs, never exported');

    const backup = await exportBackup(student, id);
    expect(JSON.stringify(backup)).not.toContain('Theirs, never exported');
    expect(backup.teamLayer?.annotations.map((a) => a.body)).toEqual(['Ours to keep']);

    const restored = await importBackup(student, backup);
    expect(await content(student, restored.id)).toEqual(await content(owner, id));
    const layer = (await getSocialView(student, restored.id)).layers.find((l) => l.mine)!;
    expect(layer.annotations.map((a) => a.body)).toEqual(['Ours to keep']);
    // Export → import → export is stable: a second generation has the same content.
    const second = await importBackup(student, await exportBackup(student, restored.id));
    expect(await content(student, second.id)).toEqual(await content(owner, id));
  }, 60_000);

  it('refuses a malformed backup with the field at fault, and creates nothing', async () => {
    const owner = await user();
    const count = () => testDb().argumentMap.count({ where: { ownerId: owner.userId } });
    const valid = {
      format: 'counterpoint-backup',
      version: 1,
      map: { title: 'T', motion: 'M' },
      sources: [],
      nodes: [{ id: 'a', kind: 'CLAIM', text: 'A', side: 'FOR', x: 0, y: 0 }],
      edges: [],
    };
    const message = async (raw: unknown) => {
      try {
        await importBackup(owner, raw);
        return 'ok';
      } catch (error) {
        if (error instanceof AppError) return `${error.code}: ${error.message}`;
        throw error;
      }
    };
    expect(await message({ ...valid, format: 'aif' })).toMatch(
      /^VALIDATION_FAILED: format: This is not a Counterpoint backup/,
    );
    expect(await message({ ...valid, nodes: [{ ...valid.nodes[0], kind: 'SPEECH' }] })).toMatch(
      /^VALIDATION_FAILED: nodes\[0\]\.kind/,
    );
    expect(
      await message({
        ...valid,
        edges: [{ id: 'e', fromId: 'a', toId: 'ghost', relation: 'SUPPORTS' }],
      }),
    ).toBe('VALIDATION_FAILED: edges[0].toId: no node "ghost"');
    // A source's address is a web address: the reader links to it.
    const source = {
      id: 's',
      title: 'S',
      author: 'A',
      publisher: '',
      side: 'FOR',
      text: 'Some text.',
    };
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>x</script>'])
      expect(await message({ ...valid, sources: [{ ...source, url }] })).toMatch(
        /^VALIDATION_FAILED: sources\[0\]\.url: The address must start with http:\/\/ or https:\/\//,
      );
    expect(await count()).toBe(0);
    expect(await message(valid)).toBe('ok');
    expect(await count()).toBe(1);
  });
});
