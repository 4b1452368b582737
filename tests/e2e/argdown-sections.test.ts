import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, signUpNewPerson, useBrowser } from './browser';
import { importFile } from './new-cards';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const mapNodes = (page: Page) =>
  page.getByRole('group', { name: /^(claim|premise|objection|rebuttal|evidence|question): / });
/** The section frames drawn on the canvas, by their titles. */
const frame = (page: Page, title: string) =>
  page.locator('[data-section-frames]').getByText(title, { exact: true });
const frames = (page: Page) => page.locator('[data-section-frames] > *');

/**
 * The pairs of frames, by title, that overlap on screen among those side by
 * side: the top-level sections, and the subsections (in the Semmelweis map,
 * all of one section). Empty when every section's cards are kept together.
 */
async function overlappingFrames(page: Page) {
  const boxes = await page.locator('[data-section-frame]').evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      const depth = e.getAttribute('data-depth');
      return {
        title: e.getAttribute('data-section-frame'),
        depth,
        x: r.x,
        y: r.y,
        w: r.width,
        h: r.height,
      };
    }),
  );
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter(
        (b) =>
          b.depth === a.depth &&
          a.x < b.x + b.w &&
          b.x < a.x + a.w &&
          a.y < b.y + b.h &&
          b.y < a.y + a.h,
      )
      .map((b) => `${a.title} / ${b.title}`),
  );
}

/** Waits for an auto-layout to run and its cards to settle. */
async function laidOut(page: Page) {
  await page.getByRole('button', { name: 'Arranging…' }).waitFor();
  await page.getByRole('button', { name: 'Auto-layout' }).waitFor();
}

/** Imports the Semmelweis reconstruction (headings, frontmatter, data) from the import page, as a person does, and opens it. */
async function importSemmelweis(page: Page) {
  const buffer = await readFile(
    path.join(import.meta.dirname, '../fixtures/argdown/semmelweis-betz.argdown'),
  );
  await importFile(page, baseUrl, { name: 'semmelweis-betz.argdown', buffer });
  // The file is in Argdown's strict mode, which the map does not keep: the import says so first.
  const status = page.getByRole('status').filter({ hasText: 'The map was imported.' });
  await status.getByText(/strict mode, which the map does not keep/).waitFor();
  await status.getByRole('link', { name: 'Open the map' }).click();
  await page.waitForURL(/\/maps\/(?!import$)[\w-]+$/);
  // A phone opens a map as its outline; the map is a button away.
  const mapButton = page.getByRole('button', { name: 'Map', exact: true });
  await mapButton.waitFor();
  if ((await mapButton.getAttribute('aria-pressed')) !== 'true') {
    await page
      .getByRole('treeitem', { name: /, in section Three Rival Hypotheses/ })
      .first()
      .waitFor();
    await screenshot(page, 'sections-outline-phone');
    await mapButton.click();
  }
  await mapNodes(page).first().waitFor();
}

