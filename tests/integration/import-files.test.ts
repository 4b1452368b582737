import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '@/lib/domain/interchange';
import type { Actor } from '@/lib/server/authz';
import { readBytesBody } from '@/lib/server/http';
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
