import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allSaved, screenshot, selectPassage, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const FIXTURES = path.resolve('tests/fixtures/sources');

const newPerson = (b: Browser, name: string, size = { width: 1440, height: 900 }) =>
  signUpNewPerson(b, baseUrl, name, size);

/** Screenshots of what `page` shows at 1440 wide and at 360 (a phone), back to 1440 after. */
async function atBothWidths(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** A blank map made through the form, and an edit link to it. */
async function blankMapWithLink(page: Page): Promise<{ mapUrl: string; link: string }> {
  await page.goto(`${baseUrl}/maps/new`);
  await page.getByLabel('Title').click();
  await page.keyboard.type('Homework and sleep');
  await page.getByLabel('Motion or question under debate').click();
  await page.keyboard.type('Homework should be banned in primary schools');
  await page.getByRole('radio', { name: /A blank map/ }).check();
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
  const mapUrl = page.url();
  const mapId = new URL(mapUrl).pathname.split('/').at(-1)!;
  await page.goto(`${baseUrl}/maps/${mapId}/share`);
  await page.getByLabel('Anyone with the link can').selectOption('EDITOR');
  await page.getByRole('button', { name: 'Create link' }).click();
  const link = await page.getByLabel('New share link').inputValue();
  return { mapUrl, link };
}

const reader = (page: Page) => page.getByRole('complementary', { name: 'Source reader' });

describe('sources from real files in Chromium', () => {
  it(
    'a teacher reads a PDF, checks its pages and details, saves it; a student sees it arrive and quotes page 2; the teacher can remove it only once no card quotes it, and the student sees it go',
    { timeout: 240_000 },
    async () => {
      const teacher = await newPerson(browser(), 'Ms Okafor');
      const t = teacher.page;
      const { mapUrl, link } = await blankMapWithLink(t);
      const student = await newPerson(browser(), 'Sam');
      const s = student.page;
      await s.goto(link);
      await s.waitForURL(mapUrl);
      await reader(s).getByText('This map has no source documents yet.').waitFor();

      await t.goto(mapUrl);
      await reader(t).getByRole('link', { name: 'Add a source' }).click();
      await t.waitForURL(/\/sources\/new$/);
      await screenshot(t, 'source-add-empty');

      // A scanned PDF is refused in words a teacher can act on.
      await t.getByLabel(/A file: PDF/).setInputFiles(path.join(FIXTURES, 'scan.pdf'));
      await t.getByRole('button', { name: 'Read the file' }).click();
      await t.getByRole('alert').filter({ hasText: 'no text layer' }).waitFor();
      await screenshot(t, 'source-add-error');

      await t.getByLabel(/A file: PDF/).setInputFiles(path.join(FIXTURES, 'report.pdf'));
      await t.getByRole('button', { name: 'Read the file' }).click();
      const review = t.getByRole('form', { name: 'Check the source' });
      await review.waitFor();
      // What the file said about itself, ready to correct.
      expect(await review.getByLabel('Authors').inputValue()).toBe('Ada Lindqvist; Tomas Ferreira');
      expect(await review.getByLabel('Published').inputValue()).toBe('2021-03-15');
      expect(await review.getByLabel('Page 2').inputValue()).toContain('negotiation');
      await screenshot(t, 'source-review', { fullPage: true });

      await review.getByLabel('Qualifications').click();
      await t.keyboard.type('Researchers at the Sleep Institute');
      await review.getByLabel('Side').selectOption('AGAINST');
      // A stray header the PDF repeated: the teacher deletes it from page 3.
      await review.getByLabel('Page 3').click();
      await t.keyboard.press('ControlOrMeta+End');
      await t.keyboard.type(' [checked]');
      await review.getByRole('button', { name: 'Save the source' }).click();

      // Back on the map, the new source is open in the reader.
      await t.waitForURL(/\/maps\/[^/]+\?source=/);
      await reader(t).getByText('[checked]').waitFor();
      // The student's open page gets it without a reload.
      await reader(s)
        .getByRole('tab', { name: /Lindqvist/ })
        .waitFor({ timeout: 15_000 });
      await reader(s).getByText('The second page says').waitFor();

      // A passage of page 2 becomes evidence.
      await selectPassage(reader(s), 'The second page says');
      await reader(s).getByRole('button', { name: 'Make evidence' }).click();
      const card = s.getByRole('group', { name: /^evidence: The second page says/ });
      await card.waitFor();
      await allSaved(s);

      // The teacher tries to remove the source: the student's card quotes it, so it stays, and
      // the refusal names the card with a link to it.
      await reader(t)
        .getByRole('link', { name: /^Details of “/ })
        .click();
      await t.waitForURL(/\/sources\/[^/?]+$/);
      // The student, an editor, reads the same details page but is not offered the removal
      // (other teams' highlights would go with it): that is the teacher's.
      const details = await s.context().newPage();
      await details.goto(t.url());
      await details.getByRole('heading', { level: 1 }).waitFor();
      await details.getByRole('button', { name: 'Save the details' }).waitFor();
      expect(await details.getByRole('button', { name: 'Remove this source' }).count()).toBe(0);
      await details.close();
      await t.getByRole('button', { name: 'Remove this source' }).click();
      const confirm = t.getByRole('dialog', { name: /^Remove “.+” from the map\?$/ });
      await confirm.getByText('It disappears from the Sources tab for everyone').waitFor();
      await confirm.getByRole('button', { name: 'Remove the source' }).click();
      const refusal = confirm.getByRole('alert');
      await refusal
        .getByText('1 card quotes this source; delete it or change its quote first.')
        .waitFor();
      const quoting = refusal.getByRole('link', { name: /^The second page says/ });
      expect(await quoting.getAttribute('href')).toMatch(/\/maps\/[^/]+\?node=/);
      await atBothWidths(t, 'source-remove-refused');
      await confirm.getByRole('button', { name: 'Close' }).click();
      await reader(s)
        .getByRole('tab', { name: /Lindqvist/ })
        .waitFor();

      // The student deletes the card; now the teacher removes the source, after a confirmation
      // that says what happens (and what Undo of the deleted card brings back).
      await card.click();
      await s
        .getByRole('toolbar', { name: 'Map editing' })
        .getByRole('button', { name: 'Delete', exact: true })
        .click();
      await allSaved(s);
      await t.reload();
      await t.getByRole('button', { name: 'Remove this source' }).click();
      await confirm.getByText(/^1 deleted card quoted it/).waitFor();
      await atBothWidths(t, 'source-remove-confirm');
      await confirm.getByRole('button', { name: 'Remove the source' }).click();
      await t.waitForURL(mapUrl);
      await reader(t).getByText('This map has no source documents yet.').waitFor();
      // The student's open page loses it without a reload.
      await reader(s).getByText('This map has no source documents yet.').waitFor();
      expect(await reader(s).getByRole('tab').count()).toBe(0);

      expect(teacher.errors).toEqual([]);
      expect(student.errors).toEqual([]);
    },
  );

  it(
    'pasted web-page HTML keeps the article and drops the menus; the details can be corrected later',
    { timeout: 90_000 },
    async () => {
      const teacher = await newPerson(browser(), 'Mr Lindqvist', { width: 360, height: 740 });
      const t = teacher.page;
      const { mapUrl } = await blankMapWithLink(t);
      const mapId = new URL(mapUrl).pathname.split('/').at(-1)!;
      await t.goto(`${baseUrl}/maps/${mapId}/sources/new`);
      const html = (await import('node:fs')).readFileSync(
        path.join(FIXTURES, 'article.html'),
        'utf8',
      );
      await t.getByLabel('Paste the article’s text, or a web page’s HTML').click();
      // Pasting, as a person does: the clipboard's text arrives at once.
      await t.keyboard.insertText(html);
      await t.getByRole('button', { name: 'Read the pasted text' }).click();
      const review = t.getByRole('form', { name: 'Check the source' });
      await review.waitFor();
      const text = await review.getByRole('textbox', { name: 'Text', exact: true }).inputValue();
      expect(text).not.toMatch(/cookie/i);
      await screenshot(t, 'source-review-phone', { fullPage: true });
      await review.getByRole('button', { name: 'Save the source' }).click();
      await t.waitForURL(/\?source=/);
      const sourceId = new URL(t.url()).searchParams.get('source')!;

      await t.goto(`${baseUrl}/maps/${mapId}/sources/${sourceId}`);
      await t.getByLabel('Title').click();
      await t.keyboard.press('ControlOrMeta+A');
      await t.keyboard.type('A corrected title');
      await t.getByLabel('Web address').click();
      await t.keyboard.press('ControlOrMeta+A');
      await t.keyboard.type('not a web address');
      await t.getByRole('button', { name: 'Save the details' }).click();
      // The browser's own check or the server's: either way nothing is saved yet.
      expect(t.url()).toContain(`/sources/${sourceId}`);
      await t.getByLabel('Web address').click();
      await t.keyboard.press('ControlOrMeta+A');
      await t.keyboard.type('https://example.org/homework');
      await t.getByRole('button', { name: 'Save the details' }).click();
      await t.waitForURL(/\?source=/);
      expect(teacher.errors).toEqual([]);
    },
  );
});
