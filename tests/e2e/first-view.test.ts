import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { demoMapUrl, openPage, screenshot, signInAsDemoTeacher, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

const DEMO_MOTION = 'The CSTO failed Armenia';
const LONG_MOTION =
  'This house believes that the Collective Security Treaty Organization, led by Russia, has ' +
  'failed Armenia and the South Caucasus, and that Armenia should leave it for a security ' +
  'partnership with the European Union and its member states';

/** How far down the page the map's canvas starts: everything above it is chrome. */
const canvasTop = (page: Page) =>
  page.locator('.react-flow').evaluate((el) => el.getBoundingClientRect().top);

/** The motion as the reader sees it: its text, and whether any of it is cut off or scrolled away. */
async function shownMotion(page: Page): Promise<{ text: string; clipped: boolean }> {
  return page
    .locator('p')
    .filter({ hasText: /^Motion:/ })
    .evaluate((el) => {
      const box = el.getBoundingClientRect();
      const clipped =
        el.scrollWidth > el.clientWidth ||
        el.scrollHeight > el.clientHeight ||
        box.right > window.innerWidth ||
        box.bottom > window.innerHeight;
      return { text: el.textContent ?? '', clipped };
    });
}

/** The on-screen size of a card's text, in CSS pixels, zoom included. */
const onScreenFontSize = (card: Locator) =>
  card
    .locator('p')
    .first()
    .evaluate((el) => {
      const html = el as HTMLElement;
      const scale = el.getBoundingClientRect().height / html.offsetHeight;
      return parseFloat(getComputedStyle(el).fontSize) * scale;
    });

/** True when the element lies wholly inside the canvas. */
const insideCanvas = (page: Page, card: Locator) =>
  card.evaluate((el) => {
    const a = el.getBoundingClientRect();
    const b = document.querySelector('.react-flow')!.getBoundingClientRect();
    return a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
  });

/** How many rows the editing toolbar, its save status and the view tools take. */
const editRows = (page: Page) =>
  page.getByRole('toolbar', { name: 'Map editing' }).evaluate((toolbar) => {
    const row = toolbar.parentElement!;
    // Parts laid out as the toolbar's own (display: contents) count by their children; unrendered ones not at all.
    const shown = (el: Element): Element[] =>
      getComputedStyle(el).display === 'contents'
        ? [...el.children].flatMap(shown)
        : el.getClientRects().length > 0
          ? [el]
          : [];
    const parts = [
      ...toolbar.children,
      ...[...row.children].filter((el) => el !== toolbar),
    ].flatMap(shown);
    const middles = parts
      .map((el) => {
        const box = el.getBoundingClientRect();
        return (box.top + box.bottom) / 2;
      })
      .sort((a, b) => a - b);
    // A new row starts where a part's middle is lower than the last one's by more than half a control.
    return middles.filter((y, i) => i === 0 || y - middles[i - 1]! > 16).length;
  });

/** The motion's card (the demo also has a question at each clash point). */
const question = (page: Page) =>
  page.getByRole('group', { name: /^question: Did the CSTO fail Armenia\?/ });

describe('the first view of a map', () => {
  it('opens the demo map under a compact bar, with the full motion and readable cards', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, startupLog);
    await page.goto(await demoMapUrl(baseUrl));
    const add = page.getByRole('toolbar', { name: 'Map editing' }).getByRole('button', {
      name: '+ Add claim',
    });
    await expect.poll(() => add.isEnabled()).toBe(true);
    // Two rows of bar under the site's header (it was 200 px, with the motion cut).
    expect(await canvasTop(page)).toBeLessThanOrEqual(160);
    expect(await editRows(page)).toBe(1);
    expect(await shownMotion(page)).toEqual({ text: `Motion: ${DEMO_MOTION}`, clipped: false });
    // The motion's card and the reasons that bear on it, at a size a class can read.
    expect(await insideCanvas(page, question(page))).toBe(true);
    expect(await onScreenFontSize(question(page))).toBeGreaterThanOrEqual(11);
    const reason = page.getByRole('group', {
      name: /^claim: Armenia’s disillusionment with the CSTO/,
    });
    expect(await insideCanvas(page, reason)).toBe(true);
    expect(await onScreenFontSize(reason)).toBeGreaterThanOrEqual(11);
    await screenshot(page, 'first-view-demo-1440');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a class map’s long motion in full and its cards readable, at 1440 and 1280 px', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, startupLog);
    await page.goto(`${baseUrl}/maps/new`);
    await page.getByLabel('Title').click();
    await page.keyboard.type('Period 3: does the CSTO still protect Armenia?');
    await page.getByLabel('Motion or question under debate').click();
    await page.keyboard.type(LONG_MOTION);
    await page.getByRole('radio', { name: /The Turchenko–Strakes debate/ }).check();
    await page.getByRole('button', { name: 'Create map' }).click();
    await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(size);
      await page.reload();
      await page.getByRole('status').filter({ hasText: 'Loading the map' }).waitFor({
        state: 'detached',
      });
      expect(await shownMotion(page)).toEqual({ text: `Motion: ${LONG_MOTION}`, clipped: false });
      // The whole editing toolbar on one row, with the save status and the view tools.
      expect(await editRows(page)).toBe(1);
      expect(await canvasTop(page)).toBeLessThanOrEqual(size.width >= 1440 ? 210 : 240);
      expect(await insideCanvas(page, question(page))).toBe(true);
      expect(await onScreenFontSize(question(page))).toBeGreaterThanOrEqual(11);
      await screenshot(page, `first-view-class-${size.width}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folds the legend away behind a button that says whether it is open', async () => {
    const { page } = await openPage(browser());
    await page.goto(await demoMapUrl(baseUrl));
    const button = page.getByRole('button', { name: 'Legend' });
    const sides = page.getByRole('list', { name: 'Sides' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await sides.isVisible()).toBe(false);
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await sides.textContent()).toContain('Team Strakes');
    expect(await sides.isVisible()).toBe(true);
    expect(await page.getByRole('list', { name: 'Arrows' }).textContent()).toContain('undercuts');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await sides.isVisible()).toBe(false);
    await page.close();
  });

  it('shows a skeleton and keeps editing off until the map is in, then turns it on', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, startupLog);
    // A slow connection: the page's scripts arrive only when the test lets them.
    let letThrough = () => {};
    const scriptsHeld = new Promise<void>((resolve) => (letThrough = resolve));
    await page.route(
      (url) => url.pathname.startsWith('/_next/static/') && url.pathname.endsWith('.js'),
      async (route) => {
        await scriptsHeld;
        await route.continue();
      },
    );
    await page.goto(await demoMapUrl(baseUrl), { waitUntil: 'domcontentloaded' });
    const loading = page.getByRole('status').filter({ hasText: 'Loading the map' });
    await loading.waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    const add = toolbar.getByRole('button', { name: '+ Add claim' });
    expect(await add.isDisabled()).toBe(true);
    expect(await toolbar.getByRole('button', { name: 'Auto-layout' }).isDisabled()).toBe(true);
    expect(await toolbar.getByRole('combobox', { name: 'Connect as' }).isDisabled()).toBe(true);
    await screenshot(page, 'first-view-loading');

    letThrough();
    await loading.waitFor({ state: 'detached' });
    await expect.poll(() => add.isEnabled()).toBe(true);
    expect(await question(page).isVisible()).toBe(true);
    expect(await insideCanvas(page, question(page))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
