import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeMap, type Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { AppError } from '@/lib/server/errors';
import { createMap } from '@/lib/server/maps/create-map';
import { listMyMaps } from '@/lib/server/maps/list-my-maps';
import { listVisibleMaps } from '@/lib/server/maps/list-visible-maps';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';
import { addMember, createMap as createBareMap, createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

async function mayRead(actor: Actor, mapId: string): Promise<boolean> {
  try {
    await authorizeMap(actor, 'map:read', mapId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

const onHomePage = async (actor: Actor) => (await listVisibleMaps(actor)).map((m) => m.id);
const inMyMaps = async (actor: Actor) => {
  const { owned, shared } = await listMyMaps(actor);
  return [...owned, ...shared].map((m) => m.id);
};

let teacher: Actor & { kind: 'user' };
let student: Actor & { kind: 'user' };
let outsider: Actor & { kind: 'user' };
let classMapId: string;

beforeAll(async () => {
  teacher = await user();
  student = await user();
  outsider = await user();
  const { id: classroomId } = await createClassroom(teacher, { name: 'Period 2' });
  const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } });
  await joinClassroom(student, { code: joinCode });
  ({ id: classMapId } = await createMap(teacher, {
    title: 'Class map',
    motion: 'This house would list consistently',
    template: 'blank',
    classroomId,
  }));
});

describe('which maps are listed', () => {
  it("a class member sees the class's map on the home page and in my maps, as an editor", async () => {
    expect(await onHomePage(student)).toContain(classMapId);
    const { shared } = await listMyMaps(student);
    expect(shared).toEqual([expect.objectContaining({ id: classMapId, role: 'Editor' })]);
    expect(await onHomePage(teacher)).toContain(classMapId);
    expect((await listMyMaps(teacher)).owned.map((m) => m.id)).toEqual([classMapId]);
  });

  it("an outsider sees the class's map in neither listing", async () => {
    expect(await onHomePage(outsider)).not.toContain(classMapId);
    expect(await inMyMaps(outsider)).not.toContain(classMapId);
    expect(await onHomePage({ kind: 'anonymous' })).not.toContain(classMapId);
  });

  it('lists a map exactly when authorizeMap lets the actor read it', async () => {
    const owner = await user();
    const privateMap = await createBareMap({ ownerId: owner.userId });
    const publicMap = await createBareMap({ ownerId: owner.userId, isPublic: true });
    const viewer = await addMember(privateMap.id, 'VIEWER');
    const live = shareLinkActor(
      await resolveShareLink(
        (await createShareLink(owner, privateMap.id, { role: 'VIEWER', expiresInDays: 7 })).token,
      ),
    );
    const made = await createShareLink(owner, privateMap.id, { role: 'VIEWER', expiresInDays: 7 });
    const revoked = shareLinkActor(await resolveShareLink(made.token));
    await revokeShareLink(owner, privateMap.id, made.id);

    const actors: Record<string, Actor> = {
      owner,
      viewer,
      teacher,
      student,
      outsider,
      anonymous: { kind: 'anonymous' },
      'live link': live,
      'revoked link': revoked,
    };
    const maps = { private: privateMap.id, public: publicMap.id, class: classMapId };
    for (const [who, actor] of Object.entries(actors)) {
      const listed = await onHomePage(actor);
      const mine = actor.kind === 'user' ? await inMyMaps(actor) : [];
      for (const [which, mapId] of Object.entries(maps)) {
        const readable = await mayRead(actor, mapId);
        expect(listed.includes(mapId), `${who} on the home page, ${which} map`).toBe(readable);
        // "My maps" is for people signed in, and leaves out public maps they have no role on.
        if (actor.kind === 'user' && which !== 'public')
          expect(mine.includes(mapId), `${who} in my maps, ${which} map`).toBe(readable);
      }
    }
  });
});
