import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { removeStudent } from '@/lib/server/classrooms/remove-student';
import { createMap as createClassMap } from '@/lib/server/maps/create-map';
import type { SocialChanges } from '@/lib/domain/social';
import type { Actor } from '@/lib/server/authz';
import { applySocialOps, ZApplySocialOpsInput } from '@/lib/server/social/apply-social-ops';
import { removeMapMember } from '@/lib/server/maps/map-members';
import { acceptShareLink } from '@/lib/server/share-links/accept-share-link';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { resolveShareLink, shareLinkActor } from '@/lib/server/share-links/resolve-share-link';
import { revokeShareLink } from '@/lib/server/share-links/revoke-share-link';
import { assignTeams } from '@/lib/server/teams/assign-teams';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { realtimeBus } from '@/lib/server/realtime/bus';
import { publishPresence, ZPresenceInput } from '@/lib/server/realtime/publish-presence';
import { setLayersRevealed } from '@/lib/server/social/set-layers-revealed';
import { openMapStream, parseResumePoint } from '@/lib/server/realtime/map-stream';
import {
  addMember,
  appendEmptyBatches,
  createMap,
  createNode,
  createUser,
  testDb,
} from '../factories';

afterAll(async () => {
  await testDb().$disconnect();
});

/** Reads a stream until `until` holds for the text so far (or it ends). */
async function readUntil(
  stream: ReadableStream<Uint8Array>,
  until: (text: string) => boolean,
  timeoutMs = 10_000,
): Promise<string> {
  const reader = stream.getReader();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  // One read in flight at a time: a read abandoned by the timeout would swallow its chunk.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  while (!until(text) && Date.now() < deadline) {
    pending ??= reader.read();
    const next = await Promise.race([
      pending,
      new Promise<null>((r) => setTimeout(() => r(null), 250)),
    ]);
    if (next === null) continue;
    pending = null;
    if (next.done) break;
    text += new TextDecoder().decode(next.value);
  }
  if (!pending) reader.releaseLock();
  return text;
}

const claim = (text: string) =>
  ZApplyOpsInput.parse({
    ops: [{ type: 'createNode', id: randomUUID(), kind: 'CLAIM', text, x: 0, y: 0 }],
  });
/** How far behind a reader may be and still get a replay (docs/ARCHITECTURE.md, real-time collaboration). */
const REPLAY_LIMIT = 1000;

const opIds = (text: string) =>
  [...text.matchAll(/id: (\d+)\nevent: ops/g)].map((m) => Number(m[1]));
const socialIds = (text: string) =>
  [...text.matchAll(/id: (\d+)\nevent: social/g)].map((m) => Number(m[1]));

/** Logs an empty batch of notes private to a team, as the notes writer does, and announces it. */
async function teamBatch(mapId: string, teamId: string): Promise<number> {
  const { lastSeq } = await testDb().argumentMap.findUniqueOrThrow({ where: { id: mapId } });
  const seq = lastSeq + 1;
  await testDb().$transaction([
    testDb().mapOp.create({ data: { mapId, seq, teamId, op: { kind: 'social', ops: [] } } }),
    testDb().argumentMap.update({ where: { id: mapId }, data: { lastSeq: seq } }),
  ]);
  realtimeBus().emitLocal({ type: 'ops', mapId, seq });
  return seq;
}

