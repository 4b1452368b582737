import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { allSaved, dragOver, findCard, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const SHOTS = process.env.CARD_SHOTS_DIR;

const newPerson = (b: Browser, name: string) =>
  signUpNewPerson(b, baseUrl, name, { width: 1440, height: 900 });

const EVIDENCE = /^evidence: In the 2020 war and the border clashes/;
const LONG = /^evidence: Uzbekistan joined in 2006/;

const cardOf = (page: Page) => page.getByRole('region', { name: 'Card' });
const passageOf = (page: Page) => cardOf(page).getByLabel(/^Passage/);
const marked = (page: Page, layer: 'underline' | 'highlight') =>
  passageOf(page).locator(`[data-marks~="${layer}"]`);
const markedText = async (page: Page, layer: 'underline' | 'highlight') =>
  (await marked(page, layer).allTextContents()).join('|');

async function openEvidence(page: Page, words: string, pattern: RegExp) {
  await (await findCard(page, words, pattern)).click();
  await page.getByRole('tab', { name: 'Sources' }).click();
  await cardOf(page).waitFor();
}

describe('evidence cards in Chromium', () => {
  it(
    'a student cuts evidence as a card and highlights words; a classmate sees it live; the team’s own cut stays with the team',
    { timeout: 180_000 },
    async () => {
      const teacher = await newPerson(browser(), 'Mr Okafor');
      const t = teacher.page;
      await t.goto(`${baseUrl}/maps/new`);
      await t.getByLabel('Title').fill('Cards debate');
      await t
        .getByLabel('Motion or question under debate')
        .fill('Is Russia a credible security guarantor?');
      await t.getByRole('button', { name: 'Create map' }).click();
      await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
      const mapUrl = t.url();
      const mapId = new URL(mapUrl).pathname.split('/').at(-1)!;
      await t.goto(`${baseUrl}/maps/${mapId}/share`);
      await t.getByLabel('Anyone with the link can').selectOption('EDITOR');
      await t.getByRole('button', { name: 'Create link' }).click();
      const link = await t.getByLabel('New share link').inputValue();
      const dana = await newPerson(browser(), 'Dana');
      const eli = await newPerson(browser(), 'Eli');
      for (const s of [dana, eli]) {
        await s.page.goto(link);
        await s.page.waitForURL(mapUrl);
      }
      await t.goto(`${baseUrl}/maps/${mapId}/teams`);
      await t.getByLabel('Team of Dana').selectOption({ label: 'Team Turchenko' });
      await t.getByLabel('Team of Eli').selectOption({ label: 'Team Strakes' });
      await t.getByRole('button', { name: 'Save teams' }).click();
      await t.getByRole('status').filter({ hasText: 'Teams saved.' }).waitFor();

      const a = dana.page;
      const b = eli.page;
      for (const page of [a, b]) {
        await page.goto(mapUrl);
        await openEvidence(page, 'appealed to the alliance', EVIDENCE);
      }

      // Dana cuts the quote as a card and highlights words of it with the mouse.
      await cardOf(a).getByRole('button', { name: 'Cut as a card' }).click();
      const tools = cardOf(a).getByRole('toolbar', { name: 'Mark the selected words' });
      expect(await tools.getByRole('button', { name: 'Highlight' }).isDisabled()).toBe(true);
      await dragOver(a, passageOf(a), 'appealed for military assistance');
      await tools.getByRole('button', { name: 'Highlight' }).click();
      await expect.poll(() => markedText(a, 'highlight')).toBe('appealed for military assistance');
      await allSaved(a);
      // Unmarked words are still there, smaller.
      expect(await passageOf(a).textContent()).toContain('Back then, Armenia');
      expect(await cardOf(a).textContent()).toMatch(/Reads in 0:01 at 250 words a minute/);

      expect(await seriousViolations(a, 'evidence card', cardOf(a))).toEqual([]);

      // Eli, on the same card in another browser, sees it arrive.
      await expect.poll(() => markedText(b, 'highlight')).toBe('appealed for military assistance');

      // With the keyboard: into the passage, Shift+arrows select, back to the toolbar, Space.
      await passageOf(a).focus();
      for (let i = 0; i < 'Back then'.length; i++) await a.keyboard.press('Shift+ArrowRight');
      await a.keyboard.press('Shift+Tab');
      await a.keyboard.press('Shift+Tab');
      await a.keyboard.press('Space');
      await expect.poll(() => markedText(a, 'underline')).toBe('Back then');
      await expect.poll(() => markedText(b, 'underline')).toBe('Back then');

      // Dana's team cuts its own version: underlined words only her team sees.
      await cardOf(a).getByRole('radio', { name: 'Our team’s cut' }).check();
      await cardOf(a)
        .getByText(/Private to Team Turchenko/)
        .waitFor();
      await dragOver(a, passageOf(a), 'Russia-led Collective Security Treaty Organization');
      await tools.getByRole('button', { name: 'Underline' }).click();
      await expect
        .poll(() => markedText(a, 'underline'))
        .toBe('Back then|Russia-led Collective Security Treaty Organization');
      // ... starting from the shared marks.
      expect(await markedText(a, 'highlight')).toBe('appealed for military assistance');
      if (SHOTS) {
        await mkdir(SHOTS, { recursive: true });
        await a.screenshot({ path: `${SHOTS}/card-1440.png` });
      }

      // Eli's team sees neither Dana's team cut in its own, nor in the shared card, even after a reload.
      await b.reload();
      await openEvidence(b, 'appealed to the alliance', EVIDENCE);
      expect(await markedText(b, 'underline')).toBe('Back then');
      await cardOf(b).getByRole('radio', { name: 'Our team’s cut' }).check();
      await cardOf(b)
        .getByText(/Private to Team Strakes/)
        .waitFor();
      expect(await markedText(b, 'underline')).toBe('Back then');
      expect(await markedText(b, 'highlight')).toBe('appealed for military assistance');

      // Dana's own cut is kept: after a reload it is there.
      await a.reload();
      await openEvidence(a, 'appealed to the alliance', EVIDENCE);
      await cardOf(a).getByRole('radio', { name: 'Our team’s cut' }).check();
      await expect
        .poll(() => markedText(a, 'underline'))
        .toBe('Back then|Russia-led Collective Security Treaty Organization');

      // A long card on a phone: cut, marked, then read in the drawer.
      if (SHOTS) {
        await openEvidence(a, 'Andijan', LONG);
        await cardOf(a).getByRole('button', { name: 'Cut as a card' }).click();
        const marks = cardOf(a).getByRole('toolbar', { name: 'Mark the selected words' });
        await dragOver(a, passageOf(a), 'Uzbekistan joined the organization in 2006');
        await marks.getByRole('button', { name: 'Underline' }).click();
        await dragOver(a, passageOf(a), 'suspended its membership in 2012');
        await marks.getByRole('button', { name: 'Highlight' }).click();
        await expect.poll(() => marked(a, 'highlight').count()).toBe(1);
        await a.screenshot({ path: `${SHOTS}/card-long-1440.png` });
        await a.setViewportSize({ width: 360, height: 740 });
        await a.getByRole('button', { name: /^Sources & discussion/ }).click();
        await cardOf(a).waitFor();
        await a.screenshot({ path: `${SHOTS}/card-360.png` });
        expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          360,
        );
      }
      expect([...dana.errors, ...eli.errors]).toEqual([]);
    },
  );
});
