import { randomUUID } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/server/authz';
import { createClassroom } from '@/lib/server/classrooms/create-classroom';
import { joinClassroom } from '@/lib/server/classrooms/join-classroom';
import { countersPool, createCountersPool, db } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import {
  consume,
  holdStreamPlace,
  LIMITS,
  limiterOf,
  limitRequest,
  storeKey,
  type LimitName,
} from '@/lib/server/rate-limits';
import { createUser, testDb } from '../factories';
import { errorOf } from '../support/apply-ops';

afterAll(async () => {
  await testDb().$disconnect();
});

/** An address no other test uses (test files share the database and its counts). */
const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join('.')}`;
const someone = (): Actor => ({ kind: 'user', userId: randomUUID() });

/** Brings a key's count up to `left` short of its limit, as that many earlier requests would. */
async function fillUpTo(name: LimitName, key: string, left: number) {
  await limiterOf(name).penalty(storeKey(key), LIMITS[name].points - left);
}

const KINDS = ['ops', 'presence', 'streamOpens', 'imports', 'joinAttempts'] as const;

describe.each(KINDS)('the %s limits', (kind) => {
  const perUser = `${kind}PerUser` as const;
  const perAddress = `${kind}PerAddress` as const;

  it('refuse a person past their limit with RATE_LIMITED and when to try again, from any address', async () => {
    const actor = someone();
    await fillUpTo(perUser, (actor as { userId: string }).userId, 1);
    await limitRequest(kind, actor, randomAddress());
    const refused = await errorOf(limitRequest(kind, actor, randomAddress()));
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.message).toMatch(/ Try again in \d+ (seconds?|minutes?)\.$/);
    const { retryAfterSeconds } = refused.details as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(LIMITS[perUser].duration);
    // Someone else at the same address goes on.
    await limitRequest(kind, someone(), randomAddress());
  });

  it('refuse an address past its limit, signed in or not', async () => {
    const address = randomAddress();
    await fillUpTo(perAddress, address, 1);
    await limitRequest(kind, { kind: 'anonymous' }, address);
    expect((await errorOf(limitRequest(kind, { kind: 'anonymous' }, address))).code).toBe(
      'RATE_LIMITED',
    );
    expect((await errorOf(limitRequest(kind, someone(), address))).code).toBe('RATE_LIMITED');
    await limitRequest(kind, { kind: 'anonymous' }, randomAddress());
  });

  it('let a class of 30 behind one address go on where one person is stopped', () => {
    expect(LIMITS[perAddress].points).toBeGreaterThanOrEqual(10 * LIMITS[perUser].points);
  });
});

describe('counting', () => {
  it('lets exactly the limit through when many requests arrive at once', async () => {
    const key = `burst-${randomUUID()}`;
    const limit = LIMITS.signInsPerAccountAndAddress.points;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        consume([['signInsPerAccountAndAddress', key]], 'Too many.'),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(limit);
    expect(
      outcomes.every(
        (o) =>
          o.status === 'fulfilled' ||
          (o.reason instanceof AppError && o.reason.code === 'RATE_LIMITED'),
      ),
    ).toBe(true);
  });
});

describe('durability', () => {
  it('keeps the counters without waiting for the disk, whatever options the URL sets, and every edit waiting for it', async () => {
    if (process.env.COUNTERPOINT_DB_MODE === 'embedded') {
      // One process: the counters live in memory and never touch the database.
      expect(limiterOf('opsPerUser')).toBeInstanceOf(RateLimiterMemory);
      return;
    }
    // Counters are worth nothing after a crash; edits are everything. Each
    // edit used to wait for two disk flushes, its counter's and its own.
    const counters = await countersPool().query<{ synchronous_commit: string }>(
      'SHOW synchronous_commit',
    );
    expect(counters.rows[0]?.synchronous_commit).toBe('off');
    const edits = await db().$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`;
    expect(edits[0]?.synchronous_commit).toBe('on');

    // A DATABASE_URL with options of its own (here even the opposite setting) keeps them, and
    // the counters still do not wait.
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('options', '-c synchronous_commit=on -c statement_timeout=4321');
    const pool = createCountersPool(url.toString());
    try {
      const { rows } = await pool.query<{ sync: string; timeout: string }>(
        `SELECT current_setting('synchronous_commit') AS sync, current_setting('statement_timeout') AS timeout`,
      );
      expect(rows[0]).toEqual({ sync: 'off', timeout: '4321ms' });
    } finally {
      await pool.end();
    }
  });
});

describe('open event streams', () => {
  it(`hold at most ${LIMITS.openStreamsPerUser.points} places per person, given back when a stream ends`, async () => {
    const actor = someone();
    const releases = [];
    for (let i = 0; i < LIMITS.openStreamsPerUser.points; i++)
      releases.push(await holdStreamPlace(actor, randomAddress()));
    expect((await errorOf(holdStreamPlace(actor, randomAddress()))).code).toBe('RATE_LIMITED');
    const ended = releases.pop()!;
    ended();
    ended(); // a stream's end is told twice (abort, then close): one place comes back
    await expect
      .poll(() =>
        holdStreamPlace(actor, randomAddress()).then(
          () => 'held',
          (error: AppError) => error.code,
        ),
      )
      .toBe('held');
    expect((await errorOf(holdStreamPlace(actor, randomAddress()))).code).toBe('RATE_LIMITED');
  });

  it(`hold at most ${LIMITS.openStreamsPerAddress.points} places per address`, async () => {
    const address = randomAddress();
    for (let i = 0; i < LIMITS.openStreamsPerAddress.points; i++)
      await holdStreamPlace({ kind: 'anonymous' }, address);
    expect((await errorOf(holdStreamPlace(someone(), address))).code).toBe('RATE_LIMITED');
  });
});

describe('classroom join codes', () => {
  it(`can be tried ${LIMITS.joinAttemptsPerUser.points} times in the window, then not even the right code works`, async () => {
    const teacher: Actor = { kind: 'user', userId: (await createUser()).id };
    const { id } = await createClassroom(teacher, { name: 'Period 6' });
    const { joinCode } = await testDb().classroom.findUniqueOrThrow({ where: { id } });
    const student: Actor = { kind: 'user', userId: (await createUser()).id };
    const address = { address: randomAddress() };
    for (let i = 0; i < LIMITS.joinAttemptsPerUser.points; i++) {
      const guess = `GUESS${String(i).padStart(3, '0')}`;
      expect((await errorOf(joinClassroom(student, { code: guess }, address))).code).toBe(
        'NOT_FOUND',
      );
    }
    expect((await errorOf(joinClassroom(student, { code: joinCode }, address))).code).toBe(
      'RATE_LIMITED',
    );
    expect(await testDb().classroomMember.count({ where: { userId: student.userId } })).toBe(0);
  });
});
