import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  allSaved,
  demoMapId,
  demoMapUrl,
  nodeNamed,
  openPage,
  signInAsDemoTeacher,
  useBrowser,
} from './browser';
import { launchApp, type LaunchedApp } from './launch-app';

const browser = useBrowser();

/** How many connections the demo map has, as its API tells the signed-in page. */
const connectionsOf = async (page: Page, baseUrl: string) =>
  (await (await page.request.get(`${baseUrl}/api/maps/${await demoMapId(baseUrl)}`)).json()).edges
    .length as number;

/**
 * `npm run dev` as a teacher runs it on a laptop: opened at 127.0.0.1 (or
 * the laptop's address on the school network) rather than localhost, under
 * React's Strict Mode. Next serves its own scripts and hot-reload socket to
 * allowed hosts only; a page from any other host never hydrated.
 */
describe('npm run dev, opened at http://127.0.0.1', () => {
  let app: LaunchedApp;
  beforeAll(async () => {
    app = await launchApp('dev', { host: '127.0.0.1', readyWithin: 170_000 });
  }, 180_000);
  afterAll(() => app?.stop());

  it('loads the demo map, lets the teacher edit it, and K opens Connect with the typing in its search box', async () => {
    const { page, errors } = await openPage(browser());
    // The dev server compiles each page on its first request.
    page.setDefaultTimeout(90_000);
    await signInAsDemoTeacher(page, app.baseUrl, app.log());
    await page.goto(await demoMapUrl(app.baseUrl));
    // Editing turns on only once the page has hydrated and the map is in.
    const add = page.getByRole('toolbar', { name: 'Map editing' }).getByRole('button', {
      name: '+ Add claim',
    });
    await expect.poll(() => add.isEnabled(), { timeout: 90_000 }).toBe(true);
    // And the live stream is open (its route too is compiled on first use).
    await page.getByText('Live', { exact: true }).waitFor();

    await nodeNamed(page, /^question: Did the CSTO fail Armenia\?/).click();
    await page.keyboard.press('k');
    const dialog = page.getByRole('dialog', { name: /^Connect/ });
    await dialog.waitFor();
    const search = dialog.getByRole('searchbox', { name: 'the node that says' });
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('credib');
    expect(await search.inputValue()).toBe('credib');
    // Enter connects the first match, and the connection is saved.
    const before = await connectionsOf(page, app.baseUrl);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await allSaved(page);
    expect(await connectionsOf(page, app.baseUrl)).toBe(before + 1);
    // The dev server forwards its own warnings to the console. Prisma's query
    // interpreter overlaps queries inside a transaction, which node-postgres
    // reports as deprecated: Prisma's to change, not a page error.
    const known =
      /Download the React DevTools|DeprecationWarning: Calling client\.query\(\) when the client is already executing/;
    expect(errors.filter((e) => !known.test(e))).toEqual([]);
    await page.close();
  }, 240_000);
});
