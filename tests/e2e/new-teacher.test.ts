import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  demoMapUrl,
  nodeNamed,
  openPage,
  screenshot,
  signInAsDemoTeacher,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('a new teacher in Chromium', () => {
  it('signs up, creates a map from the demo debate and edits it', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/sign-up?next=/maps/new`);
    await page.getByLabel('Your name').fill('Mr. New Teacher');
    await page.getByLabel('Email').fill(`teacher-${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('the motion is carried');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${baseUrl}/maps/new`);
    await page.getByLabel('Title').fill('Period 3: the CSTO debate');
    await page
      .getByLabel('Motion or question under debate')
      .fill('Is Russia a credible security guarantor in the South Caucasus?');
    await page.getByRole('radio', { name: /The Turchenko–Strakes debate/ }).check();
    await screenshot(page, 'new-map');
    await page.getByRole('button', { name: 'Create map' }).click();
    await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Period 3: the CSTO debate',
    );
    await nodeNamed(page, /^claim: Russia has lost its credibility/).waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await page.getByRole('textbox', { name: 'Node text' }).fill('Our class claim');
    await page.getByRole('textbox', { name: 'Node text' }).press('Enter');
    await allSaved(page);
    await page.reload();
    await nodeNamed(page, /^claim: Our class claim$/).waitFor();
    // The demo itself is untouched.
    await page.goto(await demoMapUrl(baseUrl));
    await nodeNamed(page, /^claim: Russia has lost its credibility/).waitFor();
    expect(await nodeNamed(page, /Our class claim/).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an empty state on a blank map and puts the first claim in view', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    await page.goto(`${baseUrl}/maps/new`);
    await page.getByLabel('Title').fill('A blank map');
    await page
      .getByLabel('Motion or question under debate')
      .fill('This house would start from nothing');
    await page.getByRole('radio', { name: /A blank map/ }).check();
    await page.getByRole('button', { name: 'Create map' }).click();
    await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
    await page.getByText('This map is empty.').waitFor();
    expect(
      await page.getByRole('complementary', { name: 'Source reader' }).textContent(),
    ).toContain('no source documents yet');
    await screenshot(page, 'blank-map');
    await page
      .getByRole('toolbar', { name: 'Map editing' })
      .getByRole('button', { name: '+ Add claim' })
      .click();
    const editor = page.getByRole('textbox', { name: 'Node text' });
    await editor.fill('The first claim');
    await editor.press('Enter');
    await allSaved(page);
    expect(await page.getByText('This map is empty.').count()).toBe(0);
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const card = (await nodeNamed(page, /^claim: The first claim$/).boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(pane.x);
    expect(card.y).toBeGreaterThanOrEqual(pane.y);
    expect(card.x + card.width).toBeLessThanOrEqual(pane.x + pane.width);
    expect(card.y + card.height).toBeLessThanOrEqual(pane.y + pane.height);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers a blank title with a message and creates nothing', async () => {
    const { page } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    await page.goto(`${baseUrl}/maps/new`);
    await page.getByLabel('Title').fill('   ');
    await page.getByLabel('Motion or question under debate').fill('Anything');
    await page.getByRole('button', { name: 'Create map' }).click();
    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Give the map a title');
    expect(page.url()).toBe(`${baseUrl}/maps/new`);
    await page.close();
  });
  it('takes an uploaded source by its length in characters, the one limit the form states', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    await page.goto(`${baseUrl}/maps/new`);
    await page.getByLabel('Title').click();
    await page.keyboard.type('Sources in Georgian');
    await page.getByLabel('Motion or question under debate').click();
    await page.keyboard.type('Is the CSTO still worth it for Armenia?');
    await page.getByRole('radio', { name: /A blank map/ }).check();
    const hint = page.getByText(/Paste each article/);
    expect(await hint.textContent()).toContain('up to 200,000 characters each');
    const source = page.getByRole('group', { name: 'Source 1' });
    await source.getByLabel('Title').click();
    await page.keyboard.type('A long article');
    // Too long: 200,001 characters.
    await source.getByLabel(/upload a \.txt or \.md file/).setInputFiles({
      name: 'too-long.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('a'.repeat(200_001)),
    });
    await page.getByRole('button', { name: 'Create map' }).click();
    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('A source can hold at most 200,000 characters');
    // The form still says what was chosen and typed: a blank map, and the source's title.
    expect(await page.getByRole('radio', { name: /A blank map/ }).isChecked()).toBe(true);
    expect(await source.getByLabel('Title').inputValue()).toBe('A long article');
    // Within the limit, however many bytes its letters take: Georgian letters
    // are 3 bytes each in UTF-8, so 160,000 characters in 200 paragraphs are
    // over 400 kB (a 400 kB cap in bytes refused it).
    const text = ('სომხეთი '.repeat(99) + 'სომხეთი.\n\n').repeat(200);
    expect(text.length).toBeLessThanOrEqual(200_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(400_000);
    await source.getByLabel(/upload a \.txt or \.md file/).setInputFiles({
      name: 'georgian.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(text),
    });
    await page.getByRole('button', { name: 'Create map' }).click();
    await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const reader = page.getByRole('complementary', { name: 'Source reader' });
    await reader.getByRole('heading', { name: 'A long article' }).waitFor();
    expect(await reader.textContent()).toContain('სომხეთი სომხეთი');
    expect(errors).toEqual([]);
    await page.close();
  });
});
