import { describe, expect, it } from 'vitest';
import { EnvError, LauncherEnv, parseEnv } from '@/lib/env';

describe('configuration', () => {
  it('uses the embedded database and port 3000 when nothing is set', () => {
    const env = parseEnv(LauncherEnv, {});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ PORT: 3000, COUNTERPOINT_DATA_DIR: '.data' });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseEnv(LauncherEnv, { DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each(['not a url', 'mysql://root@localhost/db', 'postgresql://'])(
    'explains a malformed DATABASE_URL: %s',
    (value) => {
      expect(() => parseEnv(LauncherEnv, { DATABASE_URL: value })).toThrow(EnvError);
      expect(() => parseEnv(LauncherEnv, { DATABASE_URL: value })).toThrow(
        /DATABASE_URL is not a PostgreSQL URL/,
      );
    },
  );

  it('accepts postgres:// and postgresql:// URLs', () => {
    for (const url of ['postgres://u:p@db:5432/app', 'postgresql://postgres@127.0.0.1:5432/test']) {
      expect(parseEnv(LauncherEnv, { DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it('rejects a port out of range with a readable message', () => {
    expect(() => parseEnv(LauncherEnv, { PORT: '70000' })).toThrow(
      /PORT must be between 1 and 65535/,
    );
    expect(() => parseEnv(LauncherEnv, { PORT: 'abc' })).toThrow(/PORT/);
  });
});
