import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBytesBody, readJsonBody } from '@/lib/server/http';
import { refusalOf } from '../support/apply-ops';

const post = (headers: Record<string, string>, url = 'http://app.example/api/maps/m1/ops') =>
  new Request(url, { method: 'POST', body: '{"ops":[]}', headers });

const FOREIGN =
  'FORBIDDEN: This change was sent from another site, so it was refused. Make it on Counterpoint itself.';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the body readers every write goes through', () => {
  it('read a JSON body sent from our own origin, by Origin or (without one) Sec-Fetch-Site', async () => {
    const json = { 'content-type': 'application/json', host: 'app.example' };
    expect(await readJsonBody(post({ ...json, origin: 'http://app.example' }))).toEqual({
      ops: [],
    });
    expect(await readJsonBody(post({ ...json, 'sec-fetch-site': 'same-origin' }))).toEqual({
      ops: [],
    });
    // The scheme is not compared (a laptop on the school network serves plain HTTP), as for server actions.
    expect(await readJsonBody(post({ ...json, origin: 'https://app.example' }))).toEqual({
      ops: [],
    });
  });

  it('refuse a write from another origin, from a same-site page, or naming no origin at all', async () => {
    const json = { 'content-type': 'application/json', host: 'app.example' };
    const foreign: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'http://app.example.evil.example' },
      { origin: 'http://sub.app.example' },
      { origin: 'null' },
      { origin: 'not a url' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
      {},
    ];
    for (const headers of foreign)
      expect(
        await refusalOf(() => readJsonBody(post({ ...json, ...headers }))),
        JSON.stringify(headers),
      ).toBe(FOREIGN);
  });

  it('compare with the host the proxy forwards, or the public address in AUTH_URL', async () => {
    const json = { 'content-type': 'application/json', host: '10.0.0.5:3000' };
    expect(
      await readJsonBody(
        post({ ...json, origin: 'https://debate.school', 'x-forwarded-host': 'debate.school' }),
      ),
    ).toEqual({ ops: [] });
    expect(
      await refusalOf(() => readJsonBody(post({ ...json, origin: 'https://debate.school' }))),
    ).toBe(FOREIGN);
    vi.stubEnv('AUTH_URL', 'https://debate.school');
    expect(await readJsonBody(post({ ...json, origin: 'https://debate.school' }))).toEqual({
      ops: [],
    });
  });

  it('refuse a body of a type a form can send with 415, before reading it', async () => {
    const own = { host: 'app.example', origin: 'http://app.example' };
    for (const type of [
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ])
      expect(await refusalOf(() => readJsonBody(post({ ...own, 'content-type': type })))).toBe(
        `UNSUPPORTED_MEDIA_TYPE: The request body must be sent as application/json, not ${type.split(';')[0]}.`,
      );
    // Bytes, so that no type is implied.
    const untyped = new Request('http://app.example/api/maps/m1/ops', {
      method: 'POST',
      body: new TextEncoder().encode('{"ops":[]}'),
      headers: own,
    });
    expect(await refusalOf(() => readJsonBody(untyped))).toBe(
      'UNSUPPORTED_MEDIA_TYPE: The request body must be sent as application/json.',
    );
    expect(
      await readJsonBody(post({ ...own, 'content-type': 'Application/JSON; charset=utf-8' })),
    ).toEqual({ ops: [] });
    // The import takes a file's bytes, as the import page sends them.
    expect(
      new TextDecoder().decode(
        await readBytesBody(post({ ...own, 'content-type': 'application/octet-stream' }), 1000),
      ),
    ).toBe('{"ops":[]}');
    expect(
      await refusalOf(() => readBytesBody(post({ ...own, 'content-type': 'text/plain' }), 1000)),
    ).toBe(
      'UNSUPPORTED_MEDIA_TYPE: The request body must be sent as application/octet-stream, not text/plain.',
    );
  });
});
