import { request as httpRequest } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { demoMapId } from './browser';

/**
 * POSTs a chunked body (no Content-Length) that sends its first 64 kB and
 * then waits, as a slow or hostile upload does. Tells the answer's status,
 * and whether it came while the body was still open: a route that asks who
 * is posting first answers without reading on.
 */
function stalledUpload(url: string): Promise<{ status: number; beforeBodyEnded: boolean }> {
  return new Promise((resolve, reject) => {
    let ended = false;
    const req = httpRequest(url, {
      method: 'POST',
      // Sent as a page of this site would: a foreign site's write is refused before any lookup.
      headers: {
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
        'sec-fetch-site': 'same-origin',
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, beforeBodyEnded: !ended });
      req.destroy();
    });
    req.on('error', (error) => {
      if (!ended) reject(error);
    });
    req.write(`{"ops":[{"text":"${'x'.repeat(64 * 1024)}`);
    // Had the server waited for the rest, it answers only after this.
    setTimeout(() => {
      ended = true;
      req.end('"}]}');
    }, 8_000);
  });
}

const baseUrl = inject('baseUrl');

describe('the app over HTTP', () => {
  it('sends a signed-out visitor of a map page that needs an account to sign in with a real redirect, not a meta refresh', async () => {
    const id = await demoMapId(baseUrl);
    for (const page of ['prep', 'teams', 'share', 'rounds', 'sources/new']) {
      const response = await fetch(`${baseUrl}/maps/${id}/${page}`, { redirect: 'manual' });
      expect(response.status, page).toBe(307);
      expect(response.headers.get('location'), page).toBe(
        `/sign-in?next=${encodeURIComponent(`/maps/${id}/${page}`)}`,
      );
    }
    // The map itself, open to visitors, still streams its skeleton first.
    expect((await fetch(`${baseUrl}/maps/${id}`, { redirect: 'manual' })).status).toBe(200);
  });

  it('prints the demo accounts at start, on the embedded database', () => {
    const log = inject('startupLog');
    expect(log).toContain('using the embedded database');
    expect(log).toMatch(/teacher\s+teacher@demo\.counterpoint\.local\s+\S{8,}/);
  });

  it('serves the landing page with the demo map', async () => {
    const response = await fetch(baseUrl);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Maps you can open');
    expect(html).toContain('Russia, the CSTO and Nagorno-Karabakh');
  });

  it('refuses a visitor’s post to the map’s ops, presence, comments and layers without reading the body', async () => {
    const id = await demoMapId(baseUrl);
    // The demo map is public: a visitor may read it, not edit it or reveal its notes.
    for (const [route, status] of [
      ['ops', 403],
      ['layers', 403],
      ['social', 401],
    ] as const)
      expect(await stalledUpload(`${baseUrl}/api/maps/${id}/${route}`)).toEqual({
        status,
        beforeBodyEnded: true,
      });
    // A map that does not exist, for every route that takes a body.
    for (const route of ['ops', 'presence', 'social', 'layers'])
      expect(await stalledUpload(`${baseUrl}/api/maps/no-such-map/${route}`)).toEqual({
        status: 404,
        beforeBodyEnded: true,
      });
  }, 60_000);

  it('sends headers that keep the app out of other sites’ frames and its API answers out of caches', async () => {
    for (const path of ['/', '/sign-in', `/maps/${await demoMapId(baseUrl)}`]) {
      const { headers } = await fetch(`${baseUrl}${path}`);
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
    const api = await fetch(`${baseUrl}/api/maps/${await demoMapId(baseUrl)}`);
    expect(api.headers.get('cache-control')).toBe('private, no-store');
    const refused = await fetch(`${baseUrl}/api/maps/no-such-map`);
    expect(refused.headers.get('cache-control')).toBe('private, no-store');
  });

  it('serves a map snapshot as JSON, and a JSON 404 with a code for an unknown map', async () => {
    const id = await demoMapId(baseUrl);
    const snapshot = await (await fetch(`${baseUrl}/api/maps/${id}`)).json();
    expect(snapshot.nodes.length).toBeGreaterThanOrEqual(25);
    expect(snapshot.sources).toHaveLength(2);
    const missing = await fetch(`${baseUrl}/api/maps/no-such-map`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String) },
    });
  });

  it('serves Argdown and AIF downloads over HTTP, and refuses an unknown format or an import by a visitor with a JSON error', async () => {
    const id = await demoMapId(baseUrl);
    const argdown = await fetch(`${baseUrl}/api/maps/${id}/export?format=argdown`);
    expect(argdown.headers.get('content-disposition')).toBe(
      'attachment; filename="russia-the-csto-and-nagorno-karabakh.argdown"',
    );
    expect(await argdown.text()).toMatch(/^===\ntitle: "Russia, the CSTO and Nagorno-Karabakh"\n/);
    const aif = await fetch(`${baseUrl}/api/maps/${id}/export?format=aif`);
    expect(aif.headers.get('content-type')).toContain('application/json');
    expect((await aif.json()).AIF.nodes.some((n: { type: string }) => n.type === 'RA')).toBe(true);
    const bogus = await fetch(`${baseUrl}/api/maps/${id}/export?format=pdf`);
    expect(bogus.status).toBe(400);
    expect((await bogus.json()).error.code).toBe('VALIDATION_FAILED');
    const anonymous = await fetch(`${baseUrl}/api/maps/import?name=x.argdown`, {
      method: 'POST',
      body: '[A]: a claim',
    });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown map page with a readable 404 page', async () => {
    const response = await fetch(`${baseUrl}/maps/no-such-map`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('We couldn’t find that page');
  });
});
