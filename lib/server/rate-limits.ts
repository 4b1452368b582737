import 'server-only';
import { createHash } from 'node:crypto';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { parseEnv, ServerEnv } from '../env';
import type { Actor } from './authz';
import { countersPool } from './db';
import { AppError } from './errors';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Every rate limit of the app, in one place (listed in docs/SECURITY.md).
 * `points` requests per `duration` seconds, in fixed windows. A class of 30
 * students behind one school address must never meet a limit, so limits per
 * address are far above limits per person; the per-person limits are what
 * stops one account, the per-address ones what stops a script with no
 * account or many. COUNTERPOINT_RATE_LIMIT_FACTOR multiplies every `points`.
 * Exported for the tests that reach the limits, and for account deletion,
 * which clears a person's own counters by name.
 */
export const LIMITS = {
  /**
   * Op batches (POST /api/maps/:id/ops). A browser sends one batch per
   * action and waits for the answer before the next: even typing and
   * dragging without pause stays under 2 a second, so 10 a second sustained
   * is never met by a person. (One script sent 81 a second.)
   */
  opsPerUser: { points: 600, duration: MINUTE },
  /** 30 people at 3 batches a second each, without pause. */
  opsPerAddress: { points: 6_000, duration: MINUTE },
  /**
   * Presence posts. A moving cursor posts every 80 ms (750 a minute), plus a
   * heartbeat every 10 s: twice that.
   */
  presencePerUser: { points: 1_500, duration: MINUTE },
  /** 30 people, all moving their cursors all the time (anonymous readers of a public map too). */
  presencePerAddress: { points: 24_000, duration: MINUTE },
  /**
   * Opening a map's event stream: one per page view, and one per reconnect
   * after the network drops. A reload every second for a minute.
   */
  streamOpensPerUser: { points: 60, duration: MINUTE },
  /** 30 people reloading every 1.5 s. */
  streamOpensPerAddress: { points: 1_200, duration: MINUTE },
  /**
   * Event streams open at once, on one app instance (`duration` 0: held until
   * the stream closes): an open stream costs that instance memory and a
   * socket, so the count is the instance's own. 20 tabs of open maps.
   */
  openStreamsPerUser: { points: 20, duration: 0 },
  /** 30 people with 10 tabs each. */
  openStreamsPerAddress: { points: 300, duration: 0 },
  /** Map imports (up to 5 MB each): a teacher importing a whole folder of files, 30 in 10 minutes. */
  importsPerUser: { points: 30, duration: 10 * MINUTE },
  /** Ten teachers doing so at once. */
  importsPerAddress: { points: 300, duration: 10 * MINUTE },
  /** New accounts: a class of 30 signing up in one lesson, three times over, from one address. */
  signUpsPerAddress: { points: 100, duration: HOUR },
  /**
   * Classroom join-code attempts: a student types the code once, perhaps
   * mistyped a few times. 20 in 15 minutes makes guessing a 40-bit code
   * hopeless. (A script guessed 89 a second.)
   */
  joinAttemptsPerUser: { points: 20, duration: 15 * MINUTE },
  /** A class of 30 joining, each mistyping several times. */
  joinAttemptsPerAddress: { points: 300, duration: 15 * MINUTE },
  /**
   * Sign-in attempts for one account from one address: 8 wrong passwords in
   * 15 minutes. A correct one resets it. Counting this pair (not the account
   * alone) slows a guesser without locking the owner out from elsewhere.
   */
  signInsPerAccountAndAddress: { points: 8, duration: 15 * MINUTE },
  /**
   * Sign-in attempts for one account from anywhere: the bound on guessing
   * from many addresses. Only attempts that the pair limit let through count
   * here, so one address adds at most 8: locking an owner out takes 13.
   */
  signInsPerAccount: { points: 100, duration: 15 * MINUTE },
  /** Sign-in attempts from one address for any accounts: 30 students each mistyping up to the pair limit, and more. */
  signInsPerAddress: { points: 300, duration: 15 * MINUTE },
  /**
   * "Forgot password" requests for one email: a person who lost the first
   * mail asks again, a few times. Stops anyone filling an inbox.
   */
  passwordResetsPerEmail: { points: 5, duration: HOUR },
  /** From one address: a class of 30 who all forgot, twice over; bounds mail sent by a script. */
  passwordResetsPerAddress: { points: 60, duration: HOUR },
} as const;

export type LimitName = keyof typeof LIMITS;

/** rate-limiter-flexible's table, created by a migration (prisma/schema.prisma, model RateLimit). */
const TABLE = 'RateLimit';

type Limiters = Record<LimitName, RateLimiterAbstract>;
const globalForLimits = globalThis as unknown as { counterpointLimiters?: Limiters };

/**
 * The limiters, made on first use. On PostgreSQL the counts live in the
 * database, so every app instance shares them: each request is counted by
 * one INSERT ... ON CONFLICT DO UPDATE ... RETURNING, atomic however many
 * arrive at once. The embedded database is one process, and its one
 * connection is the app's (lib/server/db.ts), so the counts live in memory
 * there. Open streams are counted in memory everywhere (see LIMITS).
 */
