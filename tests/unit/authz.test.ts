import { describe, expect, it } from 'vitest';
import { can, userRole, type MapAccess, type MapAction } from '@/lib/server/authz';
import type { MapRole } from '@/lib/generated/prisma/enums';

const access = (role: MapRole | null, isPublic = false): MapAccess => ({
  map: { id: 'm', isPublic, ownerId: 'o', classroomId: null },
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
