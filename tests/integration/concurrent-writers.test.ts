import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { TOp } from '@/lib/domain/ops';
import { appendToLog } from '@/lib/server/maps/append-to-log';
import { applyMapOps, ZApplyOpsInput } from '@/lib/server/maps/apply-ops';
import { acceptShareLink } from '@/lib/server/share-links/accept-share-link';
import { createShareLink } from '@/lib/server/share-links/create-share-link';
import { addMember, createMap, createUser, testDb } from '../factories';
import { everything, live, replayedLog, send, storedGraph } from '../support/concurrency';

afterAll(async () => {
  await testDb().$disconnect();
});

describe('many writers at once', () => {
  it('twelve concurrent writers: every acknowledged batch is in the log, and the stored map equals the log replayed from the start', async () => {
    const map = await createMap();
    const writers = await Promise.all(
      Array.from({ length: 12 }, () => addMember(map.id, 'EDITOR')),
    );
    const shared = randomUUID();
    await applyMapOps(
      writers[0]!,
      map.id,
      ZApplyOpsInput.parse({
        ops: [{ type: 'createNode', id: shared, kind: 'CLAIM', text: 'Shared', x: 0, y: 0 }],
      }),
    );
    const acknowledged: number[] = [];
    await Promise.all(
      writers.map(async (writer, w) => {
        for (let i = 0; i < 6; i++) {
          const own = randomUUID();
          const ops: TOp[] = [
            {
              type: 'createNode',
              id: own,
              kind: 'PREMISE',
              text: `Writer ${w} premise ${i}`,
              side: 'NEUTRAL',
              x: w * 300,
              y: i * 100,
              anchor: null,
              card: null,
            },
            {
              type: 'createEdge',
              id: randomUUID(),
              fromId: own,
              toId: shared,
              relation: i % 2 ? 'ATTACKS' : 'SUPPORTS',
              groupId: null,
            },
            { type: 'moveNodes', moves: [{ id: shared, x: w, y: i }] },
          ];
          const result = await send(writer, map.id, ops, randomUUID(), 'do');
          // Text edits of the shared node race on its version: some are refused as stale, none is lost silently.
          const node = (await storedGraph(map.id)).nodes.get(shared)!;
          const edit = await send(
            writer,
            map.id,
            [
              {
                type: 'updateNode',
                id: shared,
                baseVersion: node.version,
                text: `Shared, edited by ${w}.${i}`,
              },
            ],
            randomUUID(),
            'do',
          );
          if (result.ok) acknowledged.push(result.seq);
          if (edit.ok) acknowledged.push(edit.seq);
          else expect(edit.code).toBe('STALE_VERSION');
        }
      }),
    );
    const log = await testDb().mapOp.findMany({ where: { mapId: map.id }, select: { seq: true } });
    expect(new Set(log.map((r) => r.seq))).toEqual(new Set([1, ...acknowledged]));
    expect(everything(await storedGraph(map.id))).toEqual(everything(await replayedLog(map.id)));
    expect(live(await storedGraph(map.id)).nodes).toHaveLength(1 + 12 * 6);
  }, 120_000);
});

// PGlite serves one session: nothing runs beside an open transaction there.
const postgres = process.env.COUNTERPOINT_DB_MODE !== 'embedded';

describe.runIf(postgres)('a writer holding the map (PostgreSQL only)', () => {
  it('does not hold up a student who joins through a share link meanwhile', async () => {
    const map = await createMap();
    const owner = { kind: 'user' as const, userId: map.ownerId };
    const { token } = await createShareLink(owner, map.id, { role: 'EDITOR', expiresInDays: 7 });
    const student = { kind: 'user' as const, userId: (await createUser()).id };

    const order: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // A batch whose work waits, with the map's row lock taken, until released.
    const writing = appendToLog(
      { mapId: map.id, actorId: map.ownerId },
      async () => {
        holding();
        await released;
        return { op: { kind: 'vote', ops: [], settings: true }, value: null };
      },
      { timeout: 30_000 },
    );
    await held;
    // If the join waits for the writer, only this fallback ends the wait.
    const fallback = setTimeout(() => {
      order.push('writer let go without the join');
      release();
    }, 10_000);
    await acceptShareLink(student, token);
    order.push('joined');
    clearTimeout(fallback);
    release();
    await writing;

    expect(order).toEqual(['joined']);
    const member = await testDb().mapMember.findUnique({
      where: { mapId_userId: { mapId: map.id, userId: student.userId } },
    });
    expect(member?.role).toBe('EDITOR');
  });
});

/** Sessions of this database waiting for a lock. */
async function waitingForLocks(): Promise<number> {
  const [row] = await testDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return row?.n ?? 0;
}

