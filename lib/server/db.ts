import 'server-only';
import { createPrismaClient, type PrismaClient } from '../db/client';
import { parseEnv, ServerEnv } from '../env';

/**
 * The one Prisma client of this server process, created on first use (so
 * that `next build` needs no database) and kept across hot reloads in dev.
 */
const globalForPrisma = globalThis as unknown as { counterpointPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.counterpointPrisma) {
    const env = parseEnv(ServerEnv);
    globalForPrisma.counterpointPrisma = createPrismaClient(env.DATABASE_URL);
  }
  return globalForPrisma.counterpointPrisma;
}
