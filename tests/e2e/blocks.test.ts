import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { demoMapUrl, openPage, screenshot, signInAsDemoTeacher, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('blocks in Chromium', () => {
  it('prints a side’s blocks from the map’s Export menu, downloads them as Word, and fits a phone', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(await demoMapUrl(baseUrl));
    await page.getByText('Export', { exact: true }).click();
    await page.getByRole('link', { name: 'Blocks (printable or Word)' }).click();
    await page.getByRole('heading', { name: 'Answers to their objections' }).waitFor();
    await page.getByRole('heading', { name: 'Our case' }).waitFor();
    await page.getByRole('link', { name: 'Against the motion' }).click();
    await page.waitForURL(/side=AGAINST/);
    await page.getByText('Against the motion, ').waitFor();
    // The read words of a cut card are highlighted; a block no answer reaches yet says so.
    expect(await page.getByText('No answer on the map yet.').count()).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download .docx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'blocks-russia-the-csto-and-nagorno-karabakh-against.docx',
    );
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.setViewportSize({ width: 360, height: 740 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('link', { name: 'Download .docx' }).isVisible()).toBe(false);
    await screenshot(page, 'blocks-phone-print');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a Word file of cards into an open map, which shows them without a reload', async () => {
    // One person, two tabs: the map, and its blocks page with the form.
    const context = await browser().newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${await demoMapUrl(baseUrl)}/blocks?side=FOR`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download .docx' }).click(),
    ]);
    const docx = await readFile((await download.path())!);

    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    await page.goto(`${baseUrl}/maps/new`);
    await page.getByLabel('Title').fill('Cards from Word');
    await page.getByLabel('Motion or question under debate').fill('The CSTO failed Armenia');
    await page.getByRole('radio', { name: /A blank map/ }).check();
    await page.getByRole('button', { name: 'Create map' }).click();
    await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
    await page.getByText('This map is empty.').waitFor();
    const mapId = new URL(page.url()).pathname.split('/').at(-1)!;

    const blocks = await context.newPage();
    blocks.on('pageerror', (e) => errors.push(e.message));
    await blocks.goto(`${baseUrl}/maps/${mapId}/blocks?side=AGAINST`);
    await blocks.getByLabel('Word file of cards (.docx, up to 10 MB)').setInputFiles({
      name: 'blocks.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await blocks.getByLabel('The cards argue').selectOption('For the motion');
    await blocks.getByRole('button', { name: 'Add cards to the map' }).click();
    await blocks
      .getByRole('status')
      .filter({ hasText: /^Added \d+ cards to the map, under \d+ claims\.$/ })
      .waitFor();
    // The page now files them: the imported claims are our case.
    await blocks.getByRole('link', { name: 'For the motion' }).click();
    await blocks.getByRole('heading', { name: 'Our case' }).waitFor();
    await blocks.close();
    // The open map hears of the batch on its stream.
    await page.getByText('This map is empty.').waitFor({ state: 'detached' });
    // The sources the cards quote come with them: the reader has their text without a reload.
    await page
      .getByRole('complementary', { name: 'Source reader' })
      .getByText('This map has no source documents yet.')
      .waitFor({ state: 'detached' });
    expect(
      await page.getByRole('complementary', { name: 'Source reader' }).getByRole('tab').count(),
    ).toBeGreaterThan(0);
    const bad = await page.request.post(`${baseUrl}/api/maps/${mapId}/import/verbatim`, {
      headers: { origin: baseUrl },
      multipart: {
        side: 'FOR',
        file: { name: 'x.docx', mimeType: 'text/plain', buffer: Buffer.from('no') },
      },
    });
    expect(bad.status()).toBe(422);
    expect(errors).toEqual([]);
    await context.close();
  });
});
