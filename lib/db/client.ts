import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

/**
 * A Prisma client over node-postgres. The same code path serves a real
 * PostgreSQL server and the embedded PGlite socket server.
 */
export function createPrismaClient(
  connectionString: string,
  options: { max?: number } = {},
): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
