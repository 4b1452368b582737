import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { printWordFile } from '../support/office';
import {
  allSaved,
  dragOver,
  findCard,
  screenshot,
  selectPassage,
  signUpNewPerson,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const REPORT = path.resolve('tests/fixtures/sources/report.pdf');

const newPerson = (b: Browser, name: string) =>
  signUpNewPerson(b, baseUrl, name, { width: 1440, height: 900 });

const QUOTE =
  'The second page says that a full set of uniform items costs families about two hundred pounds a year.';
const EVIDENCE = /^evidence: The second page says that a full set of uniform items/;
const READ = 'two hundred pounds';
const CONTEXT = 'a full set of uniform items';

const reader = (page: Page) => page.getByRole('complementary', { name: 'Source reader' });
const cardOf = (page: Page) => page.getByRole('region', { name: 'Card' });
const passageOf = (page: Page) => cardOf(page).getByLabel(/^Passage/);
const markedText = async (page: Page, layer: 'underline' | 'highlight') =>
  (await passageOf(page).locator(`[data-marks~="${layer}"]`).allTextContents()).join('|');

/** A map made through the form: the demo debate (with its two teams), or a blank one. */
async function newMap(page: Page, title: string, template: 'demo' | 'blank'): Promise<string> {
  await page.goto(`${baseUrl}/maps/new`);
  await page.getByLabel('Title').click();
  await page.keyboard.type(title);
  await page.getByLabel('Motion or question under debate').click();
  await page.keyboard.type('The CSTO failed Armenia');
  if (template === 'blank') await page.getByRole('radio', { name: /A blank map/ }).check();
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

describe('evidence from a real file, out to Word and back', () => {
  it(
    'a student cuts a card from a PDF passage, exports the team’s blocks as Word (printed by LibreOffice with the highlight) and reads them back in',
    { timeout: 240_000 },
    async () => {
      const teacher = await newPerson(browser(), 'Ms Haddad');
      const t = teacher.page;
      const mapId = await newMap(t, 'Evidence files', 'demo');
      const mapUrl = `${baseUrl}/maps/${mapId}`;
      await t.goto(`${mapUrl}/share`);
      await t.getByLabel('Anyone with the link can').selectOption('EDITOR');
      await t.getByRole('button', { name: 'Create link' }).click();
      const link = await t.getByLabel('New share link').inputValue();
      const dana = await newPerson(browser(), 'Dana');
      const d = dana.page;
      await d.goto(link);
      await d.waitForURL(mapUrl);
      await t.goto(`${mapUrl}/teams`);
      await t.getByLabel('Team of Dana').selectOption({ label: 'Team Turchenko' });
      await t.getByRole('button', { name: 'Save teams' }).click();
      await t.getByRole('status').filter({ hasText: 'Teams saved.' }).waitFor();

      // Dana adds the report, a PDF, for her side.
      await d.goto(mapUrl);
      await reader(d).getByRole('link', { name: 'Add a source' }).click();
      await d.getByLabel(/A file: PDF/).setInputFiles(REPORT);
      await d.getByRole('button', { name: 'Read the file' }).click();
      const review = d.getByRole('form', { name: 'Check the source' });
      await review.getByLabel('Side').selectOption('FOR');
      await review.getByRole('button', { name: 'Save the source' }).click();
      await d.waitForURL(/\?source=/);

      // A passage of page 2 becomes evidence for the team's answer on the Kazakh mission.
      await selectPassage(reader(d), QUOTE);
      await reader(d).getByRole('button', { name: 'Make evidence' }).click();
      const evidence = d.getByRole('group', { name: EVIDENCE });
      await evidence.waitFor();
      await d.keyboard.press('Escape');
      await evidence.click();
      await d
        .getByRole('toolbar', { name: 'Map editing' })
        .getByRole('button', { name: 'Connect to…' })
        .click();
      await d.getByRole('dialog', { name: /^Connect/ }).waitFor();
      await d.keyboard.type('collective defence mechanism for the first time');
      await d.keyboard.press('Enter');
      await allSaved(d);

      // Cut as a card: the words read aloud highlighted, their context underlined.
      await evidence.click();
      await d.getByRole('tab', { name: 'Sources' }).click();
      await cardOf(d).getByRole('button', { name: 'Cut as a card' }).click();
      const tools = cardOf(d).getByRole('toolbar', { name: 'Mark the selected words' });
      await dragOver(d, passageOf(d), READ);
      await tools.getByRole('button', { name: 'Highlight' }).click();
      await dragOver(d, passageOf(d), CONTEXT);
      await tools.getByRole('button', { name: 'Underline' }).click();
      await expect.poll(() => markedText(d, 'highlight')).toBe(READ);
      await expect.poll(() => markedText(d, 'underline')).toBe(CONTEXT);
      await allSaved(d);
      // The cite names the page the passage is on.
      expect(await cardOf(d).textContent()).toContain('p. 2');
      await screenshot(d, 'card-from-pdf');

      // The team's blocks: on the page, then as Word.
      await d.getByText('Export', { exact: true }).click();
      await d.getByRole('link', { name: 'Blocks (printable or Word)' }).click();
      await d
        .getByRole('navigation', { name: 'Whose blocks' })
        .getByRole('link', { name: 'Team Turchenko' })
        .click();
      await d.waitForURL(/team=/);
      await d.getByText(READ, { exact: true }).first().waitFor();
      await screenshot(d, 'blocks-team', { fullPage: true });
      const [download] = await Promise.all([
        d.waitForEvent('download'),
        d.getByRole('link', { name: 'Download .docx' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('blocks-evidence-files-team-turchenko.docx');
      const docx = await readFile((await download.path())!);

      // Opened as Word would: the card's words are there, the read ones on yellow.
      const printed = await printWordFile(docx);
      expect(printed.text.replace(/\s+/g, ' ')).toContain(
        'costs families about two hundred pounds',
      );
      const highlighted = printed.words.filter((w) => w.highlighted).map((w) => w.text);
      expect(highlighted).toEqual(expect.arrayContaining(['two', 'hundred', 'pounds']));
      expect(highlighted).not.toContain('uniform');

      // And back in: the cards of the file, on a map of their own, with both layers.
      const again = await newMap(d, 'Cards read back', 'blank');
      await d.goto(`${baseUrl}/maps/${again}/blocks?side=FOR`);
      await d.getByLabel('Word file of cards (.docx, up to 10 MB)').setInputFiles({
        name: download.suggestedFilename(),
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: docx,
      });
      await d.getByLabel('The cards argue').selectOption('For the motion');
      await d.getByRole('button', { name: 'Add cards to the map' }).click();
      await d
        .getByRole('status')
        .filter({ hasText: /^Added \d+ cards to the map/ })
        .waitFor();
      await d.goto(`${baseUrl}/maps/${again}`);
      await (await findCard(d, 'two hundred pounds a year', EVIDENCE)).click();
      await d.getByRole('tab', { name: 'Sources' }).click();
      await expect.poll(() => markedText(d, 'highlight')).toBe(READ);
      await expect.poll(() => markedText(d, 'underline')).toBe(CONTEXT);

      expect(teacher.errors).toEqual([]);
      expect(dana.errors).toEqual([]);
    },
  );
});
