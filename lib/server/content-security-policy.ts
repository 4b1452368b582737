/**
 * The page's Content-Security-Policy, per Next's guide: scripts run only
 * with this answer's nonce (Next puts it on its own scripts when it finds
 * the policy on the request), and what they load is trusted through it
 * ('strict-dynamic'). docs/SECURITY.md lists every header and why.
 *
 * - style-src needs 'unsafe-inline': React renders `style` props into the
 *   server's HTML as style attributes (React Flow positions every card,
 *   edge and handle that way, and so do our own components), which a
 *   nonce cannot cover — CSP nonces apply to <style> elements, never to
 *   attributes. Styles cannot run script.
 * - img-src allows data: and blob: for the PNG export
 *   (html-to-image draws the map into a data: SVG, then a canvas).
 * - 'unsafe-eval' only for `npm run dev`: React's development build
 *   evaluates code for its debugging tools.
 * - form-action also admits the sign-in providers that are switched on: a
 *   page without script posts the sign-in form, and its answer redirects
 *   there (browsers hold redirects after a form post to form-action).
 */
export function contentSecurityPolicy(
  nonce: string,
  { development, formTargets }: { development: boolean; formTargets: string[] },
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}
