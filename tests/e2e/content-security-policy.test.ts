import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { demoMapId, signInAsDemoTeacher, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const policyOf = (response: Response) => response.headers.get('content-security-policy') ?? '';
const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];

/**
 * Opens `path` and tells every Content-Security-Policy violation the page
 * reported while loading and settling, and every console error (Chromium
 * logs a refused script or style there too).
 */
async function violationsOn(page: Page, path: string): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`${path}: console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`${path}: ${e.message}`));
  await page.goto(`${baseUrl}${path}`);
  // A map page keeps its stream open, so the network never idles: it is
  // settled once its scripts ran and it is live.
  if (/^\/maps\/(?!new$|import$)[^/]+$/.test(path))
    await page
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();
  else await page.waitForLoadState('networkidle');
  const reported = await page.evaluate(
    () => (window as unknown as { __violations: string[] }).__violations,
  );
  return [...seen, ...reported.map((v) => `${path}: ${v}`)];
}

describe('the Content-Security-Policy', () => {
  it('gives every page a fresh nonce that only its own scripts carry', async () => {
    const paths = ['/', '/sign-in', `/maps/${await demoMapId(baseUrl)}`, '/no-such-page'];
    for (const path of paths) {
      const [first, second] = [await fetch(`${baseUrl}${path}`), await fetch(`${baseUrl}${path}`)];
      const policy = policyOf(first);
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "connect-src 'self'",
        "img-src 'self' data: blob:",
      ])
        expect(policy, path).toContain(directive);
      expect(policy, path).toMatch(
        /script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/,
      );
      expect(policy, `${path} in production`).not.toContain('unsafe-eval');
      const nonce = nonceOf(policy);
      expect(nonceOf(policyOf(second)), path).not.toBe(nonce);
      const html = await first.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    // The JSON API loads nothing and is framed by no one.
    const api = await fetch(`${baseUrl}/api/maps/${await demoMapId(baseUrl)}`);
    expect(policyOf(api)).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('sends Strict-Transport-Security only on an answer that went out over HTTPS', async () => {
    expect((await fetch(baseUrl)).headers.get('strict-transport-security')).toBeNull();
    const behindTls = await fetch(baseUrl, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('lets the main pages load and run in Chromium without one violation', async () => {
    const mapId = await demoMapId(baseUrl);
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = violations;
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(
          `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        ),
      );
    });
    const page = await context.newPage();
    const violations: string[] = [];
    for (const path of ['/', '/sign-in', '/sign-up', `/maps/${mapId}`])
      violations.push(...(await violationsOn(page, path)));

    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    for (const path of [
      '/',
      '/maps',
      '/maps/new',
      '/maps/import',
      '/profile',
      '/classrooms/new',
      `/maps/${mapId}`,
      `/maps/${mapId}/share`,
      `/maps/${mapId}/teams`,
      `/maps/${mapId}/brief`,
      `/maps/${mapId}/prep`,
    ])
      violations.push(...(await violationsOn(page, path)));
    expect(violations).toEqual([]);
    await context.close();
  });
});
