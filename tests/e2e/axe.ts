import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Locator, Page } from 'playwright-core';

const axeSource = readFile(
  path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

type Axe = { run: (c: Document | Element, o: RunOptions) => Promise<AxeResults> };
type Found = { id: string; impact?: string | null; help: string; targets: string[] };

/**
 * Runs axe-core in the page (or only in `within`) and returns one readable
 * line per serious or critical violation, starting with `where`. The script
 * goes in through `page.evaluate` (the DevTools protocol), which the page's
 * nonce-only Content-Security-Policy does not govern, so the app's own
 * policy stays as it is.
 */
export async function seriousViolations(
  page: Page,
  where: string,
  within?: Locator,
): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runAxe(page, where, within);
    } catch (error) {
      // A page that replaced itself while axe ran (a client redirect): again, on the new one.
      if (!String(error).includes('Execution context was destroyed') || attempt === 3)
        throw new Error(`${where} (${page.url()}): ${String(error)}`);
      await page.waitForLoadState('load');
    }
  }
}

async function runAxe(page: Page, where: string, within?: Locator): Promise<string[]> {
  await page.waitForLoadState('load');
  const source = await axeSource;
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  // Serialized into the page: it may use nothing from this module.
  const run = async (scope: Element | null): Promise<Found[]> => {
    const { axe } = window as unknown as { axe: Axe };
    const { violations } = await axe.run(scope ?? document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  };
  const results = within ? await within.evaluate(run) : await page.evaluate(run, null);
  return results
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) ${v.help}: ${v.targets.length} × ${v.targets.slice(0, 5).join(' | ')}`,
    );
}
