import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { demoMapId, openPage, screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The map's nodes, found by their accessible role and names. */
const mapNodes = (page: Page) =>
  page.getByRole('group', { name: /^(claim|premise|objection|rebuttal|evidence|question): / });
const node = (page: Page, text: string | RegExp) => mapNodes(page).filter({ hasText: text });

async function isSelected(locator: Locator): Promise<boolean> {
  return ((await locator.getAttribute('class')) ?? '').split(/\s+/).includes('selected');
}

/** True when the element is scrolled into the visible part of its scrolling panel. */
async function isScrolledIntoView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const panel = el.closest('[role="tabpanel"]')!;
    const a = el.getBoundingClientRect();
    const b = panel.getBoundingClientRect();
    return a.top >= b.top && a.bottom <= b.bottom;
  });
}

describe('the app over HTTP', () => {
  it('prints the demo accounts at start, on the embedded database', () => {
    const log = inject('startupLog');
    expect(log).toContain('using the embedded database');
    expect(log).toMatch(/teacher\s+teacher@demo\.counterpoint\.local\s+\S{8,}/);
  });

  it('serves the landing page with the demo map', async () => {
    const response = await fetch(baseUrl);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Maps you can open');
    expect(html).toContain('Russia, the CSTO and Nagorno-Karabakh');
  });

  it('serves a map snapshot as JSON, and a JSON 404 with a code for an unknown map', async () => {
    const id = await demoMapId(baseUrl);
    const snapshot = await (await fetch(`${baseUrl}/api/maps/${id}`)).json();
    expect(snapshot.nodes.length).toBeGreaterThanOrEqual(25);
    expect(snapshot.sources).toHaveLength(2);
    const missing = await fetch(`${baseUrl}/api/maps/no-such-map`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String) },
    });
  });

  it('serves Argdown and AIF downloads over HTTP, and refuses an unknown format or an import by a visitor with a JSON error', async () => {
    const id = await demoMapId(baseUrl);
    const argdown = await fetch(`${baseUrl}/api/maps/${id}/export?format=argdown`);
    expect(argdown.headers.get('content-disposition')).toBe(
      'attachment; filename="russia-the-csto-and-nagorno-karabakh.argdown"',
    );
    expect(await argdown.text()).toMatch(/^===\ntitle: "Russia, the CSTO and Nagorno-Karabakh"\n/);
    const aif = await fetch(`${baseUrl}/api/maps/${id}/export?format=aif`);
    expect(aif.headers.get('content-type')).toContain('application/json');
    expect((await aif.json()).AIF.nodes.some((n: { type: string }) => n.type === 'RA')).toBe(true);
    const bogus = await fetch(`${baseUrl}/api/maps/${id}/export?format=pdf`);
    expect(bogus.status).toBe(400);
    expect((await bogus.json()).error.code).toBe('VALIDATION_FAILED');
    const anonymous = await fetch(`${baseUrl}/api/maps/import?name=x.argdown`, {
      method: 'POST',
      body: '[A]: a claim',
    });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown map page with a readable 404 page', async () => {
    const response = await fetch(`${baseUrl}/maps/no-such-map`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('We couldn’t find that page');
  });
});

