import 'server-only';
import { db } from './db';
import { AppError } from './errors';

export async function checkHealth(): Promise<{ ok: true }> {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    throw new AppError('UNAVAILABLE', 'The database is not answering. Try again in a moment.');
  }
  return { ok: true };
}
