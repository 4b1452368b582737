import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  demoMapId,
  demoMapUrl,
  openPage,
  screenshot,
  signUpNewPerson,
  useBrowser,
} from './browser';
import { drawSvg } from '../support/svg-drawing';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The map's nodes, found by their accessible role and names. */
const mapNodes = (page: Page) =>
  page.getByRole('group', { name: /^(claim|premise|objection|rebuttal|evidence|question): / });
const node = (page: Page, text: string | RegExp) => mapNodes(page).filter({ hasText: text });

describe('getting the demo map out in Chromium', () => {
  it('prints a debate brief per side, with nested objections and the quotes they rest on', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${await demoMapUrl(baseUrl)}/brief`);
    await page.getByRole('heading', { name: 'For the motion' }).waitFor();
    await page.getByRole('heading', { name: 'Against the motion' }).waitFor();
    const against = page.locator('section', {
      has: page.getByRole('heading', { name: 'Against the motion' }),
    });
    expect(await against.locator('li[data-relation="ATTACKS"]').count()).toBeGreaterThan(0);
    // Each quote cited as debaters cite (a map outside a class): author and year, then who
    // they are, what and where they wrote, and the day it appeared.
    const strakes = await against.locator('blockquote').first().textContent();
    expect(strakes).toContain('— Strakes 2020 (Jason E. Strakes, ');
    expect(strakes).toContain('November 4, 2020');
    const forSide = page.locator('section', {
      has: page.getByRole('heading', { name: 'For the motion' }),
    });
    expect(await forSide.locator('blockquote').first().textContent()).toContain(
      '— Turchenko 2023 (Mikhail Turchenko, ',
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
    await page.goto(await demoMapUrl(baseUrl));
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
    expect(svg.file).toBe('russia-the-csto-and-nagorno-karabakh.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // Drawn as vectors, not a snapshot of the page wrapped in an SVG (7.8 MB of
    // foreignObject): small, well-formed, every shown card's words as text,
    // wrapped inside its card, and the legend's team names.
    expect(svg.bytes.length).toBeLessThan(1_000_000);
    expect(svgText).not.toMatch(/foreignObject|<image|<script/);
    const shown = await mapNodes(page).count();
    const viewer = await openPage(browser());
    const drawn = await drawSvg(viewer.page, svgText);
    expect(drawn.error).toBeNull();
    expect(drawn.cards).toHaveLength(shown);
    expect(drawn.cards.some((text) => text.includes('lost its credibility'))).toBe(true);
    expect(drawn.overflows).toEqual([]);
    expect(svgText).toContain('Team Turchenko');
    await screenshot(viewer.page, 'map-svg');
    await writeFile(path.resolve(import.meta.dirname, '../../test-results/map.svg'), svg.bytes);
    await viewer.page.close();
    // Visitors who are not signed in have no team notes to back up.
    await page.getByText('Export', { exact: true }).click();
    expect(await page.getByRole('link', { name: /Backup/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads a PNG, an Argdown and an AIF file, and imports the AIF back as a new map with the same claims', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Exporter');
    await page.goto(await demoMapUrl(baseUrl));
    await node(page, 'lost its credibility').waitFor();
    const labels = () =>
      mapNodes(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')).sort());
    const original = await labels();
    const save = async (control: Locator) => {
      await page.getByText('Export', { exact: true }).click();
      // Drawing the whole map as a PNG (a glyph on every connection) takes
      // seconds on a busy machine: the page's default 30 s, not this test's 12 s,
      // for the click too (html-to-image holds the page while the click is dispatched).
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        control.click({ timeout: 30_000 }),
      ]);
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
    await page.getByLabel(/^File/).setInputFiles({
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
