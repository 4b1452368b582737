import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { createShareLink, ZCreateShareLinkInput } from '@/lib/server/share-links/create-share-link';
import { listShareLinks } from '@/lib/server/share-links/list-share-links';
import { resolveShareLink } from '@/lib/server/share-links/resolve-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';
import { createMap, testDb } from '../factories';
import { outcome } from '../support/authorization';

afterAll(async () => {
  await testDb().$disconnect();
});

let mapId = '';
let owner: Actor;
beforeAll(async () => {
  const map = await createMap();
  mapId = map.id;
  owner = { kind: 'user', userId: map.ownerId };
});

describe('share link tokens', () => {
  it('a revoked link no longer resolves, and a request carrying it is treated as having no link', async () => {
    const { token, id } = await createShareLink(owner, mapId, {
      role: 'VIEWER',
      expiresInDays: 0,
    });
    expect(await outcome(resolveShareLink(token))).toBe('ok');
    await revokeShareLink(owner, mapId, id);
    expect(await outcome(resolveShareLink(token))).toBe('GONE');
  });

  it('an expired link, a garbled token and an unknown token all get the same GONE answer', async () => {
    const { token, id } = await createShareLink(owner, mapId, {
      role: 'EDITOR',
      expiresInDays: 1,
    });
    await testDb().shareLink.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await outcome(resolveShareLink(token))).toBe('GONE');
    expect(await outcome(resolveShareLink('not a token!'))).toBe('GONE');
    expect(await outcome(resolveShareLink('A'.repeat(32)))).toBe('GONE');
  });

  it('only the hash of a token is stored', async () => {
    const { token, id } = await createShareLink(owner, mapId, {
      role: 'VIEWER',
      expiresInDays: 0,
    });
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const row = await testDb().shareLink.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token);
  });
});

describe('share link names', () => {
  it('keeps the name the owner typed, trimmed, and lists a link made without one as unnamed', async () => {
    const form = (name: string) =>
      ZCreateShareLinkInput.parse({ name, role: 'COMMENTER', expiresInDays: '7' });
    const named = await createShareLink(owner, mapId, form('  Period 3  '));
    const blank = await createShareLink(owner, mapId, form('   '));
    const { links } = await listShareLinks(owner, mapId);
    const nameOf = (id: string) => links.find((l) => l.id === id)?.name;
    expect(nameOf(named.id)).toBe('Period 3');
    expect(nameOf(blank.id)).toBeNull();
    expect(
      ZCreateShareLinkInput.safeParse({ ...form(''), name: 'x'.repeat(61) }).error?.issues[0]
        ?.message,
    ).toBe("A link's name is at most 60 characters");
  });
});