describe.runIf(postgres)('a class editing one map at once (PostgreSQL only)', () => {
  it('does not hold up an edit of another map while the first map’s writers queue', async () => {
    const busy = await createMap();
    const writers = await Promise.all(
      Array.from({ length: 12 }, () => addMember(busy.id, 'EDITOR')),
    );
    const other = await createMap();
    const otherEditor = await addMember(other.id, 'EDITOR');

    const order: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // A batch whose work waits, with the busy map's row lock taken, until released.
    const writing = appendToLog(
      { mapId: busy.id, actorId: busy.ownerId },
      async () => {
        holding();
        await released;
        return { op: { kind: 'vote', ops: [], settings: true }, value: null };
      },
      { timeout: 30_000 },
    );
    await held;
    // More writers of the busy map than the server has database connections.
    const queued = writers.map((writer) =>
      send(
        writer,
        busy.id,
        [
          {
            type: 'createNode',
            id: randomUUID(),
            kind: 'CLAIM',
            text: 'Queued',
            x: 0,
            y: 0,
            side: 'NEUTRAL',
            anchor: null,
            card: null,
          },
        ],
        randomUUID(),
        'do',
      ),
    );
    // Give the queued writers time to reach the busy map's lock: a server
    // that lets them wait for it inside transactions has most of them there
    // within moments (nine, with the held batch's, fill its ten connections).
    for (let i = 0; i < 30 && (await waitingForLocks()) < 9; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    // If the other map's edit waits for the busy map, only this fallback ends the wait.
    const fallback = setTimeout(() => {
      order.push('busy map let go without the other edit');
      release();
    }, 10_000);
    const elsewhere = await send(
      otherEditor,
      other.id,
      [
        {
          type: 'createNode',
          id: randomUUID(),
          kind: 'CLAIM',
          text: 'Elsewhere',
          x: 0,
          y: 0,
          side: 'NEUTRAL',
          anchor: null,
          card: null,
        },
      ],
      randomUUID(),
      'do',
    );
    order.push('other map edited');
    clearTimeout(fallback);
    release();
    await writing;
    const results = await Promise.all(queued);

    expect(order).toEqual(['other map edited']);
    expect(elsewhere).toMatchObject({ ok: true, seq: 1 });
    // Every queued writer of the busy map got its own next seq, after the held batch.
    expect(
      results.map((r) => (r.ok ? r.seq : r.code)).sort((a, b) => Number(a) - Number(b)),
    ).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
  }, 60_000);
});

describe.runIf(postgres)('a map that stops answering (PostgreSQL only)', () => {
  it('answers a writer that waited ten seconds for its turn 503, which it may send again, and writes nothing for it', async () => {
    const map = await createMap();
    const [second, third] = await Promise.all([
      addMember(map.id, 'EDITOR'),
      addMember(map.id, 'EDITOR'),
    ]);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    let holder = 0;
    // A batch that holds the map's row lock until released, as a stalled writer would.
    const writing = appendToLog(
      { mapId: map.id, actorId: map.ownerId },
      async (tx) => {
        const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        holder = row!.pid;
        holding();
        await released;
        return { op: { kind: 'vote', ops: [], settings: true }, value: null };
      },
      { timeout: 30_000 },
    );
    await held;
    /** Sessions waiting for the holder's lock (other test files' sessions are not counted). */
    const blockedByHolder = async () => {
      const [row] = await testDb().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${holder}::int = ANY(pg_blocking_pids(pid))`;
      return row?.n ?? 0;
    };
    const claim = (text: string): TOp[] => [
      {
        type: 'createNode',
        id: randomUUID(),
        kind: 'CLAIM',
        text,
        x: 0,
        y: 0,
        side: 'NEUTRAL',
        anchor: null,
        card: null,
      },
    ];
    // The next writer waits for the lock in a transaction; the one after it waits for its turn.
    const next = send(second!, map.id, claim('Next'), randomUUID(), 'do');
    // The next writer has its transaction and waits for the lock before the last one comes.
    for (let i = 0; i < 100 && (await blockedByHolder()) < 1; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await blockedByHolder()).toBe(1);
    const key = randomUUID();
    const late = claim('Waited too long');
    const refused = await send(third!, map.id, late, key, 'do');
    release();
    await writing;

    expect(refused).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
    expect(await next).toMatchObject({ ok: true, seq: 2 });
    expect([...(await storedGraph(map.id)).nodes.values()].map((n) => n.text)).toEqual(['Next']);
    // Sent again with the same key once the map answers, it is saved once.
    expect(await send(third!, map.id, late, key, 'do')).toMatchObject({
      ok: true,
      seq: 3,
    });
  }, 60_000);
});
