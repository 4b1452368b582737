import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ZPresentingInput } from '@/lib/domain/presenting';
import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { joinClassroom, ZJoinClassroomInput } from '@/lib/server/classrooms/join-classroom';
import { AppError } from '@/lib/server/errors';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { openMapStream } from '@/lib/server/realtime/map-stream';
import { mayPresent, publishPresenting } from '@/lib/server/realtime/presenting';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { addMember, createMap, createUser, testDb } from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

const user = async (): Promise<Actor & { kind: 'user' }> => ({
  kind: 'user',
  userId: (await createUser()).id,
});

async function errorCode(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'ok';
}

let n = 0;
const state = (clientId: string, extra: Partial<ReturnType<typeof ZPresentingInput.parse>> = {}) =>
  ZPresentingInput.parse({
    clientId,
    n: ++n,
    active: true,
    view: { x: -100, y: -50, width: 1200, height: 700 },
    selection: null,
    spotlight: null,
    ...extra,
  });

/** Follows a stream's text: `until` waits until it holds for the text so far, or a few seconds pass. */
function follow(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  let text = '';
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  return async (until: (text: string) => boolean, ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (!until(text) && Date.now() < deadline) {
      pending ??= reader.read();
      const next = await Promise.race([
        pending,
        new Promise<null>((r) => setTimeout(r, 100, null)),
      ]);
      if (next === null) continue;
      pending = null;
      if (next.done) break;
      text += new TextDecoder().decode(next.value);
    }
    return text;
  };
}

/** A class map: owned by its teacher, with a student of the class (an editor of it) and an outsider. */
async function classMap() {
  const teacher = await user();
  const { id: classroomId } = await createClassroom(teacher, { name: 'Period 5' });
  const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } });
  const student = await user();
  await joinClassroom(student, ZJoinClassroomInput.parse({ code: joinCode }));
  const map = await createMap({ ownerId: teacher.userId });
  await testDb().argumentMap.update({ where: { id: map.id }, data: { classroomId } });
  return { teacher, student, map, classroomId };
}

describe('presenting a map', () => {
  it('only the map’s owner or the class’s teacher may present; students, editors and links may not', async () => {
    const { teacher, student, map, classroomId } = await classMap();
    const editorActor = await addMember(map.id, 'EDITOR');
    const link = await createShareLink(teacher, map.id, { role: 'VIEWER', expiresInDays: 7 });
    const linkActor = shareLinkActor(await resolveShareLink(link.token));

    expect(await errorCode(publishPresenting(teacher, map.id, state('teacher-tab-1')))).toBe('ok');
    for (const actor of [student, editorActor, linkActor])
      expect(await errorCode(publishPresenting(actor, map.id, state('someone-tab-1')))).toBe(
        'FORBIDDEN',
      );
    // Someone who cannot read the map does not learn it exists.
    expect(await errorCode(publishPresenting(await user(), map.id, state('stranger-1')))).toBe(
      'NOT_FOUND',
    );
    expect(await mayPresent(teacher, map.id)).toBe(true);
    expect(await mayPresent(student, map.id)).toBe(false);
    expect(await mayPresent(linkActor, map.id)).toBe(false);

    // A teacher of the class presents a class map someone else owns.
    const colleague = await user();
    await testDb().classroomMember.create({
      data: { classroomId, userId: colleague.userId, role: 'TEACHER' },
    });
    expect(await errorCode(publishPresenting(colleague, map.id, state('colleague-1')))).toBe('ok');
    await publishPresenting(teacher, map.id, state('teacher-tab-1', { active: false }));
  });

  it('readers hear the presenter live, a reader who arrives later gets the latest state, and a stop ends it', async () => {
    const { teacher, student, map } = await classMap();
    const abort = new AbortController();
    const first = follow(await openMapStream(student, map.id, null, abort.signal));
    await first((t) => t.includes('event: ready'));
    const pending = first((t) => t.includes('spot-me'));
    await publishPresenting(teacher, map.id, state('teacher-tab-2', { spotlight: 'spot-me' }));
    const live = await pending;
    const data = JSON.parse(/event: presenting\ndata: (.*)\n/.exec(live)![1]!) as Record<
      string,
      unknown
    >;
    expect(data).toMatchObject({
      presenterId: teacher.userId,
      active: true,
      spotlight: 'spot-me',
      view: { x: -100, y: -50, width: 1200, height: 700 },
    });

    // A late reader follows at once: the stream starts with the latest state.
    const late = follow(await openMapStream(student, map.id, null, abort.signal));
    expect(await late((t) => t.includes('event: presenting'))).toContain('spot-me');

    // The presenter stops: a reader who opens the map now gets no presentation.
    await publishPresenting(teacher, map.id, state('teacher-tab-2', { active: false }));
    const after = follow(await openMapStream(student, map.id, null, abort.signal));
    await after((t) => t.includes('event: ready'));
    // What a presentation would have sent right after `ready` has had time to arrive.
    const text = await after(() => false, 500);
    expect(text).not.toContain('event: presenting');
    abort.abort();
  });

  it('bad presenting input is refused with its field', () => {
    expect(() =>
      ZPresentingInput.parse({ clientId: 'x', n: 1, active: true, view: null }),
    ).toThrow();
    expect(() =>
      ZPresentingInput.parse({
        clientId: 'tab-aaaaaaaa',
        n: 1,
        active: true,
        view: { x: 0, y: 0, width: -5, height: 10 },
      }),
    ).toThrow();
  });

  it('a projector link (a view link) cannot change the map or present it', async () => {
    const { teacher, map } = await classMap();
    const link = await createShareLink(teacher, map.id, { role: 'VIEWER', expiresInDays: 7 });
    const projector = shareLinkActor(await resolveShareLink(link.token));
    const op = ZApplyOpsInput.parse({
      ops: [{ type: 'createNode', id: randomUUID(), kind: 'CLAIM', text: 'Nope', x: 0, y: 0 }],
    });
    expect(await errorCode(applyMapOps(projector, map.id, op))).not.toBe('ok');
    expect(await errorCode(publishPresenting(projector, map.id, state('projector-1')))).toBe(
      'FORBIDDEN',
    );
    const nodes = await testDb().node.count({ where: { mapId: map.id } });
    expect(nodes).toBe(0);
  });
});
