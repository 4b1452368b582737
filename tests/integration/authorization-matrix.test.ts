import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeClassroom, authorizeMap, type MapAction } from '@/lib/server/authz';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { listShareLinks } from '@/lib/server/share-links/list-share-links';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';
import { assignTeams } from '@/lib/server/teams/assign-teams';
import { createTeam } from '@/lib/server/teams/create-team';
import { testDb } from '../factories';
import { buildWorld, outcome, type Outcome, type World } from '../support/authorization';

afterAll(async () => {
  await testDb().$disconnect();
});

const ACTIONS: MapAction[] = ['map:read', 'map:comment', 'map:edit', 'map:manage'];

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

const EXPECTED: Record<string, Record<MapAction, Outcome>> = {
  owner: { 'map:read': 'ok', 'map:comment': 'ok', 'map:edit': 'ok', 'map:manage': 'ok' },
  editor: { 'map:read': 'ok', 'map:comment': 'ok', 'map:edit': 'ok', 'map:manage': 'FORBIDDEN' },
  commenter: {
    'map:read': 'ok',
    'map:comment': 'ok',
    'map:edit': 'FORBIDDEN',
    'map:manage': 'FORBIDDEN',
  },
  viewer: {
    'map:read': 'ok',
    'map:comment': 'FORBIDDEN',
    'map:edit': 'FORBIDDEN',
    'map:manage': 'FORBIDDEN',
  },
  student: { 'map:read': 'ok', 'map:comment': 'ok', 'map:edit': 'ok', 'map:manage': 'FORBIDDEN' },
  'removed student': {
    'map:read': 'NOT_FOUND',
    'map:comment': 'NOT_FOUND',
    'map:edit': 'NOT_FOUND',
    'map:manage': 'NOT_FOUND',
  },
  'student of another class': {
    'map:read': 'NOT_FOUND',
    'map:comment': 'NOT_FOUND',
    'map:edit': 'NOT_FOUND',
    'map:manage': 'NOT_FOUND',
  },
  'teacher of another class': {
    'map:read': 'NOT_FOUND',
    'map:comment': 'NOT_FOUND',
    'map:edit': 'NOT_FOUND',
    'map:manage': 'NOT_FOUND',
  },
  stranger: {
    'map:read': 'NOT_FOUND',
    'map:comment': 'NOT_FOUND',
    'map:edit': 'NOT_FOUND',
    'map:manage': 'NOT_FOUND',
  },
  anonymous: {
    'map:read': 'NOT_FOUND',
    'map:comment': 'NOT_FOUND',
    'map:edit': 'NOT_FOUND',
    'map:manage': 'NOT_FOUND',
  },
  'view link': {
    'map:read': 'ok',
    'map:comment': 'FORBIDDEN',
    'map:edit': 'FORBIDDEN',
    'map:manage': 'FORBIDDEN',
  },
  // Signed out, a link only reads; commenting and editing need an account.
  'comment link': {
    'map:read': 'ok',
    'map:comment': 'UNAUTHENTICATED',
    'map:edit': 'FORBIDDEN',
    'map:manage': 'FORBIDDEN',
  },
  'edit link': {
    'map:read': 'ok',
    'map:comment': 'UNAUTHENTICATED',
    'map:edit': 'UNAUTHENTICATED',
    'map:manage': 'FORBIDDEN',
  },
  'revoked link (held)': {
    'map:read': 'NOT_FOUND',
    'map:comment': 'NOT_FOUND',
    'map:edit': 'NOT_FOUND',
    'map:manage': 'NOT_FOUND',
  },
  'link to another map': {
    'map:read': 'NOT_FOUND',
    'map:comment': 'NOT_FOUND',
    'map:edit': 'NOT_FOUND',
    'map:manage': 'NOT_FOUND',
  },
};