function limiters(): Limiters {
  if (globalForLimits.counterpointLimiters) return globalForLimits.counterpointLimiters;
  const env = parseEnv(ServerEnv);
  const made = {} as Limiters;
  let sweeper = true;
  for (const [name, limit] of Object.entries(LIMITS) as [LimitName, (typeof LIMITS)[LimitName]][]) {
    const options = {
      keyPrefix: name,
      points: Math.round(limit.points * env.COUNTERPOINT_RATE_LIMIT_FACTOR),
      duration: limit.duration,
    };
    if (env.COUNTERPOINT_DB_MODE === 'embedded' || limit.duration === 0) {
      made[name] = new RateLimiterMemory(options);
    } else {
      made[name] = new RateLimiterPostgres({
        ...options,
        storeClient: countersPool(),
        storeType: 'pool',
        tableName: TABLE,
        tableCreated: true,
        // One limiter deletes rows an hour past their window, every five minutes, for all.
        clearExpiredByTimeout: sweeper,
      });
      sweeper = false;
    }
  }
  globalForLimits.counterpointLimiters = made;
  return made;
}

/** The limiter of one limit, for the tests that bring a count to its limit. @internal */
export function limiterOf(name: LimitName): RateLimiterAbstract {
  return limiters()[name];
}

/** A key of bounded length (a long email is hashed), so the table's index stays small. */
export function storeKey(key: string): string {
  return key.length > 180 ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key;
}

/**
 * Whether a limiter's rejection is a refusal (rate-limiter-flexible rejects
 * with a RateLimiterRes, not an Error, when a limit is reached) rather than a
 * failure of its store. Judged by shape as well as class: Next loads the
 * library once per server layer (route handlers, server actions), and the
 * limiters, made once per process, may come from the other layer, whose
 * RateLimiterRes is another class. (By class alone, a refusal became a 500.)
 */
function isRefusal(error: unknown): error is { msBeforeNext: number } {
  return (
    error instanceof RateLimiterRes ||
    (typeof error === 'object' &&
      error !== null &&
      !(error instanceof Error) &&
      typeof (error as { msBeforeNext?: unknown }).msBeforeNext === 'number')
  );
}

function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The 429 for a refused request: `message`, when to try again, and details.retryAfterSeconds for Retry-After. */
function refusal(message: string, msBeforeNext: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError('RATE_LIMITED', `${message} Try again in ${waitText(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}

/**
 * Counts one request against each limit given a key (a null key is skipped:
 * an anonymous request has no user, an unknown address no address), in
 * order; the first limit that is over refuses it with RATE_LIMITED, and the
 * limits after it do not count it. An error of the store itself passes on.
 */
export async function consume(
  checks: readonly (readonly [LimitName, string | null])[],
  message: string,
): Promise<void> {
  for (const [name, key] of checks) {
    if (key === null) continue;
    try {
      await limiters()[name].consume(storeKey(key));
    } catch (error) {
      if (isRefusal(error)) throw refusal(message, error.msBeforeNext);
      throw error;
    }
  }
}

/** Gives back one counted request (a sign-in that succeeded is not an attempt to slow). */
export async function giveBack(name: LimitName, key: string | null): Promise<void> {
  if (key !== null) await limiters()[name].reward(storeKey(key));
}

/** Forgets a key's count. */
export async function forget(name: LimitName, key: string | null): Promise<void> {
  if (key !== null) await limiters()[name].delete(storeKey(key));
}

const userKey = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** What a refused request of each kind is told. */
const MESSAGES = {
  ops: 'Changes are arriving faster than the server accepts them.',
  presence: 'Too many presence updates.',
  streamOpens: 'Too many live connections were opened.',
  imports: 'Too many imports.',
  joinAttempts: 'Too many attempts to join a classroom.',
} as const;

/**
 * Counts a request of one kind against its per-person and per-address
 * limits: op batches, presence posts, stream openings, imports, join-code
 * attempts. A link holder or an anonymous reader is counted by address only.
 */
export function limitRequest(
  kind: keyof typeof MESSAGES,
  actor: Actor,
  address: string | null,
): Promise<void> {
  return consume(
    [
      [`${kind}PerUser`, userKey(actor)],
      [`${kind}PerAddress`, address],
    ],
    MESSAGES[kind],
  );
}

/**
 * Holds one of the open-stream places of this person and this address, or
 * refuses with RATE_LIMITED when either has none left. Returns the function
 * that gives them back, once, when the stream ends.
 */
export async function holdStreamPlace(actor: Actor, address: string | null): Promise<() => void> {
  const held: [LimitName, string][] = [];
  const release = () => {
    for (const [name, key] of held.splice(0)) {
      const limiter = limiters()[name];
      void limiter
        .reward(key)
        .then((res) => (res.consumedPoints <= 0 ? limiter.delete(key) : undefined))
        .catch(() => {});
    }
  };
  const places: [LimitName, string | null][] = [
    ['openStreamsPerUser', userKey(actor)],
    ['openStreamsPerAddress', address],
  ];
  for (const [name, key] of places) {
    if (key === null) continue;
    try {
      await limiters()[name].consume(storeKey(key));
      held.push([name, storeKey(key)]);
    } catch (error) {
      // A refused consume counted too: give it back with the others.
      held.push([name, storeKey(key)]);
      release();
      if (isRefusal(error))
        throw new AppError(
          'RATE_LIMITED',
          'Too many maps are open at once from here. Close some tabs and reload this page.',
          { retryAfterSeconds: 10 },
        );
      throw error;
    }
  }
  return release;
}

/** `stream`, calling `release` once when it ends: read to the end, failed, or cancelled by the client. */
export function releasingWhenDone(
  stream: ReadableStream<Uint8Array>,
  release: () => void,
): ReadableStream<Uint8Array> {
  let released = false;
  const once = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          once();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        once();
        controller.error(error);
      }
    },
    cancel(reason) {
      once();
      return reader.cancel(reason);
    },
  });
}
