import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  demoMapUrl,
  openPage,
  screenshot,
  signInAsDemo,
  signInAsDemoTeacher,
  useBrowser,
} from './browser';
import { ownDebate } from './new-cards';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

const CLAIM_A = /^\+ supports, Claim: Armenia’s disillusionment with the CSTO/;
const CLAIM_B = /^− attacks, Claim: Russian-sponsored security structures such as the CSTO/;
const NEW_PREMISE = 'Moscow gave Yerevan words, not troops';
const PREMISE_ROW = new RegExp(`^\\+ supports, Premise: ${NEW_PREMISE}(,|$)`);

/** The owner makes an edit link on the share page, clicking and typing, and reads it off the page. */
async function newEditLink(owner: Page, mapId: string, name: string): Promise<string> {
  await owner.goto(`${baseUrl}/maps/${mapId}/share`);
  await owner.getByLabel('Name (optional)').click();
  await owner.keyboard.type(name);
  await owner.getByLabel('Anyone with the link can').selectOption('EDITOR');
  await owner.getByRole('button', { name: 'Create link' }).click();
  return owner.getByLabel('New share link').inputValue();
}

/** The accessible name of the focused element. */
const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

/**
 * The row a row is nested under, as the tree tells assistive technology:
 * the nearest row above it one level up (aria-level). Null when the row is
 * not there.
 */
const parentRow = (page: Page, row: RegExp) =>
  page.evaluate((source) => {
    const pattern = new RegExp(source);
    const items = [...document.querySelectorAll('[role="treeitem"]')];
    const index = items.findIndex((i) => pattern.test(i.getAttribute('aria-label') ?? ''));
    if (index < 0) return null;
    const level = Number(items[index]!.getAttribute('aria-level'));
    for (let i = index - 1; i >= 0; i--)
      if (Number(items[i]!.getAttribute('aria-level')) === level - 1)
        return items[i]!.getAttribute('aria-label');
    return null;
  }, row.source);

/** Presses ↓ until the focused row's name matches, as someone scanning the tree would. */
async function arrowTo(page: Page, name: RegExp, most = 80) {
  for (let i = 0; i < most && !name.test(await focusedName(page)); i++)
    await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toMatch(name);
}

