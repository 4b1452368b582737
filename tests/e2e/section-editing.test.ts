import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { allSaved, nodeNamed, openPage, screenshot, signUpNewPerson, useBrowser } from './browser';
import { importFile } from './new-cards';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Two tagged cards and no sections: sections are made in the app. */
const ARGDOWN = [
  '===',
  'title: Sugar tax',
  '===',
  '',
  '[Schools]: Taxes on sugar fund school meals. #pro',
  '',
  '[Clinics]: Clinics treat diabetes for less than it costs to ignore it. #(health care)',
  '',
].join('\n');

const schools = /^\w+: Taxes on sugar fund school meals\.$/;
const frame = (page: Page, title: string) =>
  page.locator(`[data-section-frames] [data-section-frame="${title}"]`);
const chipColours = (page: Page) =>
  nodeNamed(page, schools)
    .getByRole('list', { name: 'Tags' })
    .getByRole('listitem')
    .first()
    .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
const undo = (page: Page) =>
  page.getByRole('toolbar', { name: 'Map editing' }).getByRole('button', { name: 'Undo' }).click();

describe('editing sections and tag colours', () => {
  it('a teacher makes a section, puts a card in it and colours a tag; another reader sees each live, and undo takes it back', async () => {
    const teacher = await signUpNewPerson(browser(), baseUrl, 'Sam Sections', {
      width: 1440,
      height: 900,
    });
    const t = teacher.page;
    await importFile(t, baseUrl, { name: 'sugar.argdown', buffer: Buffer.from(ARGDOWN) });
    await t.waitForURL(/\/maps\/(?!import$)[\w-]+$/);
    const mapUrl = t.url();

    // A second reader follows through a view link, in another browser context.
    await t.goto(`${mapUrl}/share`);
    await t.getByLabel('Anyone with the link can').selectOption('VIEWER');
    await t.getByRole('button', { name: 'Create link' }).click();
    const link = await t.getByLabel('New share link').inputValue();
    const reader = await openPage(browser());
    const r = reader.page;
    await r.goto(link);
    await t.goto(mapUrl);
    for (const page of [t, r])
      await page
        .getByRole('status')
        .filter({ hasText: /^Live$/ })
        .waitFor();

    // The card's menu: Section…, type a new section's title, Enter: made, with the card in it.
    await nodeNamed(t, schools).click({ button: 'right' });
    await t
      .getByRole('menu', { name: /^Card: Taxes on sugar/ })
      .getByRole('menuitem', { name: 'Section…' })
      .click();
    const dialog = t.getByRole('dialog', { name: /^Section of: Taxes on sugar/ });
    await dialog.getByRole('textbox', { name: 'New section' }).click();
    await t.keyboard.type('Money matters');
    await t.keyboard.press('Enter');
    await allSaved(t);
    await expect
      .poll(() => dialog.getByRole('radio', { name: 'Money matters' }).isChecked())
      .toBe(true);
    await frame(t, 'Money matters').waitFor();
    // The other reader sees the frame arrive without a reload.
    await frame(r, 'Money matters').waitFor();
    await screenshot(t, 'section-dialog-1440');
    expect(await seriousViolations(t, 'section of a card', dialog)).toEqual([]);

    // An empty title is refused with the reason, and nothing is sent.
    await dialog.getByRole('button', { name: 'Add section' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'A section needs a title' }).waitFor();

    // Renaming it: the other reader's frame follows.
    await dialog.getByRole('button', { name: 'Rename section' }).click();
    await t.keyboard.press('ControlOrMeta+A');
    await t.keyboard.type('Who pays');
    await t.keyboard.press('Enter');
    await allSaved(t);
    await frame(r, 'Who pays').waitFor();

    // Deleting it: the card stays on the map, in no section, for both readers.
    await dialog.getByRole('button', { name: 'Delete section' }).click();
    await allSaved(t);
    await expect
      .poll(() => dialog.getByRole('radio', { name: 'No section' }).isChecked())
      .toBe(true);
    await expect.poll(() => r.locator('[data-section-frame]').count()).toBe(0);
    expect(await nodeNamed(r, schools).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Undo the delete (the card is back in it), the rename, then the section itself.
    await undo(t);
    await allSaved(t);
    await frame(r, 'Who pays').waitFor();
    await undo(t);
    await allSaved(t);
    await frame(r, 'Money matters').waitFor();
    await undo(t);
    await allSaved(t);
    await expect.poll(() => r.locator('[data-section-frame]').count()).toBe(0);

    // A colour for the #pro tag, for the whole map, from the tags dialog.
    await nodeNamed(t, schools).click({ button: 'right' });
    await t
      .getByRole('menu', { name: /^Card: Taxes on sugar/ })
      .getByRole('menuitem', { name: 'Tags (1)…' })
      .click();
    const tags = t.getByRole('dialog', { name: /^Tags of: Taxes on sugar/ });
    const colour = tags.getByRole('combobox', { name: 'Colour of pro' });
    await colour.click();
    await colour.selectOption({ label: 'Purple' });
    await allSaved(t);
    // Purple takes white text (WCAG contrast), in both readers' chips.
    for (const page of [t, r])
      await expect
        .poll(() => chipColours(page))
        .toEqual(['rgb(126, 34, 206)', 'rgb(255, 255, 255)']);
    await screenshot(t, 'tag-colour-1440');
    expect(await seriousViolations(t, 'tags of a card', tags)).toEqual([]);
    await tags.getByRole('button', { name: 'Done' }).click();
    await undo(t);
    await allSaved(t);
    await expect
      .poll(() => chipColours(r))
      .not.toEqual(['rgb(126, 34, 206)', 'rgb(255, 255, 255)']);

    // On a phone, the section dialog fits the screen.
    await t.setViewportSize({ width: 360, height: 740 });
    await t.reload();
    await t.locator('#map-canvas[aria-busy="false"]').waitFor();
    const mapTab = t.getByRole('button', { name: 'Map', exact: true });
    if ((await mapTab.getAttribute('aria-pressed')) !== 'true') await mapTab.click();
    await nodeNamed(t, schools).click({ button: 'right' });
    await t.getByRole('menuitem', { name: 'Section…' }).click();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await screenshot(t, 'section-dialog-360');
    expect([...teacher.errors, ...reader.errors]).toEqual([]);
  }, 120_000);
});
