import { describe, expect, it } from 'vitest';
import { can, membershipRole, userRole, type MapAccess, type MapAction } from '@/lib/server/authz';
import type { MapRole } from '@/lib/generated/prisma/enums';

const access = (role: MapRole | null, isPublic = false): MapAccess => ({
  map: {
    id: 'm',
    isPublic,
    ownerId: 'o',
    classroomId: null,
    requireApproval: false,
    anonymousSince: null,
  },
  role,
});
const actions: MapAction[] = ['map:read', 'map:comment', 'map:edit', 'map:manage'];

describe('can', () => {
  it.each([
    [null, []],
    ['VIEWER', ['map:read']],
    ['COMMENTER', ['map:read', 'map:comment']],
    ['EDITOR', ['map:read', 'map:comment', 'map:edit']],
    ['OWNER', actions],
  ] as const)('a %s on a private map may do exactly %j', (role, allowed) => {
    for (const action of actions)
      expect(can(access(role), action), action).toBe(
        (allowed as readonly string[]).includes(action),
      );
  });

  it('lets anyone read a public map, and nothing more', () => {
    expect(can(access(null, true), 'map:read')).toBe(true);
    expect(can(access(null, true), 'map:comment')).toBe(false);
    expect(can(access(null, true), 'map:edit')).toBe(false);
  });
});

describe('userRole', () => {
  it('gives a classroom member EDITOR, keeps a higher explicit role, and the owner OWNER', () => {
    expect(userRole({ owner: false, memberRole: null, classMember: true })).toBe('EDITOR');
    expect(userRole({ owner: false, memberRole: 'VIEWER', classMember: true })).toBe('EDITOR');
    expect(userRole({ owner: false, memberRole: 'OWNER', classMember: true })).toBe('OWNER');
    expect(userRole({ owner: false, memberRole: 'COMMENTER', classMember: false })).toBe(
      'COMMENTER',
    );
    expect(userRole({ owner: true, memberRole: null, classMember: false })).toBe('OWNER');
    expect(userRole({ owner: false, memberRole: null, classMember: false })).toBeNull();
  });
});

describe('membershipRole', () => {
  const now = Date.UTC(2026, 0, 10);
  const live = { revokedAt: null, expiresAt: new Date(now + 1000) };
  const revoked = { revokedAt: new Date(now - 1000), expiresAt: null };
  const expired = { revokedAt: null, expiresAt: new Date(now) };
  it.each([
    ['given by the owner', { role: 'EDITOR', directRole: null, link: null }, 'EDITOR'],
    ['through a live link', { role: 'EDITOR', directRole: null, link: live }, 'EDITOR'],
    ['through a revoked link', { role: 'EDITOR', directRole: null, link: revoked }, null],
    ['through a link expiring now', { role: 'EDITOR', directRole: null, link: expired }, null],
    [
      'raised by a revoked link from a role of their own',
      { role: 'EDITOR', directRole: 'VIEWER', link: revoked },
      'VIEWER',
    ],
  ] as const)('a member %s has role %s', (_, member, role) => {
    expect(membershipRole(member, now)).toBe(role);
  });
  it('no membership is no role', () => {
    expect(membershipRole(null, now)).toBeNull();
  });
});