describe('the map event stream', () => {
  it('replays what a reader missed in order, then carries new batches live', async () => {
    const map = await createMap();
    const editor = await addMember(map.id, 'EDITOR');
    const viewer = await addMember(map.id, 'VIEWER');
    for (const n of [1, 2, 3]) await applyMapOps(editor, map.id, claim(`Batch ${n}`));
    const abort = new AbortController();
    const stream = await openMapStream(viewer, map.id, 1, abort.signal);
    const [mine, later] = stream.tee();
    const replayed = await readUntil(mine, (t) => opIds(t).length >= 2);
    expect(opIds(replayed)).toEqual([2, 3]);
    await applyMapOps(editor, map.id, claim('Batch 4'));
    const live = await readUntil(later, (t) => opIds(t).includes(4));
    expect(opIds(live)).toEqual([2, 3, 4]);
    abort.abort();
  });

  it('sends a full snapshot for a missing, garbage or future resume point', async () => {
    expect(parseResumePoint('abc', null)).toBeNull();
    expect(parseResumePoint(null, '12')).toBe(12);
    expect(parseResumePoint('7', '12')).toBe(7);
    const map = await createMap();
    const viewer = await addMember(map.id, 'VIEWER');
    await applyMapOps(await addMember(map.id, 'EDITOR'), map.id, claim('The only batch'));
    const abort = new AbortController();
    for (const from of [null, 2]) {
      const text = await readUntil(await openMapStream(viewer, map.id, from, abort.signal), (t) =>
        t.includes('event: ready'),
      );
      expect(text, `resuming from ${from}`).toMatch(/id: 1\nevent: snapshot\ndata: \{"id":"/);
      expect(text).toContain('event: ready\ndata: {"seq":1}');
    }
    abort.abort();
  });

  it('a batch committed while the stream starts comes once, after the snapshot', async () => {
    const map = await createMap();
    const editor = await addMember(map.id, 'EDITOR');
    const viewer = await addMember(map.id, 'VIEWER');
    for (const n of [1, 2, 3]) await applyMapOps(editor, map.id, claim(`Batch ${n}`));
    const abort = new AbortController();
    const stream = await openMapStream(viewer, map.id, null, abort.signal);
    // The stream has subscribed and is still reading where to start: a batch
    // commits now, and its notification arrives before the stream is ready.
    const committing = applyMapOps(editor, map.id, claim('Batch 4'));
    realtimeBus().emitLocal({ type: 'ops', mapId: map.id, seq: 4 });
    await committing;
    const text = await readUntil(stream, (t) => t.includes('event: ready') && /id: 4\n/.test(t));
    const snapshotAt = text.indexOf('event: snapshot');
    expect(snapshotAt, text).toBeGreaterThanOrEqual(0);
    // Nothing before the snapshot, and only what the snapshot lacks after it, once.
    expect(text.slice(0, snapshotAt)).not.toContain('event: ops');
    const seq = Number(/id: (\d+)\nevent: snapshot/.exec(text)![1]);
    expect(opIds(text)).toEqual(Array.from({ length: 4 - seq }, (_, i) => seq + i + 1));
    abort.abort();
  });

  it('hands each batch to every open stream of the process in order, without reading it back', async () => {
    const map = await createMap();
    const viewer = await addMember(map.id, 'VIEWER');
    const aborts = Array.from({ length: 5 }, () => new AbortController());
    const texts = aborts.map(() => '');
    await Promise.all(
      aborts.map(async (abort, i) => {
        const stream = await openMapStream(viewer, map.id, null, abort.signal);
        void (async () => {
          const reader = stream.getReader();
          for (let next = await reader.read(); !next.done; next = await reader.read())
            texts[i] += new TextDecoder().decode(next.value);
        })();
      }),
    );
    while (!texts.every((t) => t.includes('event: ready')))
      await new Promise((r) => setTimeout(r, 20));
    const { lastSeq } = await testDb().argumentMap.findUniqueOrThrow({ where: { id: map.id } });
    // Batches as the process that commits hands them on, finishing out of
    // order; they are not in the database, so a stream that read each batch
    // from the log (once per reader) would never pass them on.
    const batch = (seq: number) => ({
      seq,
      actorId: null,
      key: null,
      teamId: null,
      body: { ops: [{ type: 'deleteNode', id: `gone-${seq}` }] },
    });
    for (const seq of [lastSeq + 1, lastSeq + 3, lastSeq + 2])
      realtimeBus().emitLocal({ type: 'ops', mapId: map.id, seq, batch: batch(seq) });
    const expected = [lastSeq + 1, lastSeq + 2, lastSeq + 3];
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && !texts.every((t) => opIds(t).length >= 3))
      await new Promise((r) => setTimeout(r, 20));
    for (const text of texts) expect(opIds(text), text).toEqual(expected);
    for (const abort of aborts) abort.abort();
  });

  it(`replays up to ${REPLAY_LIMIT} batches; a reader further behind gets the snapshot`, async () => {
    const map = await createMap();
    const viewer = await addMember(map.id, 'VIEWER');
    await appendEmptyBatches(map.id, REPLAY_LIMIT + 1);
    const last = REPLAY_LIMIT + 1;
    const abort = new AbortController();

    const tooFar = await readUntil(await openMapStream(viewer, map.id, 0, abort.signal), (t) =>
      t.includes('event: ready'),
    );
    expect(tooFar).toContain(`id: ${last}\nevent: snapshot\n`);
    expect(tooFar).toContain(`event: ready\ndata: {"seq":${last}}`);
    expect(opIds(tooFar)).toEqual([]);

    const justInside = await readUntil(
      await openMapStream(viewer, map.id, 1, abort.signal),
      (t) => opIds(t).includes(last),
      30_000,
    );
    expect(justInside).not.toContain('event: snapshot');
    expect(justInside).toContain('event: ready\ndata: {"seq":1}');
    expect(opIds(justInside)).toEqual(Array.from({ length: REPLAY_LIMIT }, (_, i) => i + 2));
    abort.abort();
  });

  it("never carries another team's private batches, and moves past them", async () => {
    const map = await createMap();
    const editor = await addMember(map.id, 'EDITOR');
    const teamA = await testDb().team.create({
      data: { mapId: map.id, name: 'A', color: '#000', side: 'FOR' },
    });
    const teamB = await testDb().team.create({
      data: { mapId: map.id, name: 'B', color: '#000', side: 'AGAINST' },
    });
    await testDb().teamMember.create({ data: { teamId: teamA.id, userId: editor.userId } });
    const memberOfB = await addMember(map.id, 'EDITOR');
    await testDb().teamMember.create({ data: { teamId: teamB.id, userId: memberOfB.userId } });
    await applyMapOps(editor, map.id, claim('Shared with all'));
    // A batch private to team A, as a batch of team notes is.
    await testDb().mapOp.create({
      data: { mapId: map.id, seq: 2, actorId: editor.userId, teamId: teamA.id, op: { ops: [] } },
    });
    await testDb().argumentMap.update({ where: { id: map.id }, data: { lastSeq: 2 } });
    await applyMapOps(editor, map.id, claim('Shared again'));

    const abort = new AbortController();
    const forB = await readUntil(await openMapStream(memberOfB, map.id, 0, abort.signal), (t) =>
      opIds(t).includes(3),
    );
    expect(opIds(forB)).toEqual([1, 3]);
    const forA = await readUntil(await openMapStream(editor, map.id, 0, abort.signal), (t) =>
      opIds(t).includes(3),
    );
    expect(opIds(forA)).toEqual([1, 2, 3]);
    abort.abort();
  });

  it("follows a student moved to another team, and the owner's reveal, while it is open", async () => {
    const map = await createMap();
    const owner = { kind: 'user' as const, userId: map.ownerId };
    const student = await addMember(map.id, 'EDITOR');
    const [teamA, teamB] = await Promise.all(
      (['A', 'B'] as const).map((name) =>
        testDb().team.create({ data: { mapId: map.id, name, color: '#000', side: 'FOR' } }),
      ),
    );
    await testDb().teamMember.create({ data: { teamId: teamA!.id, userId: student.userId } });
    const abort = new AbortController();
    const stream = await openMapStream(student, map.id, 0, abort.signal);
    let all = '';
    void (async () => {
      const reader = stream.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read())
        all += new TextDecoder().decode(next.value);
    })();
    const waitFor = async (until: (text: string) => boolean, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!until(all) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      return until(all);
    };
    expect(await waitFor((t) => t.includes('event: ready'), 10_000)).toBe(true);
    /** Writes batches of `teamId` until one reaches the stream (the filter is re-read every few seconds). */
    const untilDelivered = async (teamId: string) => {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const seq = await teamBatch(map.id, teamId);
        if (await waitFor((t) => socialIds(t).includes(seq), 500)) return;
      }
      throw new Error(`no batch of team ${teamId} reached the stream`);
    };

    // The teacher moves the student from team A to team B.
    await assignTeams(owner, map.id, { assignments: { [student.userId]: teamB!.id }, sides: {} });
    // The page is told to fetch the layers it may see now (a nudge without changes).
    const nudge = /event: social\ndata: \{"seq":\d+\}\n/;
    expect(await waitFor((t) => nudge.test(t), 10_000)).toBe(true);
    await untilDelivered(teamB!.id);
    const mark = all.length;
    const ofA = await teamBatch(map.id, teamA!.id);
    await applyMapOps(student, map.id, claim('After the move'));
    expect(await waitFor((t) => opIds(t).includes(ofA + 1), 10_000)).toBe(true);
    const after = all.slice(mark);
    expect(opIds(after)).toEqual([ofA + 1]);
    expect(socialIds(after)).not.toContain(ofA);

    // Once the owner reveals the layers, every team's batches reach every member.
    await setLayersRevealed(owner, map.id, true);
    await untilDelivered(teamA!.id);
    abort.abort();
  });

  it('carries what a comment or note changed to the readers allowed to see it, and nothing of a note to another team', async () => {
    const map = await createMap();
    const owner = { kind: 'user' as const, userId: map.ownerId };
    const [alice, bob] = [await addMember(map.id, 'EDITOR'), await addMember(map.id, 'EDITOR')];
    const [teamA, teamB] = await Promise.all(
      (['A', 'B'] as const).map((name) =>
        testDb().team.create({ data: { mapId: map.id, name, color: '#000', side: 'FOR' } }),
      ),
    );
    await assignTeams(owner, map.id, {
      assignments: { [alice.userId]: teamA!.id, [bob.userId]: teamB!.id },
      sides: {},
    });
    const node = await createNode(map.id);
    const open = async (actor: Actor) => {
      const abort = new AbortController();
      const stream = await openMapStream(actor, map.id, null, abort.signal);
      const read = { text: '', abort };
      void (async () => {
        const reader = stream.getReader();
        for (let next = await reader.read(); !next.done; next = await reader.read())
          read.text += new TextDecoder().decode(next.value);
      })();
      while (!read.text.includes('event: ready')) await new Promise((r) => setTimeout(r, 20));
      return read;
    };
    const [ofAlice, ofBob] = [await open(alice), await open(bob)];

    await applySocialOps(
      alice,
      map.id,
      ZApplySocialOpsInput.parse({
        ops: [
          {
            type: 'upsertAnnotation',
            id: randomUUID(),
            teamId: teamA!.id,
            target: { kind: 'NODE', nodeId: node.id },
            kind: 'NOTE',
            body: 'Our line: ask for the treaty text',
          },
        ],
      }),
    );
    const comment = await applySocialOps(
      alice,
      map.id,
      ZApplySocialOpsInput.parse({
        ops: [{ type: 'addComment', id: randomUUID(), nodeId: node.id, body: 'Source, please?' }],
      }),
    );
    for (const read of [ofAlice, ofBob]) {
      const deadline = Date.now() + 5_000;
      while (!read.text.includes(`id: ${comment.seq}\n`) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
    }
    const socialEvents = (text: string) =>
      [...text.matchAll(/event: social\ndata: (.*)\n/g)].map(
        (m) => JSON.parse(m[1]!) as { seq: number; changes?: SocialChanges },
      );
    // Alice's team gets its note as it now stands, and everyone gets the comment.
    const [note, ownComment] = socialEvents(ofAlice.text);
    expect(note!.changes!.annotations.map((a) => a.body)).toEqual([
      'Our line: ask for the treaty text',
    ]);
    expect(ownComment!.changes!.comments.map((c) => c.body)).toEqual(['Source, please?']);
    // Bob, on the other team, is moved past the note without a word of it.
    expect(ofBob.text).not.toContain('treaty');
    expect(socialEvents(ofBob.text).map((e) => e.changes!.comments[0]!.body)).toEqual([
      'Source, please?',
    ]);
    ofAlice.abort.abort();
    ofBob.abort.abort();
  });

  it('closes the stream of a student the teacher removes from the class, at once', async () => {
    const teacher = { kind: 'user' as const, userId: (await createUser()).id };
    const { id: classroomId } = await createClassroom(teacher, { name: 'Period 3' });
    const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id: classroomId } });
    const { id: mapId } = await createClassMap(teacher, {
      title: 'Class debate',
      motion: 'This house would test',
      template: 'blank',
      classroomId,
    });
    const student = { kind: 'user' as const, userId: (await createUser()).id };
    await joinClassroom(student, { code: joinCode });
    const abort = new AbortController();
    const stream = await openMapStream(student, mapId, null, abort.signal);
    expect(await readUntil(stream, (t) => t.includes('event: ready'))).toContain('event: ready');
    await removeStudent(teacher, classroomId, student.userId);
    // The removal itself tells the stream (no polling): the read gives up
    // after 2 s, long before the stream's own safety re-check (once a minute).
    const text = await readUntil(stream, (t) => t.includes('event: revoked'), 2_000);
    expect(text, text).toContain('event: revoked');
    abort.abort();
  });

  it('closes the stream of a member who joined through a link when the owner revokes it, or removes them', async () => {
    const map = await createMap();
    const owner = { kind: 'user' as const, userId: map.ownerId };
    for (const end of ['revoke', 'remove'] as const) {
      const link = await createShareLink(owner, map.id, { role: 'EDITOR', expiresInDays: 7 });
      const member = { kind: 'user' as const, userId: (await createUser()).id };
      await acceptShareLink(member, link.token);
      const abort = new AbortController();
      const stream = await openMapStream(member, map.id, null, abort.signal);
      expect(await readUntil(stream, (t) => t.includes('event: ready'))).toContain('event: ready');
      if (end === 'revoke') await revokeShareLink(owner, map.id, link.id);
      else await removeMapMember(owner, map.id, member.userId);
      const text = await readUntil(stream, (t) => t.includes('event: revoked'), 2_000);
      expect(text, `${end}: ${text}`).toContain('event: revoked');
      abort.abort();
    }
  });

  it('closes the stream of a visitor whose share link the owner revokes', async () => {
    const map = await createMap();
    const owner = { kind: 'user' as const, userId: map.ownerId };
    const link = await createShareLink(owner, map.id, { role: 'VIEWER', expiresInDays: 7 });
    const visitor = shareLinkActor(await resolveShareLink(link.token));
    const abort = new AbortController();
    const stream = await openMapStream(visitor, map.id, null, abort.signal);
    expect(await readUntil(stream, (t) => t.includes('event: ready'))).toContain('event: ready');
    await revokeShareLink(owner, map.id, link.id);
    const text = await readUntil(stream, (t) => t.includes('event: revoked'), 2_000);
    expect(text, text).toContain('event: revoked');
    abort.abort();
  });
});