describe('Argdown sections on the map', () => {
  it('draws each section as a labelled frame around its cards, lets clicks through, and the Filter menu hides the frames or shows one section', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Sela Sections', {
      width: 1440,
      height: 900,
    });
    await importSemmelweis(page);
    const url = page.url();

    // Every top-level section with cards is framed, its title written on it.
    for (const title of ['Three Rival Hypotheses', 'Evidence', 'Arguments and Further Theses'])
      await frame(page, title).waitFor();
    // A card of "Three Rival Hypotheses" lies inside that frame.
    const hypothesis = mapNodes(page).filter({ hasText: 'controlled by epidemic influences' });
    const box = (await hypothesis.boundingBox())!;
    const around = (await page
      .locator('[data-section-frame="Three Rival Hypotheses"]')
      .boundingBox())!;
    expect(around.x).toBeLessThan(box.x);
    expect(around.y).toBeLessThan(box.y);
    expect(around.x + around.width).toBeGreaterThan(box.x + box.width);
    expect(around.y + around.height).toBeGreaterThan(box.y + box.height);
    await screenshot(page, 'sections-frames-desktop');
    // The file had no positions: the import laid each section's cards out together.
    expect(await overlappingFrames(page)).toEqual([]);

    // The frame behind a card takes no click: the card is selected.
    await hypothesis.click();
    await expect.poll(() => hypothesis.getAttribute('class')).toMatch(/selected/);

    // Laying the map out again, left to right and back, and with Auto-layout, keeps them together
    // (three layouts in one page: the layout worker answers every one).
    await page.getByRole('combobox', { name: 'Layout' }).selectOption({ label: 'Left to right' });
    await laidOut(page);
    await expect.poll(() => overlappingFrames(page)).toEqual([]);
    await screenshot(page, 'sections-left-to-right-desktop');
    await page.getByRole('combobox', { name: 'Layout' }).selectOption({ label: 'Top-down' });
    await laidOut(page);
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await laidOut(page);
    await expect.poll(() => overlappingFrames(page)).toEqual([]);

    // Filter → "Show section frames" off: the frames go, and stay gone after a reload (this browser remembers).
    await page.locator('summary', { hasText: /^Filter/ }).click();
    const toggle = page.getByRole('checkbox', { name: 'Show section frames' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => frames(page).count()).toBe(0);
    await page.reload();
    await mapNodes(page).first().waitFor();
    expect(await frames(page).count()).toBe(0);
    await page.locator('summary', { hasText: /^Filter/ }).click();
    await page.getByRole('checkbox', { name: 'Show section frames' }).click();
    await frame(page, 'Evidence').waitFor();

    // Showing one section's cards: the evidence alone.
    const total = await mapNodes(page).count();
    await page.getByRole('combobox', { name: 'Show cards of' }).selectOption({ label: 'Evidence' });
    await expect.poll(() => mapNodes(page).count()).toBeLessThan(total);
    await expect.poll(() => frames(page).count()).toBe(1);
    await mapNodes(page).filter({ hasText: 'disinfect their hands' }).waitFor();
    expect(
      await mapNodes(page).filter({ hasText: 'controlled by epidemic influences' }).count(),
    ).toBe(0);
    await page.locator('summary', { hasText: /^Filter/ }).click();
    // The view frames the section's cards: its frame's title is on screen, on the canvas.
    await expect
      .poll(async () => {
        const b = await frame(page, 'Evidence').boundingBox();
        return !!b && b.y > 150 && b.x > 0 && b.x + b.width < 950;
      })
      .toBe(true);
    await page.waitForTimeout(500); // the framing animation's end
    await screenshot(page, 'sections-one-section-desktop');
    await page.locator('summary', { hasText: /^Filter/ }).click();
    // "Show everything" brings back every card, the one-section choice included.
    await page.getByRole('button', { name: 'Show everything' }).click();
    await expect.poll(() => mapNodes(page).count()).toBe(total);
    expect(await page.getByRole('combobox', { name: 'Show cards of' }).inputValue()).toBe('');
    await page.locator('summary', { hasText: /^Filter/ }).click();

    // The outline says each card's section in words.
    await page.getByRole('button', { name: 'Outline', exact: true }).click();
    await page
      .getByRole('treeitem', {
        // After the text (and its tags, if any).
        name: /controlled by epidemic influences\.(, tags?: [^,]+(, [^,]+)*)?, in section Three Rival Hypotheses/,
      })
      .first()
      .waitFor();
    await screenshot(page, 'sections-outline-desktop');
    expect(errors).toEqual([]);

    // On a phone the frames are drawn too, and the filter fits on screen.
    const phone = await signUpNewPerson(browser(), baseUrl, 'Pia Phone', {
      width: 360,
      height: 740,
    });
    await importSemmelweis(phone.page);
    await frame(phone.page, 'Evidence').waitFor();
    await screenshot(phone.page, 'sections-frames-phone');
    await phone.page.getByRole('button', { name: 'Menu', exact: true }).click();
    await phone.page.locator('summary', { hasText: /^Filter/ }).click();
    const only = phone.page.getByRole('combobox', { name: 'Show cards of' });
    await only.scrollIntoViewIfNeeded();
    const select = (await only.boundingBox())!;
    expect(select.x).toBeGreaterThanOrEqual(0);
    expect(select.x + select.width).toBeLessThanOrEqual(360);
    await screenshot(phone.page, 'sections-filter-phone');
    // One section on a phone: the view frames it, within the screen's width.
    await only.selectOption({ label: 'Evidence' });
    await phone.page.getByRole('button', { name: 'Menu', exact: true }).click();
    await expect
      .poll(async () => {
        const b = await phone.page.locator('[data-section-frame="Evidence"]').boundingBox();
        return !!b && b.x >= 0 && b.x + b.width <= 360;
      })
      .toBe(true);
    await phone.page.waitForTimeout(500); // the framing animation's end
    await screenshot(phone.page, 'sections-one-section-phone');
    expect(phone.errors).toEqual([]);
    expect(url).not.toBe(phone.page.url());
  });
});
