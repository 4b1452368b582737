import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '@/lib/domain/interchange';
import { estimateNodeHeight, NODE_WIDTH } from '@/lib/domain/layout';
import { sectionFrames, type Box } from '@/lib/domain/sections';
import type { Actor } from '@/lib/server/authz';
import { readBytesBody } from '@/lib/server/http';
import { exportBackup } from '@/lib/server/maps/export-backup';
import { exportMap } from '@/lib/server/maps/export-map';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { createUser, testDb } from '../factories';
import { refusalOf } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/argdown', name));

/** What POST /api/maps/import does with an upload once it knows who sends it (as in import-files.test.ts). */
async function upload(actor: Actor, body: Uint8Array, name: string) {
  const request = new Request(`http://app.example/api/maps/import?name=${name}`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: {
      'content-type': 'application/octet-stream',
      host: 'app.example',
      origin: 'http://app.example',
    },
  });
  return importMap(actor, {
    bytes: await readBytesBody(request, MAX_IMPORT_BYTES),
    fileName: name,
  });
}

/** A map's sections (heading paths) and each node's section and data, by node text: what a reader of the map depends on. */
async function grouping(actor: Actor, mapId: string) {
  const snapshot = await getMapSnapshot(actor, mapId);
  const view = snapshot.sectionsView;
  const byId = new Map((view?.sections ?? []).map((s) => [s.id, s]));
  const pathOf = (id: string | undefined): string => {
    const s = id ? byId.get(id) : undefined;
    if (!s) return '(none)';
    return s.parentId ? `${pathOf(s.parentId)} > ${s.title}` : s.title;
  };
  const rows = await testDb().node.findMany({
    where: { mapId },
    select: { text: true, argdownData: true },
  });
  const map = await testDb().argumentMap.findUniqueOrThrow({
    where: { id: mapId },
    select: { argdownFrontmatter: true },
  });
  return {
    sections: (view?.sections ?? []).map((s) => `${s.level} ${pathOf(s.id)}`),
    members: snapshot.nodes.map((n) => `${pathOf(view?.nodeSection[n.id])} | ${n.text}`).sort(),
    data: rows
      .filter((r) => r.argdownData)
      .map((r) => `${r.text} ${JSON.stringify(r.argdownData)}`)
      .sort(),
    frontmatter: map.argdownFrontmatter,
  };
}

