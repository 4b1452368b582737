import { request as httpRequest } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { demoMapId, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');

type Answer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/**
 * One HTTP request from a chosen loopback address (127.0.0.2, 127.0.0.3, …):
 * the app sees each as a different client, whatever X-Forwarded-For says.
 */
function requestFrom(
  localAddress: string,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: options.method ?? 'GET',
      headers: options.headers,
      localAddress,
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const cookiesOf = (answer: Answer) =>
  [answer.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]!);

/**
 * Signs in through Auth.js's credentials callback from `localAddress`,
 * sending `forwardedFor` as X-Forwarded-For when given: "signed in",
 * "wrong" (the password was checked and did not match) or "limited".
 */
async function signInFrom(
  localAddress: string,
  email: string,
  password: string,
  forwardedFor?: string,
): Promise<'signed in' | 'wrong' | 'limited'> {
  const forwarded: Record<string, string> = forwardedFor
    ? { 'x-forwarded-for': forwardedFor, 'x-real-ip': forwardedFor }
    : {};
  const csrf = await requestFrom(localAddress, `${baseUrl}/api/auth/csrf`, { headers: forwarded });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await requestFrom(localAddress, `${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: {
      ...forwarded,
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookiesOf(csrf).join('; '),
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: baseUrl }).toString(),
  });
  const location = String(answer.headers.location ?? '');
  if (cookiesOf(answer).some((c) => c.includes('session-token='))) return 'signed in';
  if (location.includes('code=rate_limited')) return 'limited';
  if (location.includes('code=invalid_credentials')) return 'wrong';
  throw new Error(`unexpected sign-in answer ${answer.status} ${location}`);
}

function demoAccount(who: 'student1' | 'student2'): { email: string; password: string } {
  const line = new RegExp(`student\\s+(${who}@\\S+)\\s+(\\S+)`).exec(startupLog);
  if (!line) throw new Error(`the launcher printed no demo ${who}`);
  return { email: line[1]!, password: line[2]! };
}

// The stream's tests come first: their sign-ups go through the page's server
// action, so the app makes its limiters there, in the other server layer from
// the routes below (a refusal by such a limiter was once answered 500).
describe('limits on the event stream over HTTP', () => {
  const browser = useBrowser();

  /** A new person's session cookie. */
  async function newPersonCookie(name: string): Promise<string> {
    const { page } = await signUpNewPerson(browser(), baseUrl, name);
    const cookies = await page.context().cookies(baseUrl);
    await page.context().close();
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  it('answers 429 with Retry-After and the JSON error once a person opens streams too fast', async () => {
    const cookie = await newPersonCookie('Streamer');
    const url = `${baseUrl}/api/maps/${await demoMapId(baseUrl)}/events`;
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 61; i++) {
      const abort = new AbortController();
      const response = await fetch(url, { headers: { cookie }, signal: abort.signal });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      else abort.abort();
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/Too many live connections.*Try again in \d+ seconds?\./);
  });

  it('caps the streams one person holds open at once, and gives a place back when one closes', async () => {
    const cookie = await newPersonCookie('Tabby');
    const url = `${baseUrl}/api/maps/${await demoMapId(baseUrl)}/events`;
    const open: AbortController[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const abort = new AbortController();
      const response = await fetch(url, { headers: { cookie }, signal: abort.signal });
      statuses.push(response.status);
      if (response.ok) open.push(abort);
    }
    expect(statuses).toEqual([...Array(20).fill(200), 429]);
    open.pop()!.abort();
    // The server notices the closed stream shortly.
    await expect
      .poll(
        async () => {
          const abort = new AbortController();
          const response = await fetch(url, { headers: { cookie }, signal: abort.signal });
          if (response.ok) open.push(abort);
          return response.status;
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(200);
    for (const a of open) a.abort();
  });
});

describe('sign-in limits over HTTP, with no proxy trusted', () => {
  it('counts a client by its connection: a rotating X-Forwarded-For does not escape the limit, nor lock the owner out elsewhere', async () => {
    const { email, password } = demoAccount('student1');
    const answers = [];
    for (let i = 0; i < 10; i++)
      answers.push(await signInFrom('127.0.0.2', email, `wrong ${i}`, `10.66.0.${i}`));
    expect(answers).toEqual([...Array(8).fill('wrong'), 'limited', 'limited']);
    // Even the right password, from a new forwarded address: still the same client.
    expect(await signInFrom('127.0.0.2', email, password, '10.66.1.1')).toBe('limited');
    // The owner, from their own address, is not locked out.
    expect(await signInFrom('127.0.0.3', email, password)).toBe('signed in');
  });

  it('does not lock a victim out when their address is sent in X-Forwarded-For', async () => {
    const { email, password } = demoAccount('student2');
    for (let i = 0; i < 10; i++) await signInFrom('127.0.0.4', email, `wrong ${i}`, '127.0.0.5');
    expect(await signInFrom('127.0.0.5', email, password)).toBe('signed in');
  });
});
