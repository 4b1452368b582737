import { describe, expect, inject, it } from 'vitest';
import { openPage, signInAsDemo, useBrowser } from './browser';

/**
 * Sessions end on the server: after signing out, the old session cookie,
 * replayed, is treated as signed out. Over HTTP against the built app, as
 * a browser (or someone who copied the cookie) would send it.
 */

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');

/** The demo account's email and password, as the launcher printed them. */
function demoAccount(who: 'student1' | 'student2'): { email: string; password: string } {
  const line = new RegExp(`student\\s+(${who}@\\S+)\\s+(\\S+)`).exec(startupLog);
  if (!line) throw new Error(`the launcher printed no demo ${who}`);
  return { email: line[1]!, password: line[2]! };
}

/** A cookie jar of name=value pairs, kept from one answer to the next request. */
class Jar {
  private readonly cookies = new Map<string, string>();
  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** Posts a form to one of Auth.js's endpoints with its CSRF token, as its own pages do. */
async function authForm(jar: Jar, action: string, fields: Record<string, string>) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: jar.header(),
      'content-type': 'application/x-www-form-urlencoded',
      origin: baseUrl,
    },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: baseUrl }),
  });
  jar.keep(response);
  return response;
}

/** Signs in over HTTP; the jar then holds the session cookie. */
async function signIn(who: 'student1' | 'student2'): Promise<Jar> {
  const jar = new Jar();
  const response = await authForm(jar, 'callback/credentials', demoAccount(who));
  expect(response.status).toBe(302);
  expect(jar.get('authjs.session-token'), 'the session cookie').toBeTruthy();
  return jar;
}

/** What the app makes of a cookie: who the session endpoint names, the profile page, and the API. */
async function seenAs(cookie: string) {
  const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  const profile = await fetch(`${baseUrl}/profile`, { headers: { cookie }, redirect: 'manual' });
  // Importing asks who is posting before reading the (empty) file: a visitor gets 401.
  const api = await fetch(`${baseUrl}/api/maps/import?name=empty.argdown`, {
    method: 'POST',
    headers: { cookie, origin: baseUrl, 'content-type': 'application/octet-stream' },
    body: '',
  });
  const body = (await session.json()) as { user?: { email?: string } } | null;
  return {
    session: body?.user?.email ?? null,
    profile: profile.status,
    api: api.status === 401 ? 'signed out' : 'signed in',
  };
}

describe('signing out over HTTP', () => {
  it('ends the session on the server: the old cookie, replayed, is signed out', async () => {
    const { email } = demoAccount('student1');
    const jar = await signIn('student1');
    const oldCookie = jar.header();
    expect(await seenAs(oldCookie)).toEqual({ session: email, profile: 200, api: 'signed in' });

    const out = await authForm(jar, 'signout', {});
    expect(out.status).toBe(302);
    expect(jar.get('authjs.session-token')).toBeUndefined();

    expect(await seenAs(oldCookie)).toEqual({ session: null, profile: 307, api: 'signed out' });
  });

  it('ends only the session signed out of: the same account elsewhere stays signed in', async () => {
    const { email } = demoAccount('student2');
    const laptop = await signIn('student2');
    const phone = await signIn('student2');
    await authForm(laptop, 'signout', {});
    expect(await seenAs(phone.header())).toEqual({
      session: email,
      profile: 200,
      api: 'signed in',
    });
  });
});

describe('signing out in the browser', () => {
  const browser = useBrowser();

  it('the header’s Sign out ends the session: its cookie, copied before, is signed out', async () => {
    const { page } = await openPage(browser());
    await signInAsDemo(page, baseUrl, startupLog, 'student1');
    const cookies = await page.context().cookies(baseUrl);
    const copied = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await seenAs(copied)).api).toBe('signed in');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page
      .getByRole('navigation', { name: 'Account' })
      .getByRole('link', { name: 'Sign in' })
      .waitFor();
    expect(await seenAs(copied)).toEqual({ session: null, profile: 307, api: 'signed out' });
    await page.close();
  });
});
