import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { listMapMembers, removeMapMember, setMemberRole } from '@/lib/server/maps/map-members';
import { listMyMaps } from '@/lib/server/maps/list-my-maps';
import { acceptShareLink } from '@/lib/server/share-links/accept-share-link';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';
import { addMember, createMap, createUser, testDb } from '../factories';
import { outcome } from '../support/authorization';
import { apply, claim, id } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

type User = Actor & { kind: 'user' };

const someone = async (): Promise<User> => ({ kind: 'user', userId: (await createUser()).id });

async function ownedMap() {
  const map = await createMap();
  return { mapId: map.id, owner: { kind: 'user' as const, userId: map.ownerId } };
}

/** A link on the map, as its owner makes it. */
const link = (owner: Actor, mapId: string, role: 'VIEWER' | 'COMMENTER' | 'EDITOR') =>
  createShareLink(owner, mapId, { role, expiresInDays: 7 });

/** What a member may do now: post a change, or only read, or nothing. */
async function standing(actor: Actor, mapId: string) {
  return {
    edit: await outcome(apply(actor, mapId, [claim(id())])),
    read: await outcome(getMapSnapshot(actor, mapId)),
  };
}

describe('members who joined through a link', () => {
  it('post no more changes once the owner revokes the link, and the map leaves their list', async () => {
    const { mapId, owner } = await ownedMap();
    const edit = await link(owner, mapId, 'EDITOR');
    const member = await someone();
    await acceptShareLink(member, edit.token);
    expect(await standing(member, mapId)).toEqual({ edit: 'ok', read: 'ok' });

    await revokeShareLink(owner, mapId, edit.id);
    expect(await standing(member, mapId)).toEqual({ edit: 'NOT_FOUND', read: 'NOT_FOUND' });
    expect((await listMyMaps(member)).shared.map((m) => m.id)).not.toContain(mapId);
  });

  it('lose access once the link expires', async () => {
    const { mapId, owner } = await ownedMap();
    const edit = await link(owner, mapId, 'EDITOR');
    const member = await someone();
    await acceptShareLink(member, edit.token);
    expect((await standing(member, mapId)).edit).toBe('ok');

    await testDb().shareLink.update({
      where: { id: edit.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await standing(member, mapId)).toEqual({ edit: 'NOT_FOUND', read: 'NOT_FOUND' });
  });

  it('keep the role another live link gave them when a lower link is revoked', async () => {
    const { mapId, owner } = await ownedMap();
    const comment = await link(owner, mapId, 'COMMENTER');
    const edit = await link(owner, mapId, 'EDITOR');
    const member = await someone();
    await acceptShareLink(member, comment.token);
    await acceptShareLink(member, edit.token);
    await revokeShareLink(owner, mapId, comment.id);
    expect((await standing(member, mapId)).edit).toBe('ok');
    await revokeShareLink(owner, mapId, edit.id);
    expect((await standing(member, mapId)).read).toBe('NOT_FOUND');
  });

  it('follow the owner’s hand once the owner sets their role: a revoked link then changes nothing', async () => {
    const { mapId, owner } = await ownedMap();
    const edit = await link(owner, mapId, 'EDITOR');
    const member = await someone();
    await acceptShareLink(member, edit.token);
    await setMemberRole(owner, mapId, { userId: member.userId, role: 'COMMENTER' });
    expect(await standing(member, mapId)).toEqual({ edit: 'FORBIDDEN', read: 'ok' });
    await revokeShareLink(owner, mapId, edit.id);
    expect(await standing(member, mapId)).toEqual({ edit: 'FORBIDDEN', read: 'ok' });
  });
});

describe('members the owner added directly', () => {
  it('keep their role when a link is revoked, even one they followed', async () => {
    const { mapId, owner } = await ownedMap();
    const member = await addMember(mapId, 'EDITOR');
    const edit = await link(owner, mapId, 'EDITOR');
    await acceptShareLink(member, edit.token);
    await revokeShareLink(owner, mapId, edit.id);
    expect(await standing(member, mapId)).toEqual({ edit: 'ok', read: 'ok' });
  });

  it('raised by a higher link, fall back to their own role when it ends', async () => {
    const { mapId, owner } = await ownedMap();
    const member = await addMember(mapId, 'VIEWER');
    const edit = await link(owner, mapId, 'EDITOR');
    await acceptShareLink(member, edit.token);
    expect((await standing(member, mapId)).edit).toBe('ok');
    await revokeShareLink(owner, mapId, edit.id);
    expect(await standing(member, mapId)).toEqual({ edit: 'FORBIDDEN', read: 'ok' });
  });
});

describe('the owner manages members', () => {
  it('lists every member with their role now and how they joined', async () => {
    const { mapId, owner } = await ownedMap();
    const direct = await addMember(mapId, 'COMMENTER');
    const edit = await createShareLink(owner, mapId, {
      name: 'Period 3',
      role: 'EDITOR',
      expiresInDays: 7,
    });
    const joined = await someone();
    const gone = await someone();
    await acceptShareLink(joined, edit.token);
    const view = await link(owner, mapId, 'COMMENTER');
    await acceptShareLink(gone, view.token);
    await revokeShareLink(owner, mapId, view.id);

    const { members, classroom } = await listMapMembers(owner, mapId);
    expect(classroom).toBeNull();
    const row = (userId: string) => members.find((m) => m.userId === userId);
    expect(members[0]).toMatchObject({
      userId: owner.userId,
      role: 'OWNER',
      origin: { kind: 'owner' },
    });
    expect(members).toHaveLength(4);
    expect(row(direct.userId)).toMatchObject({ role: 'COMMENTER', origin: { kind: 'direct' } });
    expect(row(joined.userId)).toMatchObject({
      role: 'EDITOR',
      origin: { kind: 'link', name: 'Period 3', linkRole: 'EDITOR', status: 'active' },
    });
    expect(row(gone.userId)).toMatchObject({
      role: null,
      origin: { kind: 'link', name: null, status: 'revoked' },
    });
  });

  it('changes a member’s role and removes a member, with effect on their next request', async () => {
    const { mapId, owner } = await ownedMap();
    const edit = await link(owner, mapId, 'EDITOR');
    const member = await someone();
    await acceptShareLink(member, edit.token);
    await setMemberRole(owner, mapId, { userId: member.userId, role: 'VIEWER' });
    expect(await standing(member, mapId)).toEqual({ edit: 'FORBIDDEN', read: 'ok' });
    await setMemberRole(owner, mapId, { userId: member.userId, role: 'EDITOR' });
    expect((await standing(member, mapId)).edit).toBe('ok');

    await removeMapMember(owner, mapId, member.userId);
    expect(await standing(member, mapId)).toEqual({ edit: 'NOT_FOUND', read: 'NOT_FOUND' });
    expect((await listMapMembers(owner, mapId)).members.map((m) => m.userId)).not.toContain(
      member.userId,
    );
    // The link itself is still live: opening it again lets them back in.
    await acceptShareLink(member, edit.token);
    expect((await standing(member, mapId)).edit).toBe('ok');
  });

  it('takes a removed member off the map’s teams', async () => {
    const { mapId, owner } = await ownedMap();
    const team = await testDb().team.create({
      data: { mapId, name: 'For', color: '#2563eb', side: 'FOR' },
    });
    const member = await addMember(mapId, 'EDITOR');
    await testDb().teamMember.create({ data: { teamId: team.id, userId: member.userId } });
    await removeMapMember(owner, mapId, member.userId);
    expect(await testDb().teamMember.count({ where: { teamId: team.id } })).toBe(0);
  });

  it('is the owner’s alone: an editor cannot change or remove anyone, and the owner stays', async () => {
    const { mapId, owner } = await ownedMap();
    const editor = await addMember(mapId, 'EDITOR');
    const other = await addMember(mapId, 'VIEWER');
    expect(
      await outcome(setMemberRole(editor, mapId, { userId: other.userId, role: 'EDITOR' })),
    ).toBe('FORBIDDEN');
    expect(await outcome(removeMapMember(editor, mapId, other.userId))).toBe('FORBIDDEN');
    expect(await outcome(listMapMembers(editor, mapId))).toBe('FORBIDDEN');
    const stranger = await someone();
    expect(await outcome(removeMapMember(stranger, mapId, other.userId))).toBe('NOT_FOUND');
    expect(await standing(other, mapId)).toEqual({ edit: 'FORBIDDEN', read: 'ok' });

    expect(await outcome(removeMapMember(owner, mapId, owner.userId))).toBe('BAD_REQUEST');
    expect(
      await outcome(setMemberRole(owner, mapId, { userId: owner.userId, role: 'VIEWER' })),
    ).toBe('BAD_REQUEST');
    expect(await outcome(removeMapMember(owner, mapId, stranger.userId))).toBe('NOT_FOUND');
  });
});
