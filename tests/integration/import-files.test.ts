import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '@/lib/domain/interchange';
import { estimateNodeHeight, NODE_WIDTH } from '@/lib/domain/layout';
import type { Actor } from '@/lib/server/authz';
import { readBytesBody } from '@/lib/server/http';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { importMap } from '@/lib/server/maps/import-map';
import { createUser, testDb } from '../factories';
import { refusalOf } from '../support/apply-ops';
import { pngImage } from '../support/binary-files';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/kialo', name));

/**
 * What POST /api/maps/import does with an upload once it knows who sends it:
 * the body read as the import page sends it (application/octet-stream, from
 * our own origin), then imported under the file's name.
 */
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

/** Everything an import could have written for this user. */
const written = async (userId: string) => ({
  maps: await testDb().argumentMap.count({ where: { ownerId: userId } }),
  nodes: await testDb().node.count({ where: { map: { ownerId: userId } } }),
});

const NOT = 'not a Counterpoint backup, AIF, Argdown or Kialo file.';

describe('uploading a file that is not text', () => {
  it('refuses a PNG, a program and random bytes with what they are, and creates nothing', async () => {
    const owner = await user();
    // Named as the formats we read, so only the content can give them away.
    expect(await refusalOf(() => upload(owner, pngImage(), 'diagram.argdown'))).toBe(
      `UNSUPPORTED_MEDIA_TYPE: This is a PNG image, ${NOT}`,
    );
    expect(await refusalOf(() => upload(owner, readFileSync('/bin/true'), 'true.json'))).toBe(
      `UNSUPPORTED_MEDIA_TYPE: This is a program (ELF executable), ${NOT}`,
    );
    expect(await refusalOf(() => upload(owner, randomBytes(64 * 1024), 'noise.txt'))).toMatch(
      /^UNSUPPORTED_MEDIA_TYPE: This (is a binary file|file is not UTF-8 text|looks like binary data)\b.* not a Counterpoint backup, AIF, Argdown or Kialo file\b/,
    );
    expect(await written(owner.userId)).toEqual({ maps: 0, nodes: 0 });
  });
});

describe('importing a Kialo discussion', () => {
  it('makes a laid-out map of its claims, titled from the discussion, with linked claims once', async () => {
    const owner = await user();
    const imported = await upload(owner, fixture('school-phone-ban.txt'), 'school-phone-ban.txt');
    expect(imported.format).toBe('kialo');
    const map = await getMapSnapshot(owner, imported.id);
    expect(map.title).toBe('Should secondary schools ban mobile phones during the school day?');
    expect(map.motion).toBe(
      "Secondary schools should ban pupils' mobile phones from the start to the end of the school day.",
    );
    expect(map.nodes).toHaveLength(22);
    expect(map.edges).toHaveLength(23);
    const text = new Map(map.nodes.map((n) => [n.id, n.text]));
    const thesis = map.nodes.find((n) => n.kind === 'CLAIM')!;
    expect(thesis.text).toBe(map.motion);
    expect(
      map.edges
        .filter((e) => e.toId === thesis.id)
        .map((e) => `${e.relation} ${text.get(e.fromId)!.split(' ').slice(0, 4).join(' ')}`)
        .sort(),
    ).toEqual([
      'ATTACKS Parents want to be',
      'ATTACKS Phones are useful learning',
      'ATTACKS Pupils need to learn',
      'SUPPORTS A ban cuts down',
      'SUPPORTS Break times without phones',
      // Linked from 1.7: the claim itself, not a copy.
      'SUPPORTS Incidents filmed at school',
      'SUPPORTS Phones in pockets pull',
    ]);
    expect(map.nodes.find((n) => n.text.startsWith('In a lockdown'))!.text).toContain(
      'hiding.\nThe school office',
    );
    // Laid out: every card has its own place, none covering another.
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
    // Conclusions above their reasons: the thesis is on the top row.
    expect(thesis.y).toBe(Math.min(...map.nodes.map((n) => n.y)));
    // Laid out as the discussion's tree: a link to a claim placed elsewhere
    // does not pull the thesis off-centre from its pros and cons.
    const reasons = map.nodes.filter((n) => n.y > thesis.y && n.y < thesis.y + 250);
    expect(reasons).toHaveLength(6); // 1.1 to 1.6 (1.7 is a link)
    const centre = (n: { x: number }) => n.x + NODE_WIDTH / 2;
    expect(centre(thesis)).toBeGreaterThan(Math.min(...reasons.map(centre)) + 600);
    expect(centre(thesis)).toBeLessThan(Math.max(...reasons.map(centre)) - 600);
  }, 60_000);

  it('refuses a broken export with the line at fault, and creates nothing', async () => {
    const owner = await user();
    expect(
      await refusalOf(() => upload(owner, fixture('broken-unknown-link.txt'), 'homework.txt')),
    ).toBe('VALIDATION_FAILED: Line 7: claim 1.2.1. links to 1.4.2., which is not in the file.');
    expect(await refusalOf(() => upload(owner, fixture('broken-orphan.txt'), 'homework.txt'))).toBe(
      'VALIDATION_FAILED: Line 5: claim 1.3.1. comes before the claim it answers, 1.3.',
    );
    expect(await written(owner.userId)).toEqual({ maps: 0, nodes: 0 });
  });
});
