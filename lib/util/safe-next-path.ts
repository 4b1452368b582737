/** Any base will do: only whether a value stays on it matters. */
const BASE = 'http://counterpoint.invalid';

/**
 * A `next` parameter (where to go after signing in), if it is a path on this
 * site; else the home page, so a link can never send someone elsewhere.
 * The value is resolved as a browser would resolve it (which drops tabs and
 * newlines and reads `\` as `/`), and only a same-site result is kept, as
 * its path, query and fragment.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  // A path that resolves to `//host` would leave the site when redirected to.
  if (url.origin !== BASE || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
