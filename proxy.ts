import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from '@/lib/server/content-security-policy';

/** Where the sign-in providers that are switched on take a signing-in browser. */
function signInProviderOrigins(): string[] {
  const origins: string[] = [];
  if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET)
    origins.push('https://github.com');
  if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET)
    origins.push('https://accounts.google.com');
  return origins;
}

/**
 * Every page gets a fresh nonce and the Content-Security-Policy that admits
 * only scripts carrying it (Next's guide: it reads the policy from the
 * request's headers and puts the nonce on the scripts it writes).
 *
 * The JSON API is not matched: Next reads the whole body of every request a
 * proxy sees before the route runs, which would undo the routes' own byte
 * limits and their asking who posts before reading. The API's cross-site
 * check is in the body readers of lib/server/http.ts instead.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === 'development',
    formTargets: signInProviderOrigins(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  // Over HTTPS, browsers keep to HTTPS for a year (sent over plain HTTP, it is ignored).
  if (
    process.env.AUTH_URL?.startsWith('https:') ||
    request.headers.get('x-forwarded-proto') === 'https'
  )
    response.headers.set('strict-transport-security', 'max-age=31536000');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)',
      // Prefetches carry no HTML, so no scripts to admit.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
