import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { toErrorResponse } from '@/lib/server/errors';
import { addMember, createMap, testDb } from '../factories';
import { apply, claim } from '../support/apply-ops';

/**
 * The app's connections are cut while a class keeps editing. Only this
 * file's own connections are cut (they carry an application_name of their
 * own), so test files running beside it on the same database are unharmed.
 */
const postgres = process.env.COUNTERPOINT_DB_MODE !== 'embedded';
const appName = `counterpoint-blip-${randomUUID().slice(0, 8)}`;
if (postgres) {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set('application_name', appName);
  process.env.DATABASE_URL = url.toString();
}

afterAll(async () => {
  await testDb().$disconnect();
});

/** The status the route would answer for this call (jsonRoute → toErrorResponse). */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    return toErrorResponse(error).status;
  }
}

// PGlite serves every connection from one in-process session: there is no backend to terminate.
describe.runIf(postgres)(
  'a database blip (PostgreSQL only: PGlite has no backends to terminate)',
  () => {
    it('while the app’s connections are terminated, every edit answers success or 503, and resending the 503s stores each edit exactly once', async () => {
      const map = await createMap();
      const writers = await Promise.all([1, 2, 3].map(() => addMember(map.id, 'EDITOR')));
      const admin = new pg.Client({
        connectionString: process.env.DATABASE_URL!.replace(appName, 'blip-admin'),
      });
      await admin.connect();
      let writing = true;
      let cuts = 0;
      const killer = (async () => {
        while (writing) {
          const { rowCount } = await admin.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = $1`,
            [appName],
          );
          cuts += rowCount ?? 0;
          await new Promise((resolve) => setTimeout(resolve, 15));
        }
      })();

      const edits = writers.flatMap((writer, w) =>
        Array.from({ length: 25 }, (_, i) => ({
          writer,
          nodeId: randomUUID(),
          key: `blip-${w}-${i}-${randomUUID()}`,
        })),
      );
      const statuses: number[] = [];
      const unanswered: typeof edits = [];
      try {
        await Promise.all(
          writers.map(async (writer) => {
            for (const edit of edits.filter((e) => e.writer === writer)) {
              const status = await statusOf(
                apply(writer, map.id, [claim(edit.nodeId, edit.key)], edit.key),
              );
              statuses.push(status);
              if (status !== 200) unanswered.push(edit);
            }
          }),
        );
      } finally {
        writing = false;
        await killer;
        await admin.end();
      }

      expect(cuts).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      // The client resends each 503 with the same key until it is answered.
      for (const edit of unanswered) {
        let status = 503;
        for (let attempt = 0; status === 503 && attempt < 5; attempt++)
          status = await statusOf(
            apply(edit.writer, map.id, [claim(edit.nodeId, edit.key)], edit.key),
          );
        expect(status).toBe(200);
      }
      const nodes = await testDb().node.findMany({
        where: { mapId: map.id },
        select: { text: true },
      });
      expect(nodes.map((n) => n.text).sort()).toEqual(edits.map((e) => e.key).sort());
      const log = await testDb().mapOp.findMany({
        where: { mapId: map.id },
        orderBy: { seq: 'asc' },
      });
      expect(log.map((r) => r.seq)).toEqual(edits.map((_, i) => i + 1));
      expect(new Set(log.map((r) => r.idempotencyKey)).size).toBe(edits.length);
    });
  },
);
