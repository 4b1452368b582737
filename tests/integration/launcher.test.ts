import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { seedDemoMap } from '@/prisma/seed/seed';
import { freePort } from '../support/free-port';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Runs the real launcher (`npm run dev`'s script) and returns its exit code and output. */
async function launch(
  env: Record<string, string>,
  mode: 'dev' | 'start' = 'dev',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'development' as const,
  };
  try {
    const { stdout, stderr } = await run(
      path.join(root, 'node_modules/.bin/tsx'),
      ['scripts/launch.ts', mode],
      {
        cwd: root,
        env: { ...base, ...env },
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function expectOneReadableLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^counterpoint: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

const tempDir = () => mkdtemp(path.join(tmpdir(), 'counterpoint-launch-'));

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('starting the app with bad input', () => {
  it('explains a malformed DATABASE_URL in one line', async () => {
    const result = await launch({
      DATABASE_URL: 'localhost:5432/app',
      PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    expectOneReadableLine(result.stderr, /DATABASE_URL is not a PostgreSQL URL/);
  });

  it('explains an unreachable DATABASE_URL in one line', async () => {
    const { server, port } = await listen();
    server.close();
    const result = await launch({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/app`,
      PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    expectOneReadableLine(
      result.stderr,
      /cannot use the database at 127\.0\.0\.1:\d+\/app: nothing is listening there/,
    );
  });

  it('refuses to start in production on a real database without AUTH_SECRET', async () => {
    const result = await launch(
      {
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/postgres',
        PORT: String(await freePort()),
      },
      'start',
    );
    expect(result.code).toBe(1);
    expectOneReadableLine(result.stderr, /AUTH_SECRET is not set\. Generate one/);
  });

  it('explains a port that is already in use', async () => {
    const { server, port } = await listen();
    try {
      const result = await launch({ PORT: String(port), COUNTERPOINT_DATA_DIR: await tempDir() });
      expect(result.code).toBe(1);
      expectOneReadableLine(
        result.stderr,
        new RegExp(`port ${port} is already in use.*PORT=${port + 1}`),
      );
    } finally {
      server.close();
    }
  });

  it('refuses a data directory another running Counterpoint holds, without touching it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'counterpoint.pid'), String(process.pid));
    const result = await launch({ PORT: String(await freePort()), COUNTERPOINT_DATA_DIR: dir });
    expect(result.code).toBe(1);
    expectOneReadableLine(
      result.stderr,
      new RegExp(`in use by another Counterpoint process \\(pid ${process.pid}\\)`),
    );
    expect(await readdir(dir)).toEqual(['counterpoint.pid']);
  });

  it('explains a damaged data directory and deletes nothing', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'pglite'));
    await writeFile(path.join(dir, 'pglite', 'PG_VERSION'), 'not a version\n');
    const result = await launch({ PORT: String(await freePort()), COUNTERPOINT_DATA_DIR: dir });
    expect(result.code).toBe(1);
    expectOneReadableLine(result.stderr, /could not be opened.*Nothing was deleted/);
    expect(await readdir(path.join(dir, 'pglite'))).toEqual(['PG_VERSION']);
  });
});

describe('the embedded database', () => {
  it('keeps its data across a restart', async () => {
    const dir = await tempDir();
    const first = await startEmbeddedDatabase({ dataDir: dir });
    let mapId: string;
    try {
      await migrate(first.url);
      const prisma = createPrismaClient(first.url, { max: 2 });
      mapId = (await seedDemoMap(prisma)).mapId;
      await prisma.argumentMap.update({
        where: { id: mapId },
        data: { title: 'Renamed before restart' },
      });
      await prisma.$disconnect();
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedDatabase({ dataDir: dir });
    try {
      expect((await migrate(second.url)).applied).toEqual([]);
      const prisma = createPrismaClient(second.url, { max: 2 });
      expect(await seedDemoMap(prisma)).toEqual({ mapId, created: false });
      expect((await prisma.argumentMap.findUniqueOrThrow({ where: { id: mapId } })).title).toBe(
        'Renamed before restart',
      );
      await prisma.$disconnect();
    } finally {
      await second.stop();
    }
    // Two starts of PGlite and every migration: room beyond 30 s on a busy machine.
  }, 120_000);
});
