import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core in the page: shared by the accessibility test of every page and the feature tests that check their own panels. */

const axeSource = readFile(
  path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core in the page and returns one readable line per serious or
 * critical violation. The script goes in through `page.evaluate` (the
 * DevTools protocol), which the page's nonce-only Content-Security-Policy
 * does not govern, so the app's own policy stays as it is.
 */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runAxe(page, where);
    } catch (error) {
      // A page that replaced itself while axe ran (a client redirect): again, on the new one.
      if (!String(error).includes('Execution context was destroyed') || attempt === 3)
        throw new Error(`${where} (${page.url()}): ${String(error)}`);
      await page.waitForLoadState('load');
    }
  }
}

async function runAxe(page: Page, where: string): Promise<string[]> {
  await page.waitForLoadState('load');
  const source = await axeSource;
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(source);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: Document, o: RunOptions) => Promise<AxeResults> } }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.targets.length} × ${v.targets.slice(0, 5).join(' | ')}`,
    );
}