describe('Argdown sections, frontmatter and element data on PostgreSQL', () => {
  it('keeps the sections, members, frontmatter and data of an uploaded file through the Argdown export, a re-import and a backup restore', async () => {
    const owner = await user();
    const first = await upload(owner, fixture('semmelweis-betz.argdown'), 'semmelweis.argdown');
    const before = await grouping(owner, first.id);
    expect(before.sections).toEqual([
      '1 Three Rival Hypotheses',
      '1 Evidence',
      '1 Arguments and Further Theses',
      '2 Arguments and Further Theses > Inferential Relations between @[Epidemic Influence Hypothesis] and the Available Evidence',
      '2 Arguments and Further Theses > Inferential Relations between @[Rough Examination Hypothesis] and the Available Evidence',
      '2 Arguments and Further Theses > Inferential Relations between @[Cadavric Substance Hypothesis] and the Available Evidence',
    ]);
    expect(before.members).toContain(
      'Three Rival Hypotheses | The outbreak of childbed fever is controlled by epidemic influences.',
    );
    // Not its strict mode: the map is written back in Argdown's default mode.
    expect(before.frontmatter).toEqual({
      date: '19/10/2018',
      dot: { graphVizSettings: { rankdir: 'TB', ranksep: '1' } },
    });

    const exported = (await exportMap(owner, first.id, 'argdown')).body;
    expect(exported).toMatch(/^# Three Rival Hypotheses$/m);
    expect(exported).toMatch(
      /^## Inferential Relations between @\[Rough Examination Hypothesis\]/m,
    );
    expect(exported).toContain('date: "19/10/2018"');
    const second = await upload(owner, new TextEncoder().encode(exported), 'again.argdown');
    expect(await grouping(owner, second.id)).toEqual(before);

    const backup = await exportBackup(owner, first.id);
    const restored = await importMap(owner, { text: JSON.stringify(backup) });
    expect(await grouping(owner, restored.id)).toEqual(before);
  }, 60_000);

  it('lays an uploaded file without positions out section by section: no two frames side by side overlap, subsections inside their sections', async () => {
    const owner = await user();
    const { id } = await upload(owner, fixture('semmelweis-betz.argdown'), 'semmelweis.argdown');
    const snapshot = await getMapSnapshot(owner, id);
    const view = snapshot.sectionsView!;
    // Each card's box as the canvas draws it before measuring (section-frames.tsx).
    const boxes = new Map<string, Box>(
      snapshot.nodes.map((n) => [
        n.id,
        {
          x: n.x,
          y: n.y,
          width: NODE_WIDTH,
          height: estimateNodeHeight(n.text, false, n.tags.length),
        },
      ]),
    );
    const frames = sectionFrames(view.sections, view.nodeSection, boxes);
    expect(frames.map((f) => f.title)).toEqual(view.sections.map((s) => s.title));
    const parentOf = new Map(view.sections.map((s) => [s.id, s.parentId]));
    const byId = new Map(frames.map((f) => [f.id, f]));
    const apart = (a: Box, b: Box) =>
      a.x + a.width <= b.x ||
      b.x + b.width <= a.x ||
      a.y + a.height <= b.y ||
      b.y + b.height <= a.y;
    for (const [i, f] of frames.entries()) {
      const parent = byId.get(parentOf.get(f.id) ?? '');
      if (parent) {
        expect(f.x).toBeGreaterThanOrEqual(parent.x);
        expect(f.y).toBeGreaterThanOrEqual(parent.y);
        expect(f.x + f.width).toBeLessThanOrEqual(parent.x + parent.width);
        expect(f.y + f.height).toBeLessThanOrEqual(parent.y + parent.height);
      }
      for (const g of frames.slice(i + 1))
        if (parentOf.get(g.id) === parentOf.get(f.id))
          expect(apart(f, g), `${f.title} and ${g.title} apart`).toBe(true);
    }
  }, 60_000);

  it("keeps the censorship debate's element data and writes it back on export", async () => {
    const owner = await user();
    const { id } = await upload(owner, fixture('state-censorship.argdown'), 'censorship.argdown');
    const { data } = await grouping(owner, id);
    expect(data.some((d) => d.endsWith('{"source":"C1a"}'))).toBe(true);
    const text = (await exportMap(owner, id, 'argdown')).body;
    expect(text).toMatch(/^<Argument from Freedom of Speech>: .*source: "C1a"\}$/m);
  }, 60_000);

  it('refuses a backup whose node names a section it does not have, or carries data over 16 KB or nested too deep, and writes nothing', async () => {
    const owner = await user();
    const { id } = await upload(owner, fixture('semmelweis-betz.argdown'), 'semmelweis.argdown');
    const backup = await exportBackup(owner, id);
    const maps = () => testDb().argumentMap.count({ where: { ownerId: owner.userId } });
    const before = await maps();
    const lost = structuredClone(backup);
    lost.nodes[0]!.section = 'nowhere';
    expect(await refusalOf(() => importMap(owner, { text: JSON.stringify(lost) }))).toBe(
      'VALIDATION_FAILED: nodes[0].section: no section "nowhere" in this backup',
    );
    const big = structuredClone(backup);
    big.nodes[0]!.argdownData = { note: 'x'.repeat(17_000) };
    expect(await refusalOf(() => importMap(owner, { text: JSON.stringify(big) }))).toBe(
      'VALIDATION_FAILED: nodes[0].argdownData: Argdown data is at most 16 KB as JSON, nested at most 32 deep',
    );
    const deep = structuredClone(backup);
    let nested: unknown = 'bottom';
    for (let i = 0; i < 40; i++) nested = [nested];
    deep.nodes[0]!.argdownData = { nested } as (typeof deep.nodes)[0]['argdownData'];
    expect(await refusalOf(() => importMap(owner, { text: JSON.stringify(deep) }))).toBe(
      'VALIDATION_FAILED: nodes[0].argdownData: Argdown data is at most 16 KB as JSON, nested at most 32 deep',
    );
    expect(await maps()).toBe(before);
  }, 60_000);
});
