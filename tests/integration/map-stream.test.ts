import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { realtimeBus } from '@/lib/server/realtime/bus';
import { setLayersRevealed } from '@/lib/server/social/set-layers-revealed';
import { openMapStream, parseResumePoint } from '@/lib/server/realtime/map-stream';
import { addMember, appendEmptyBatches, createMap, testDb } from '../factories';

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
    await testDb().teamMember.deleteMany({ where: { teamId: teamA!.id, userId: student.userId } });
    await testDb().teamMember.create({ data: { teamId: teamB!.id, userId: student.userId } });
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

  it('closes the stream of a member removed from the map within seconds', async () => {
    const map = await createMap();
    const member = await addMember(map.id, 'VIEWER');
    const abort = new AbortController();
    const stream = await openMapStream(member as Actor, map.id, 0, abort.signal);
    await testDb().mapMember.deleteMany({ where: { mapId: map.id, userId: member.userId } });
    // The stream re-checks access every REAUTHORIZE_MS; the read gives up after 10 s.
    const text = await readUntil(stream, (t) => t.includes('event: revoked'), 10_000);
    expect(text, text).toContain('event: revoked');
    abort.abort();
  });
});
