import { z } from 'zod';

/**
 * Runs in the browser before the app's code. Zod compiles fast parsers with
 * `new Function` when it may; the page's Content-Security-Policy forbids
 * eval (docs/SECURITY.md), so zod's probe would be reported as a violation
 * on every map page. It parses as well without.
 */
z.config({ jitless: true });