/** Presses Tab until a row of the tree has the focus. */
async function tabIntoTree(page: Page, most = 60) {
  const inTree = () =>
    page.evaluate(() => document.activeElement?.getAttribute('role') === 'treeitem');
  for (let i = 0; i < most && !(await inTree()); i++) {
    await page.keyboard.press('Tab');
  }
  expect(await inTree()).toBe(true);
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * The outline fits its place: nothing in it reaches past its right edge or
 * scrolls sideways. (Whether the page around it fits a phone is the page
 * layout's own test.)
 */
const outlineFits = (page: Page) =>
  page.evaluate(() => {
    const outline = document.querySelector('section[aria-label="Outline"]')!;
    const right = outline.getBoundingClientRect().right;
    return (
      outline.scrollWidth <= outline.clientWidth &&
      [...outline.querySelectorAll('*')].every((e) => e.getBoundingClientRect().right <= right)
    );
  });

describe('the outline view', () => {
  it('adds a premise under a claim, moves it under another and undoes the move, keyboard only, while a second editor watches live', async () => {
    const owner = await openPage(browser());
    const member = await openPage(browser());
    const mapId = await ownDebate(owner.page, baseUrl, startupLog, 'An outline by keyboard');
    const link = await newEditLink(owner.page, mapId, 'Outline club');
    await signInAsDemo(member.page, baseUrl, startupLog, 'student1');
    await member.page.goto(link);
    await member.page.waitForURL(`${baseUrl}/maps/${mapId}`);
    await owner.page.goto(`${baseUrl}/maps/${mapId}`);

    for (const { page } of [owner, member]) {
      await page.getByRole('button', { name: 'Outline', exact: true }).click();
      await page.getByRole('tree').waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /^Live$/ })
        .waitFor();
    }
    expect(
      await owner.page
        .getByRole('button', { name: 'Outline', exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    // The canvas is not shown while the outline is.
    expect(await owner.page.locator('.react-flow').isVisible()).toBe(false);

    // From here on, the keyboard alone: Tab into the tree, arrows to the first claim.
    const page = owner.page;
    await tabIntoTree(page);
    await arrowTo(page, CLAIM_A);

    // "+" adds a premise under it, open for typing; Enter saves it.
    await page.keyboard.press('+');
    await page.keyboard.type(NEW_PREMISE);
    await page.keyboard.press('Enter');
    await allSaved(page);
    expect(await parentRow(page, PREMISE_ROW)).toMatch(CLAIM_A);
    await expect.poll(() => focusedName(page)).toMatch(PREMISE_ROW);
    await expect.poll(() => parentRow(member.page, PREMISE_ROW)).toMatch(CLAIM_A);

    // Ctrl+M: move it under another claim, found by typing a few of its words.
    await page.keyboard.press('Control+m');
    await page.getByRole('dialog', { name: /^Move “Moscow gave Yerevan/ }).waitFor();
    await page.keyboard.type('traditional NATO-style');
    await page.keyboard.press('Enter');
    await allSaved(page);
    expect(await parentRow(page, PREMISE_ROW)).toMatch(CLAIM_B);
    await expect.poll(() => focusedName(page)).toMatch(PREMISE_ROW);
    await expect.poll(() => parentRow(member.page, PREMISE_ROW)).toMatch(CLAIM_B);
    await screenshot(page, 'outline-1440');
    expect(await noSidewaysScroll(page)).toBe(true);

    // Ctrl+Z undoes the move in one step: it is back under the first claim, for both.
    await page.keyboard.press('Control+z');
    await allSaved(page);
    await expect.poll(() => parentRow(page, PREMISE_ROW)).toMatch(CLAIM_A);
    await expect.poll(() => parentRow(member.page, PREMISE_ROW)).toMatch(CLAIM_A);
    await screenshot(member.page, 'outline-second-editor');
    await expect.poll(() => focusedName(page)).toMatch(PREMISE_ROW);

    // Type-ahead: Home, then the first letters of a row, goes to it.
    await page.keyboard.press('Home');
    await expect.poll(() => focusedName(page)).toMatch(/^Question: Did the CSTO fail Armenia\?$/);
    await page.keyboard.type('moscow');
    await expect.poll(() => focusedName(page)).toMatch(PREMISE_ROW);

    // Delete deletes it (once: the canvas underneath does not take the key too), for both.
    const premiseRows = (p: Page) => p.getByRole('treeitem', { name: PREMISE_ROW }).count();
    await page.keyboard.press('Delete');
    await allSaved(page);
    await expect.poll(() => premiseRows(page)).toBe(0);
    await expect.poll(() => premiseRows(member.page)).toBe(0);
    await page.keyboard.press('Control+z');
    await allSaved(page);
    await expect.poll(() => parentRow(page, PREMISE_ROW)).toMatch(CLAIM_A);
    await expect.poll(() => parentRow(member.page, PREMISE_ROW)).toMatch(CLAIM_A);
    expect(await page.getByRole('button', { name: 'Dismiss message' }).count()).toBe(0);
    expect([...owner.errors, ...member.errors]).toEqual([]);
    await owner.page.close();
    await member.page.close();
  }, 150_000);

  it('is the first view on a phone, and the choice of view is remembered after a reload', async () => {
    const { page, errors } = await openPage(browser(), { width: 390, height: 844 });
    await signInAsDemoTeacher(page, baseUrl, startupLog);
    await page.goto(await demoMapUrl(baseUrl));
    const tree = page.getByRole('tree');
    await tree.waitFor();
    const outlineButton = page.getByRole('button', { name: 'Outline', exact: true });
    expect(await outlineButton.getAttribute('aria-pressed')).toBe('true');

    // Its rows say how they relate and what they are in words, not colour alone.
    await page
      .getByRole('treeitem', { name: /^\+ supports, Claim: Armenia’s disillusionment/ })
      .waitFor();
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'outline-360');
    expect(await outlineFits(page)).toBe(true);

    // The canvas, chosen, stays chosen after a reload, even on a phone.
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.locator('.react-flow').waitFor();
    await page.reload();
    // On a phone the editing toolbar is behind Menu: the drawn cards say the canvas is shown.
    await page.locator('.react-flow__node').first().waitFor();
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Map', exact: true }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    expect(await tree.count()).toBe(0);

    // And the outline, chosen on a tablet, after a reload too.
    await page.setViewportSize({ width: 768, height: 1024 });
    await outlineButton.click();
    await page.reload();
    await tree.waitFor();
    expect(await outlineButton.getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'outline-768');
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
