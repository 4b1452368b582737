import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { allSaved, nodeNamed, openPage, screenshot, signUpNewPerson, useBrowser } from './browser';
import { importFile } from './new-cards';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** A small Argdown file whose #pro tag has a colour in its frontmatter. */
const ARGDOWN = [
  '===',
  'title: Tagged debate',
  'color:',
  '    tagColors:',
  '        pro: "#1f77b4"',
  '===',
  '',
  '[Schools]: Taxes on sugar fund school meals. #pro',
  '',
  '[Clinics]: Clinics treat diabetes for less than it costs to ignore it. #(health care)',
  '',
].join('\n');

const chipsOf = (page: Page, pattern: RegExp) =>
  nodeNamed(page, pattern).getByRole('list', { name: 'Tags' }).getByRole('listitem');

describe('tags on cards', () => {
  it('an editor tags a card from its menu, sees the chip, filters by it, and a viewer sees it arrive live', async () => {
    const owner = await signUpNewPerson(browser(), baseUrl, 'Tess Tagger', {
      width: 1440,
      height: 900,
    });
    const t = owner.page;
    await importFile(t, baseUrl, { name: 'tagged.argdown', buffer: Buffer.from(ARGDOWN) });
    await t.waitForURL(/\/maps\/(?!import$)[\w-]+$/);
    const mapUrl = t.url();

    // The imported tags show as chips; #pro in its colour from the file, with dark-on-light or light-on-dark text.
    const schools = /^\w+: Taxes on sugar fund school meals\.$/;
    const clinics = /^\w+: Clinics treat diabetes/;
    await expect.poll(() => chipsOf(t, schools).allTextContents()).toEqual(['pro']);
    expect(
      await chipsOf(t, schools)
        .first()
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]),
    ).toEqual(['rgb(31, 119, 180)', 'rgb(255, 255, 255)']);
    expect(await chipsOf(t, clinics).allTextContents()).toEqual(['health care']);

    // A viewer follows along through a view link, in a second browser.
    await t.goto(`${mapUrl}/share`);
    await t.getByLabel('Anyone with the link can').selectOption('VIEWER');
    await t.getByRole('button', { name: 'Create link' }).click();
    const link = await t.getByLabel('New share link').inputValue();
    const viewer = await openPage(browser());
    await viewer.page.goto(link);
    await t.goto(mapUrl);
    for (const page of [t, viewer.page])
      await page
        .getByRole('status')
        .filter({ hasText: /^Live$/ })
        .waitFor();

    // The card's menu (a right-click): Tags…, type a tag, Enter.
    await nodeNamed(t, schools).click({ button: 'right' });
    const menu = t.getByRole('menu', { name: /^Card: Taxes on sugar/ });
    await menu.getByRole('menuitem', { name: 'Tags (1)…' }).click();
    const tagsOf = t.getByRole('dialog', { name: /^Tags of: Taxes on sugar/ });
    await tagsOf.getByRole('textbox', { name: 'Add a tag' }).click();
    await t.keyboard.type('economy');
    await t.keyboard.press('Enter');
    await allSaved(t);
    await expect.poll(() => chipsOf(t, schools).allTextContents()).toEqual(['pro', 'economy']);
    // A tag the card cannot take is refused with the reason, and nothing is sent.
    await tagsOf.getByRole('textbox', { name: 'Add a tag' }).click();
    await t.keyboard.type('Economy');
    await t.keyboard.press('Enter');
    await tagsOf.getByRole('alert').filter({ hasText: 'The card already has this tag' }).waitFor();
    await screenshot(t, 'tags-menu-1440');
    expect(await seriousViolations(t, 'tags of a card', tagsOf)).toEqual([]);
    await tagsOf.getByRole('button', { name: 'Done' }).click();

    // The viewer sees the new chip without a reload.
    await expect
      .poll(() => chipsOf(viewer.page, schools).allTextContents())
      .toEqual(['pro', 'economy']);

    // Filter by the tag: the card without it is hidden, and the count says so.
    await t.getByText('Filter', { exact: true }).click();
    await t.getByRole('checkbox', { name: 'economy' }).click();
    await expect.poll(() => nodeNamed(t, clinics).isVisible()).toBe(false);
    expect(await nodeNamed(t, schools).isVisible()).toBe(true);
    await t.getByText('Filter (1 hidden)').waitFor();
    await screenshot(t, 'tags-filter-1440');
    await t.getByRole('button', { name: 'Show everything' }).click();
    await expect.poll(() => nodeNamed(t, clinics).isVisible()).toBe(true);
    await t.getByText(/^Filter/).click();

    // Removing a tag from its chip's button; undo brings it back; the viewer follows.
    await nodeNamed(t, schools).click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Tags (2)…' }).click();
    await tagsOf.getByRole('button', { name: 'Remove tag economy' }).click();
    await allSaved(t);
    await expect.poll(() => chipsOf(viewer.page, schools).allTextContents()).toEqual(['pro']);
    await tagsOf.getByRole('button', { name: 'Done' }).click();
    await t
      .getByRole('toolbar', { name: 'Map editing' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await allSaved(t);
    await expect
      .poll(() => chipsOf(viewer.page, schools).allTextContents())
      .toEqual(['pro', 'economy']);

    // On a phone: the chips fit the card, none spills past its edge.
    await t.setViewportSize({ width: 360, height: 740 });
    await t.reload();
    await t.locator('#map-canvas[aria-busy="false"]').waitFor();
    // A phone opens on the outline, which says the tags after the text.
    const mapTab = t.getByRole('button', { name: 'Map', exact: true });
    if ((await mapTab.getAttribute('aria-pressed')) !== 'true') {
      await t.getByText('(tags: pro, economy)').waitFor();
      await screenshot(t, 'tags-outline-360');
      await mapTab.click();
    }
    const card = nodeNamed(t, schools);
    await card.waitFor();
    const cardBox = (await card.boundingBox())!;
    for (const chip of await chipsOf(t, schools).all()) {
      const box = (await chip.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    }
    await screenshot(t, 'tags-card-360');
    expect([...owner.errors, ...viewer.errors]).toEqual([]);
  }, 90_000);
});