describe.runIf(process.env.COUNTERPOINT_DB_MODE !== 'embedded')('presence across processes', () => {
  it('reaches a reader once, though the process that sent it also hears its own NOTIFY', async () => {
    const map = await createMap();
    const viewer = await addMember(map.id, 'VIEWER');
    const abort = new AbortController();
    const stream = await openMapStream(viewer, map.id, null, abort.signal);
    let text = '';
    void (async () => {
      const reader = stream.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read())
        text += new TextDecoder().decode(next.value);
    })();
    const until = async (what: string) => {
      const deadline = Date.now() + 10_000;
      while (!text.includes(what) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(text).toContain(what);
    };
    await until('event: ready');
    // The LISTEN connection is up once a resync has been announced; give it the first presence.
    await publishPresence(viewer, map.id, ZPresenceInput.parse({ clientId: 'tab-one-aaaa' }));
    // Then a marker from "another process": NOTIFYs arrive in commit order, so
    // an echo of the first presence would be here before the marker is.
    await testDb()
      .$executeRaw`SELECT pg_notify('counterpoint_presence', ${`another-process ${map.id} {"clientId":"marker-bbbb"}`})`;
    await until('marker-bbbb');
    expect(text.split('tab-one-aaaa').length - 1, text).toBe(1);
    abort.abort();
  });
});