describe('the authorization matrix, against real PostgreSQL', () => {
  for (const [who, expected] of Object.entries(EXPECTED)) {
    it(`${who}: ${ACTIONS.map((a) => `${a.slice(4)} ${expected[a]}`).join(', ')}`, async () => {
      const actual = Object.fromEntries(
        await Promise.all(
          ACTIONS.map(async (a) => [
            a,
            await outcome(authorizeMap(world.actors[who]!, a, world.mapId)),
          ]),
        ),
      );
      expect(actual).toEqual(expected);
    });
  }

  it('a viewer posting an op is refused with FORBIDDEN, and nothing is written', async () => {
    const before = await testDb().mapOp.count({ where: { mapId: world.mapId } });
    const op = ZApplyOpsInput.parse({
      ops: [{ type: 'createNode', id: randomUUID(), kind: 'CLAIM', text: 'Sneaky', x: 0, y: 0 }],
    });
    for (const who of ['viewer', 'view link', 'commenter'])
      expect(await outcome(applyMapOps(world.actors[who]!, world.mapId, op))).toBe('FORBIDDEN');
    expect(await outcome(applyMapOps(world.actors.stranger!, world.mapId, op))).toBe('NOT_FOUND');
    expect(await testDb().mapOp.count({ where: { mapId: world.mapId } })).toBe(before);
  });

  it("another map's objects cannot be reached through this map's id", async () => {
    const owner = world.actors.owner!;
    const ops = ZApplyOpsInput.parse({
      ops: [{ type: 'updateNode', id: world.otherNodeId, baseVersion: 1, text: 'Hijacked' }],
    });
    expect(await outcome(applyMapOps(owner, world.mapId, ops))).toBe('NOT_FOUND');
    expect(
      (await testDb().node.findUniqueOrThrow({ where: { id: world.otherNodeId } })).text,
    ).not.toBe('Hijacked');
    const edge = ZApplyOpsInput.parse({
      ops: [
        {
          type: 'createEdge',
          id: randomUUID(),
          fromId: world.otherNodeId,
          toId: world.otherNodeId,
          relation: 'SUPPORTS',
        },
      ],
    });
    expect(await outcome(applyMapOps(owner, world.mapId, edge))).toBe('VALIDATION_FAILED');

    const otherLink = await testDb().shareLink.findFirstOrThrow({
      where: { mapId: world.otherMapId },
    });
    expect(await outcome(revokeShareLink(owner, world.mapId, otherLink.id))).toBe('NOT_FOUND');
    expect(
      (await testDb().shareLink.findUniqueOrThrow({ where: { id: otherLink.id } })).revokedAt,
    ).toBeNull();
    expect(await outcome(listShareLinks(owner, world.otherMapId))).toBe('NOT_FOUND');
    expect(await outcome(getMapSnapshot(owner, world.otherMapId))).toBe('NOT_FOUND');

    const otherTeam = await testDb().team.create({
      data: { mapId: world.otherMapId, name: 'Theirs', color: '#000000', side: 'FOR' },
    });
    const student = world.actors.student as { userId: string };
    expect(
      await outcome(
        assignTeams(owner, world.mapId, {
          assignments: { [student.userId]: otherTeam.id },
          sides: {},
        }),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await testDb().teamMember.count({ where: { teamId: otherTeam.id } })).toBe(0);
  });

  it('only the map owner manages teams and links; only the teacher manages the classroom', async () => {
    for (const who of ['editor', 'student', 'edit link']) {
      expect(
        await outcome(
          createTeam(world.actors[who]!, world.mapId, { name: `By ${who}`, side: 'FOR' }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        await outcome(
          createShareLink(world.actors[who]!, world.mapId, { role: 'EDITOR', expiresInDays: 0 }),
        ),
      ).toBe('FORBIDDEN');
    }
    expect(
      await outcome(authorizeClassroom(world.actors.owner!, 'classroom:manage', world.classroomId)),
    ).toBe('ok');
    expect(
      await outcome(authorizeClassroom(world.actors.student!, 'classroom:read', world.classroomId)),
    ).toBe('ok');
    expect(
      await outcome(
        authorizeClassroom(world.actors.student!, 'classroom:manage', world.classroomId),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await outcome(
        authorizeClassroom(world.actors['removed student']!, 'classroom:read', world.classroomId),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await outcome(
        authorizeClassroom(
          world.actors['student of another class']!,
          'classroom:read',
          world.classroomId,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await outcome(
        authorizeClassroom(world.actors.anonymous!, 'classroom:read', world.classroomId),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      await outcome(
        removeStudent(
          world.actors['teacher of another class']!,
          world.classroomId,
          (world.actors.student as { userId: string }).userId,
        ),
      ),
    ).toBe('NOT_FOUND');
  });
});
