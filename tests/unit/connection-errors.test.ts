import { describe, expect, it } from 'vitest';
import { AppError, toErrorResponse } from '@/lib/server/errors';

/** The shapes a lost connection takes, as node-postgres and Prisma's pg adapter throw them. */
const pgError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: 'FATAL' });
const prismaWrapped = (cause: object) =>
  Object.assign(new Error('Invalid `db().argumentMap.findUnique()` invocation'), {
    code: 'P2039',
    meta: { modelName: 'ArgumentMap', driverAdapterError: { name: 'DriverAdapterError', cause } },
  });

describe('a lost database connection is a retryable 503', () => {
  it.each([
    ['PostgreSQL class 08', pgError('08006', 'connection failure')],
    [
      'admin shutdown 57P01',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['crash shutdown 57P02', pgError('57P02', 'terminating connection because of crash')],
    ['cannot connect now 57P03', pgError('57P03', 'the database system is starting up')],
    ['node-postgres, connection cut', new Error('Connection terminated unexpectedly')],
    [
      'node-postgres, broken client',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['socket reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['socket refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    [
      'Prisma wrapping 57P01',
      prismaWrapped({ kind: 'postgres', code: '57P01', originalCode: '57P01' }),
    ],
    ['Prisma wrapping a closed connection', prismaWrapped({ kind: 'ConnectionClosed' })],
    ['Prisma wrapping an unreachable database', prismaWrapped({ kind: 'DatabaseNotReachable' })],
    [
      'an error caused by one',
      new Error('query failed', { cause: pgError('08003', 'no connection') }),
    ],
  ])('%s', (_, error) => {
    expect(toErrorResponse(error)).toMatchObject({
      status: 503,
      body: { error: { code: 'UNAVAILABLE' } },
    });
  });

  it('other failures stay what they were', () => {
    expect(toErrorResponse(pgError('23505', 'duplicate key value')).status).toBe(500);
    expect(toErrorResponse(prismaWrapped({ kind: 'UniqueConstraintViolation' })).status).toBe(500);
    expect(toErrorResponse(new AppError('CONFLICT', 'Taken')).status).toBe(409);
  });
});
