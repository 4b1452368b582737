import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allSaved, demoMapUrl, openPage, screenshot, signInAsDemo, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** What has the keyboard focus: a card, a connection, or which part of the page (F6's regions). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const card = el?.closest('.react-flow__node');
    const connection = el?.closest('.react-flow__edge');
    return {
      card: card?.getAttribute('data-id') ?? null,
      connection: connection?.getAttribute('data-id') ?? null,
      label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      region: el?.closest('[data-region]')?.getAttribute('data-region') ?? null,
      description: (el?.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    };
  });

const mapShown = (page: Page) => page.locator('#map-canvas[aria-busy="false"]').waitFor();

describe('the map from the keyboard', () => {
  it('a skip link reaches the map, which is one tab stop; E walks a card’s connections; F6 cycles the page’s parts', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(await demoMapUrl(baseUrl));
    await mapShown(page);

    // One card is in the tab order, no connection is: Tab passes the canvas in one step.
    const stops = page.locator('.react-flow__node[tabindex="0"], .react-flow__edge[tabindex="0"]');
    await expect.poll(() => stops.count()).toBe(1);
    // It is the motion, where the map starts.
    expect(await stops.getAttribute('aria-label')).toBe('question: Did the CSTO fail Armenia?');

    // The skip link comes within the first few Tabs and lands on a card.
    let onSkipLink = false;
    for (let i = 0; i < 5 && !onSkipLink; i++) {
      await page.keyboard.press('Tab');
      onSkipLink = (await focused(page)).label === 'Skip to the map';
    }
    expect(onSkipLink).toBe(true);
    await screenshot(page, 'keyboard-skip-link');
    await page.keyboard.press('Enter');
    const card = (await focused(page)).card;
    expect(card).not.toBeNull();

    // Selected, the card is read with its connections.
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await focused(page)).description)
      .toMatch(/(Supported|Attacked) by “/);

    // E goes to one of its connections, the arrow key to another, Escape back to the card.
    await page.keyboard.press('e');
    await expect.poll(async () => (await focused(page)).connection).not.toBeNull();
    const first = await focused(page);
    await screenshot(page, 'keyboard-connection-focus');
    const cardText = await page
      .locator(`.react-flow__node[data-id="${card}"]`)
      .getAttribute('aria-label');
    const opening = cardText!.replace(/^\w+: /, '').slice(0, 30);
    expect(first.label).toContain(opening);
    await expect
      .poll(() =>
        page.locator(`.react-flow__edge[data-id="${first.connection}"]`).getAttribute('class'),
      )
      .toContain('selected');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).connection).not.toBe(first.connection);
    const second = await focused(page);
    expect(second.connection).not.toBeNull();
    expect(second.label).toContain(opening);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(page)).card).toBe(card);

    // F6: canvas → side panel → site header → map tools → canvas; Shift+F6 goes back.
    const regions: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('F6');
      regions.push((await focused(page)).region);
    }
    expect(regions).toEqual(['side panel', 'site header', 'map tools', 'canvas']);
    // Back in the canvas, the focus is on the card it left.
    expect((await focused(page)).card).toBe(card);
    await page.keyboard.press('Shift+F6');
    expect((await focused(page)).region).toBe('map tools');

    // F6 leaves a text field too (the map's search box).
    await page.getByRole('searchbox').click();
    await page.keyboard.press('F6');
    expect((await focused(page)).region).toBe('canvas');
    expect(errors).toEqual([]);
  });

  it('another person’s changes are announced politely to a screen reader, and one’s own are not', async () => {
    const url = await demoMapUrl(baseUrl);
    const teacher = await openPage(browser());
    const student = await openPage(browser());
    await signInAsDemo(teacher.page, baseUrl, inject('startupLog'), 'teacher');
    await signInAsDemo(student.page, baseUrl, inject('startupLog'), 'student1');
    await teacher.page.goto(url);
    await student.page.goto(url);
    await Promise.all([mapShown(teacher.page), mapShown(student.page)]);
    const live = (page: Page) =>
      page
        .getByRole('status')
        .filter({ hasText: /^Live$/ })
        .waitFor();
    await Promise.all([live(teacher.page), live(student.page)]);

    const toolbar = teacher.page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await teacher.page.keyboard.type('Heard by a screen reader');
    await teacher.page.keyboard.press('Enter');
    await allSaved(teacher.page);

    const log = student.page.getByRole('log', { name: 'Changes by others' });
    await expect
      .poll(() => log.textContent(), { timeout: 8000 })
      .toMatch(
        /Ms\. Demo[^.]* added a claim: “[^”]+”\..*edited the text of “Heard by a screen reader”\./,
      );
    expect(await log.getAttribute('aria-live')).toBe('polite');
    const own = await teacher.page.getByRole('log', { name: 'Changes by others' }).textContent();
    expect(own).not.toMatch(/Heard by a screen reader/);
    expect(teacher.errors).toEqual([]);
    expect(student.errors).toEqual([]);
  });
});
