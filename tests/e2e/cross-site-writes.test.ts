import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { signInAsDemoTeacher, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const apiRoot = path.resolve(import.meta.dirname, '../../app/api');

/** Every API route that answers a state-changing method, as `[method, path]` (Auth.js's own routes aside: they carry its CSRF token). */
async function writeRoutes(): Promise<[string, string][]> {
  const files = (await readdir(apiRoot, { recursive: true })).filter(
    (file) => path.basename(file) === 'route.ts' && !file.startsWith('auth'),
  );
  const routes: [string, string][] = [];
  for (const file of files) {
    const source = await readFile(path.join(apiRoot, file), 'utf8');
    for (const [, method] of source.matchAll(
      /export (?:async function|const) (POST|PUT|PATCH|DELETE)\b/g,
    ))
      routes.push([method!, `/api/${path.dirname(file)}`]);
  }
  return routes;
}

/** The demo teacher's session cookie, signed in through the page as anyone is. */
async function teacherCookie(): Promise<string> {
  const context = await browser().newContext();
  const page = await context.newPage();
  await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

describe('writes sent from another site', () => {
  it('are refused on every state-changing API route, with 403 for a foreign origin and 415 for a body a form can send; nothing is written', async () => {
    const cookie = await teacherCookie();
    const own = { cookie, origin: baseUrl };

    // A map of the teacher's own, imported the way the import page sends a file.
    const imported = await fetch(`${baseUrl}/api/maps/import?name=cross-site.argdown`, {
      method: 'POST',
      headers: { ...own, 'content-type': 'application/octet-stream' },
      body: '[Motion]: The motion stands.',
    });
    expect(imported.status).toBe(200);
    const { id: mapId } = (await imported.json()) as { id: string };

    const routes = await writeRoutes();
    expect(routes.map(([method, route]) => `${method} ${route}`).sort()).toEqual([
      'DELETE /api/maps/[id]/sources/[sourceId]',
      'PATCH /api/maps/[id]/flags/[flagId]',
      'PATCH /api/maps/[id]/moderation',
      'PATCH /api/maps/[id]/sources/[sourceId]',
      'PATCH /api/maps/[id]/suggestions/[suggestionId]',
      'PATCH /api/maps/[id]/votes',
      'PATCH /api/rounds/[id]',
      'POST /api/maps/[id]/anonymous',
      'POST /api/maps/[id]/flags',
      'POST /api/maps/[id]/import/verbatim',
      'POST /api/maps/[id]/layers',
      'POST /api/maps/[id]/ops',
      'POST /api/maps/[id]/presence',
      'POST /api/maps/[id]/presenting',
      'POST /api/maps/[id]/social',
      'POST /api/maps/[id]/sources',
      'POST /api/maps/[id]/sources/read',
      'POST /api/maps/[id]/suggestions',
      'POST /api/maps/import',
      'POST /api/rounds/[id]/ballot',
      'POST /api/rounds/[id]/ops',
      'POST /api/rounds/[id]/promote',
      'PUT /api/maps/[id]/votes',
    ]);
    const op = {
      ops: [
        {
          type: 'createNode',
          id: `xsite${Date.now()}`,
          kind: 'CLAIM',
          text: 'Written from another site',
          x: 0,
          y: 0,
        },
      ],
    };
    const send = (method: string, route: string, headers: Record<string, string>) =>
      fetch(`${baseUrl}${route.replace('[id]', mapId)}`, {
        method,
        headers: { cookie, ...headers },
        body: JSON.stringify(op),
      });
    const answer = async (response: Response) => ({
      status: response.status,
      code: ((await response.json()) as { error?: { code: string } }).error?.code,
    });
    for (const [method, route] of routes) {
      // The body each route takes: a file's bytes, a form with a file (Word cards), or JSON.
      const json =
        route.endsWith('/import') || route.endsWith('/sources/read')
          ? 'application/octet-stream'
          : route.endsWith('/import/verbatim')
            ? 'multipart/form-data; boundary=x'
            : 'application/json; charset=utf-8';
      // A page on another site (a sibling subdomain's cookie-carrying fetch or form, say).
      expect(
        await answer(
          await send(method, route, { origin: 'http://evil.example', 'content-type': json }),
        ),
        `${method} ${route} from another origin`,
      ).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(
        await answer(
          await send(method, route, { 'sec-fetch-site': 'same-site', 'content-type': json }),
        ),
        `${method} ${route} with no Origin, from a same-site page`,
      ).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(
        await answer(await send(method, route, { 'content-type': json })),
        `${method} ${route} with neither Origin nor Sec-Fetch-Site`,
      ).toEqual({ status: 403, code: 'FORBIDDEN' });
      // What a form can send, even from our own origin.
      // (A form's multipart body is the Word cards route's own: only the origin keeps other sites out.)
      for (const formType of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ].filter((type) => type !== json))
        expect(
          await answer(await send(method, route, { origin: baseUrl, 'content-type': formType })),
          `${method} ${route} as ${formType}`,
        ).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }

    // Nothing was written; the same batch from our own page is.
    const texts = async () =>
      (
        (await (await fetch(`${baseUrl}/api/maps/${mapId}`, { headers: { cookie } })).json()) as {
          nodes: { text: string }[];
        }
      ).nodes.map((n) => n.text);
    expect(await texts()).not.toContain('Written from another site');
    const ownPage = await send('POST', '/api/maps/[id]/ops', {
      ...own,
      'content-type': 'application/json',
      'sec-fetch-site': 'same-origin',
    });
    expect(ownPage.status).toBe(200);
    expect(await texts()).toContain('Written from another site');
    // Behind a proxy, the host the browser used is the forwarded one.
    const proxied = await fetch(`${baseUrl}/api/maps/${mapId}/presence`, {
      method: 'POST',
      headers: {
        cookie,
        origin: 'https://debate.school.example',
        'x-forwarded-host': 'debate.school.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ clientId: 'proxied-client', left: true }),
    });
    expect(proxied.status).toBe(200);
  });

  it('are refused for server actions too, by Next itself', async () => {
    // Next compares a server action's Origin with the (forwarded) host before it looks the action up.
    const action = (origin: string) =>
      fetch(`${baseUrl}/sign-in`, {
        method: 'POST',
        headers: { origin, 'next-action': '00'.repeat(21), 'content-type': 'text/plain' },
        body: '[]',
      });
    expect((await action('http://evil.example')).status).toBe(500);
    expect((await action(baseUrl)).status).not.toBe(500);
  });
});