describe('the demo map in Chromium', () => {
  it('opens from the landing page with its nodes, legend and source reader', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(baseUrl);
    await page.getByRole('link', { name: /Russia, the CSTO and Nagorno-Karabakh/ }).click();
    await page.waitForURL(/\/maps\//);
    await node(page, 'lost its credibility').waitFor();
    expect(await mapNodes(page).count()).toBeGreaterThanOrEqual(25);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Russia, the CSTO and Nagorno-Karabakh',
    );
    expect(await page.getByRole('region', { name: 'Legend' }).textContent()).toContain(
      'Team Strakes',
    );
    const reader = page.getByRole('complementary', { name: 'Source reader' });
    expect(
      await reader.getByRole('tab', { name: 'Mikhail Turchenko' }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(
      await reader
        .getByRole('heading', { name: /No Credibility as a Regional Peacekeeper/ })
        .isVisible(),
    ).toBe(true);
    expect(await page.getByRole('img', { name: 'Overview of the whole map' }).count()).toBe(1);
    await screenshot(page, 'demo-map');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scrolls the reader to the quote of the node you choose', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    const claim = node(page, 'Unlike NATO');
    await claim.click();
    const reader = page.getByRole('complementary', { name: 'Source reader' });
    expect(
      await reader.getByRole('tab', { name: 'Jason E. Strakes' }).getAttribute('aria-selected'),
    ).toBe('true');
    const quote = reader.getByRole('button', { name: /Quote for: Unlike NATO/ });
    await expect.poll(() => quote.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => isScrolledIntoView(quote)).toBe(true);
    expect(await quote.textContent()).toContain('Article 4 of the CSTO Treaty was not drafted');
    await screenshot(page, 'demo-map-node-selected');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects the node of a highlight you choose in the reader, by mouse or keyboard', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    const reader = page.getByRole('complementary', { name: 'Source reader' });
    await reader
      .getByRole('button', { name: /Quote for: Russia has lost its credibility/ })
      .click();
    await expect.poll(() => isSelected(node(page, 'lost its credibility'))).toBe(true);

    const tab = reader.getByRole('tab', { name: 'Mikhail Turchenko' });
    await tab.focus();
    await page.keyboard.press('ArrowRight');
    expect(
      await reader.getByRole('tab', { name: 'Jason E. Strakes' }).getAttribute('aria-selected'),
    ).toBe('true');
    await reader
      .getByRole('button', { name: /Quote for: Azerbaijan buys most of its arms/ })
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => isSelected(node(page, 'Azerbaijan buys most of its arms'))).toBe(true);
    expect(await isSelected(node(page, 'lost its credibility'))).toBe(false);
    await page.close();
  });

  it('selects a node from the keyboard and brings its quote into view', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    const claim = node(page, 'Had Russia fulfilled its duties');
    await claim.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => isSelected(claim)).toBe(true);
    const quote = page.getByRole('button', { name: /Quote for: Had Russia fulfilled its duties/ });
    await expect.poll(() => quote.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => isScrolledIntoView(quote)).toBe(true);
    await page.close();
  });

  it('moves the selection along connections with the arrow keys', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    const claim = node(page, 'Had Russia fulfilled its duties');
    await claim.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => isSelected(claim)).toBe(true);
    await page.keyboard.press('ArrowUp');
    const motion = mapNodes(page).filter({ hasText: 'Is Russia a credible security guarantor' });
    await expect.poll(() => isSelected(motion)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => isSelected(motion)).toBe(false);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => isSelected(motion)).toBe(true);
    await page.close();
  });

  it('opens a deep link with its node selected and its quote in view', async () => {
    const id = await demoMapId(baseUrl);
    const snapshot = await (await fetch(`${baseUrl}/api/maps/${id}`)).json();
    const target = snapshot.nodes.find((n: { text: string }) =>
      n.text.startsWith('The CSTO traditionally stays out'),
    );
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${id}?node=${target.id}`);
    await expect.poll(() => isSelected(node(page, 'The CSTO traditionally stays out'))).toBe(true);
    const quote = page.getByRole('button', { name: /Quote for: The CSTO traditionally stays out/ });
    await expect.poll(() => quote.getAttribute('aria-current')).toBe('true');
    await expect.poll(() => isScrolledIntoView(quote)).toBe(true);
    // Centred, and still centred once the page has settled: nothing re-fits the view after load.
    await page.waitForTimeout(1000);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const card = (await node(page, 'The CSTO traditionally stays out').boundingBox())!;
    const centre = { x: card.x + card.width / 2, y: card.y + card.height / 2 };
    expect(Math.abs(centre.x - (pane.x + pane.width / 2))).toBeLessThan(pane.width / 4);
    expect(Math.abs(centre.y - (pane.y + pane.height / 2))).toBeLessThan(pane.height / 4);
    expect(card.width).toBeGreaterThan(150);
    await page.close();
  });

  it('finds nodes by their text and steps through the matches', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    await node(page, 'lost its credibility').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('ARMS');
    const search = page.getByRole('search');
    expect(await search.getByRole('status').textContent()).toBe('3 found');
    await page.keyboard.press('Enter');
    expect(await search.getByRole('status').textContent()).toBe('1 of 3');
    const selected = mapNodes(page).and(page.locator('.selected'));
    await expect.poll(() => selected.count()).toBe(1);
    expect((await selected.textContent())!.toLowerCase()).toContain('arms');
    await page.keyboard.type('zzz');
    expect(await search.getByRole('status').textContent()).toBe('No matches');
    await page.close();
  });

  it('hides a side or a kind of node with the filter, and shows everything again', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    await node(page, 'lost its credibility').waitFor();
    await page.getByText('Filter', { exact: true }).click();
    await page.getByRole('checkbox', { name: /^Against: Turchenko/ }).uncheck();
    await node(page, 'lost its credibility').waitFor({ state: 'hidden' });
    expect(await node(page, 'Unlike NATO').isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: 'Objection' }).uncheck();
    await node(page, 'Unlike NATO').waitFor({ state: 'hidden' });
    expect(await page.getByText(/^Filter \(\d+ hidden\)$/).textContent()).toMatch(
      /Filter \(2[0-9] hidden\)/,
    );
    await page.getByRole('button', { name: 'Show everything' }).click();
    await node(page, 'lost its credibility').waitFor();
    await node(page, 'Unlike NATO').waitFor();
    await page.close();
  });

  it('lists the keyboard shortcuts in a dialog opened with ?', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    await node(page, 'lost its credibility').waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Find a node by its text');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('stays usable on a narrow screen', async () => {
    const { page, errors } = await openPage(browser(), { width: 420, height: 860 });
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    await node(page, 'lost its credibility').waitFor();
    expect(await page.getByRole('complementary', { name: 'Source reader' }).isVisible()).toBe(true);
    await screenshot(page, 'demo-map-narrow');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints a debate brief per side, with nested objections and the quotes they rest on', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}/brief`);
    await page.getByRole('heading', { name: 'For the motion' }).waitFor();
    await page.getByRole('heading', { name: 'Against the motion' }).waitFor();
    const against = page.locator('section', {
      has: page.getByRole('heading', { name: 'Against the motion' }),
    });
    expect(await against.locator('li[data-relation="ATTACKS"]').count()).toBeGreaterThan(0);
    expect(await against.locator('blockquote').first().textContent()).toContain(
      '— Turchenko, 2023',
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(
      false,
    );
    await screenshot(page, 'brief-print');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the map as a PNG and an SVG image with its legend', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    await node(page, 'lost its credibility').waitFor();
    const saveAs = async (name: string) => {
      await page.getByText('Export', { exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      return {
        file: download.suggestedFilename(),
        bytes: await readFile((await download.path())!),
      };
    };
    const png = await saveAs('Image (PNG)');
    expect(png.file).toBe('russia-the-csto-and-nagorno-karabakh.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The width and height in the PNG header: the whole map, not the visible part.
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(800);
    const svg = await saveAs('Image (SVG)');
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // Visitors who are not signed in have no team notes to back up.
    await page.getByText('Export', { exact: true }).click();
    expect(await page.getByRole('link', { name: /Backup/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads a PNG, an Argdown and an AIF file, and imports the AIF back as a new map with the same claims', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Exporter');
    await page.goto(`${baseUrl}/maps/${await demoMapId(baseUrl)}`);
    await node(page, 'lost its credibility').waitFor();
    const labels = () =>
      mapNodes(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')).sort());
    const original = await labels();
    const save = async (control: Locator) => {
      await page.getByText('Export', { exact: true }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), control.click()]);
      return { file: download.suggestedFilename(), path: (await download.path())! };
    };
    const png = await save(page.getByRole('button', { name: 'Image (PNG)' }));
    expect((await readFile(png.path)).subarray(1, 4).toString('latin1')).toBe('PNG');
    const argdown = await save(page.getByRole('link', { name: 'Argdown (.argdown)' }));
    expect(argdown.file).toBe('russia-the-csto-and-nagorno-karabakh.argdown');
    expect(await readFile(argdown.path, 'utf8')).toMatch(
      /^===\ntitle: "Russia, the CSTO and Nagorno-Karabakh"/,
    );
    const aif = await save(page.getByRole('link', { name: /^AIF/ }));
    expect(aif.file).toBe('russia-the-csto-and-nagorno-karabakh.aif.json');
    const aifJson = JSON.parse(await readFile(aif.path, 'utf8')) as {
      AIF: { nodes: { type: string }[] };
    };
    expect(aifJson.AIF.nodes.filter((n) => n.type === 'I')).toHaveLength(original.length);

    await page.goto(`${baseUrl}/maps/import`);
    await page.getByLabel(/^File/).setInputFiles(aif.path);
    await page.getByRole('button', { name: 'Import as a new map' }).click();
    await page.waitForURL(/\/maps\/[\w-]+$/);
    expect(page.url()).not.toContain(await demoMapId(baseUrl));
    await node(page, 'lost its credibility').waitFor();
    expect(await labels()).toEqual(original);
    await screenshot(page, 'imported-aif');

    // A malformed file is refused with the field at fault, and no map is made.
    await page.goto(`${baseUrl}/maps/import`);
    await page
      .getByLabel(/^File/)
      .setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"nodes": [{"nodeID": 1, "type": "I"}], "edges": []}'),
      });
    await page.getByRole('button', { name: 'Import as a new map' }).click();
    await expect
      .poll(
        () => page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).textContent(),
        { timeout: 10_000 },
      )
      .toBe('Nothing was imported. nodes[0].text: must be text');
    await screenshot(page, 'import-error');
    expect(errors).toEqual([]);
    await page.close();
  });
});
