import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeClassroom, authorizeMap, type Actor, type MapAction } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { AppError } from '@/lib/server/errors';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { getMapSnapshot } from '@/lib/server/maps/get-map-snapshot';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { listShareLinks } from '@/lib/server/share-links/list-share-links';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';
import { assignTeams } from '@/lib/server/teams/assign-teams';
import { createTeam } from '@/lib/server/teams/create-team';
import { createMap as createMapUseCase } from '@/lib/server/maps/create-map';
import { addMember, createMap, createNode, createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

type Outcome = 'ok' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'GONE' | 'VALIDATION_FAILED';

async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code as Outcome;
    throw error;
  }
}

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});
const ACTIONS: MapAction[] = ['map:read', 'map:comment', 'map:edit', 'map:manage'];

/** Everyone who might knock on one class map, built once. */
type World = {
  mapId: string;
  actors: Record<string, Actor>;
  otherMapId: string;
  otherNodeId: string;
  classroomId: string;
};
let world: World;

beforeAll(async () => {
  const teacher = await user();
  const { id: classroomId } = await createClassroom(teacher, { name: 'Period 3' });
  const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } });
  const { id: mapId } = await createMapUseCase(teacher, {
    title: 'Class debate',
    motion: 'This house would test',
    template: 'blank',
    classroomId,
  });

  const student = await user();
  await joinClassroom(student, { code: joinCode });
  const removed = await user();
  await joinClassroom(removed, { code: joinCode });
  await removeStudent(teacher, classroomId, removed.userId);

  const otherTeacher = await user();
  const other = await createClassroom(otherTeacher, { name: 'Period 5' });
  const otherStudent = await user();
  await joinClassroom(otherStudent, {
    code: (await testDb().classroom.findUniqueOrThrow({ where: { id: other.id } })).joinCode,
  });

  const link = async (role: 'VIEWER' | 'COMMENTER' | 'EDITOR') =>
    shareLinkActor(
      await resolveShareLink(
        (await createShareLink(teacher, mapId, { role, expiresInDays: 7 })).token,
      ),
    );
  const revoked = await createShareLink(teacher, mapId, { role: 'EDITOR', expiresInDays: 0 });
  const revokedActor = shareLinkActor(await resolveShareLink(revoked.token));
  await revokeShareLink(teacher, mapId, revoked.id);

  const otherMap = await createMap();
  const otherNode = await createNode(otherMap.id);
  world = {
    mapId,
    classroomId,
    otherMapId: otherMap.id,
    otherNodeId: otherNode.id,
    actors: {
      owner: teacher,
      editor: await addMember(mapId, 'EDITOR'),
      commenter: await addMember(mapId, 'COMMENTER'),
      viewer: await addMember(mapId, 'VIEWER'),
      student: student,
      'removed student': removed,
      'student of another class': otherStudent,
      'teacher of another class': otherTeacher,
      stranger: await user(),
      anonymous: { kind: 'anonymous' },
      'view link': await link('VIEWER'),
      'comment link': await link('COMMENTER'),
      'edit link': await link('EDITOR'),
      // A link actor whose link was revoked after it was resolved: the role it claims must not outlive it.
      'revoked link (held)': revokedActor,
      'link to another map': shareLinkActor(
        await resolveShareLink(
          (
            await createShareLink({ kind: 'user', userId: otherMap.ownerId }, otherMap.id, {
              role: 'EDITOR',
              expiresInDays: 0,
            })
          ).token,
        ),
      ),
    },
  };
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
  'comment link': {
    'map:read': 'ok',
    'map:comment': 'ok',
    'map:edit': 'FORBIDDEN',
    'map:manage': 'FORBIDDEN',
  },
  'edit link': {
    'map:read': 'ok',
    'map:comment': 'ok',
    'map:edit': 'ok',
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

  it('a revoked link no longer resolves, and a request carrying it is treated as having no link', async () => {
    const { token, id } = await createShareLink(world.actors.owner!, world.mapId, {
      role: 'VIEWER',
      expiresInDays: 0,
    });
    expect(await outcome(resolveShareLink(token))).toBe('ok');
    await revokeShareLink(world.actors.owner!, world.mapId, id);
    expect(await outcome(resolveShareLink(token))).toBe('GONE');
  });

  it('an expired link, a garbled token and an unknown token all get the same GONE answer', async () => {
    const { token, id } = await createShareLink(world.actors.owner!, world.mapId, {
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
    const { token, id } = await createShareLink(world.actors.owner!, world.mapId, {
      role: 'VIEWER',
      expiresInDays: 0,
    });
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const row = await testDb().shareLink.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token);
  });

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
