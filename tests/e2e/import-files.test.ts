import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { pngImage } from '../support/binary-files';
import { screenshot, signUpNewPerson, useBrowser } from './browser';
import { importFile } from './new-cards';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const NOT = 'not a Counterpoint backup, AIF, Argdown or Kialo file.';

const mapNodes = (page: Page) =>
  page.getByRole('group', { name: /^(claim|premise|objection|rebuttal|evidence|question): / });

describe('importing files from the import page', () => {
  it('refuses an image or a program with what it is, and makes nothing', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Ines Import');
    await importFile(page, baseUrl, { name: 'diagram.argdown', buffer: pngImage() });
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was imported' }).textContent())
      .toBe(`Nothing was imported. This is a PNG image, ${NOT}`);
    await screenshot(page, 'import-not-text');

    // Through the route itself, as the import page sends a file.
    const post = (body: Buffer, name: string) =>
      page.request.post(`${baseUrl}/api/maps/import?name=${name}`, {
        headers: { 'content-type': 'application/octet-stream', origin: baseUrl },
        data: body,
      });
    const program = await post(await readFile('/bin/true'), 'true.json');
    expect(program.status()).toBe(415);
    expect(await program.json()).toEqual({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `This is a program (ELF executable), ${NOT}`,
      },
    });
    const longTitle = await page.request.post(
      `${baseUrl}/api/maps/import?name=a.argdown&title=${'T'.repeat(121)}`,
      {
        headers: { 'content-type': 'application/octet-stream', origin: baseUrl },
        data: Buffer.from('[A]: A claim.'),
      },
    );
    expect(longTitle.status()).toBe(400);
    expect(await longTitle.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/120 characters/) },
    });
    const noise = await post(randomBytes(64 * 1024), 'noise.txt');
    expect(noise.status()).toBe(415);
    expect(((await noise.json()) as { error: { message: string } }).error.message).toMatch(
      /^This (is a binary file|file is not UTF-8 text|looks like binary data)\b/,
    );

    // Nothing was made: the person still owns no map.
    await page.goto(`${baseUrl}/maps`);
    await page.getByText('You have not made a map yet.').waitFor();
    expect(errors).toEqual([]);
  });

  it('opens a Kialo discussion as a map, its thesis above its pros and cons', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Kai Kialo');
    const buffer = await readFile(
      path.join(import.meta.dirname, '../fixtures/kialo/school-phone-ban.txt'),
    );
    await importFile(page, baseUrl, { name: 'school-phone-ban.txt', buffer });
    await page.waitForURL(/\/maps\/[\w-]+$/);
    const thesis = mapNodes(page).filter({ hasText: 'Secondary schools should ban pupils' });
    await thesis.waitFor();
    await expect
      .poll(() =>
        page.getByText('Should secondary schools ban mobile phones during the school day?').count(),
      )
      .toBeGreaterThan(0);
    const reason = mapNodes(page).filter({ hasText: 'Phones in pockets pull attention' });
    await reason.waitFor();
    const [t, r] = [(await thesis.boundingBox())!, (await reason.boundingBox())!];
    expect(t.y + t.height).toBeLessThan(r.y);
    // A claim linked into a second place is one card.
    expect(await mapNodes(page).filter({ hasText: 'A lesson-time rule' }).count()).toBe(1);
    await screenshot(page, 'imported-kialo');
    expect(errors).toEqual([]);
  });

  it('opens a 31-claim AIF analysis readable, with nothing left out', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Ada Aif', {
      width: 1440,
      height: 900,
    });
    const buffer = await readFile(
      path.join(import.meta.dirname, '../fixtures/aif/papa-forecast-28106.json'),
    );
    await importFile(page, baseUrl, { name: 'papa-forecast-28106.json', buffer });
    // The map keeps all of it (its rephrases' scheme "Evaluation" too): it opens straight away.
    await page.waitForURL(/\/maps\/[\w-]+$/);
    // Titled by the file, with no motion repeating the title.
    await page.getByRole('heading', { level: 1, name: 'papa forecast 28106' }).waitFor();
    expect(await page.getByText(/^Motion:/).count()).toBe(0);
    // It opens at a readable zoom: a card is drawn at least 80% of its size (260 px wide).
    const card = mapNodes(page).first();
    await card.waitFor();
    await expect.poll(async () => (await card.boundingBox())?.width ?? 0).toBeGreaterThan(200);
    await screenshot(page, 'imported-aif-first-view');

    // AIF files have no title of their own: the importer may give one.
    await importFile(
      page,
      baseUrl,
      { name: 'papa-forecast-28106.json', buffer },
      'Forecasts for Bedoui',
    );
    await page.waitForURL(/\/maps\/[\w-]+$/);
    await page.getByRole('heading', { level: 1, name: 'Forecasts for Bedoui' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('lists what an Argdown file had that the map leaves out, at a phone’s width, before opening it', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Arno Argdown', {
      width: 360,
      height: 740,
    });
    const argdown = [
      '@import "other-file.argdown"',
      '',
      '[Uniforms]: School uniforms should be required.',
      '  <+ <Equality>: Uniforms hide what families can afford.',
      '  <- <Expression>: Clothes are how pupils express themselves.',
      '',
      '<Expression>',
      '  - <Expression>',
    ].join('\n');
    await importFile(page, baseUrl, { name: 'uniforms.argdown', buffer: Buffer.from(argdown) });
    const status = page.getByRole('status').filter({ hasText: 'The map was imported.' });
    await status.getByText('The file had 2 things the map leaves out').waitFor();
    const items = await status.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^Line 1: .*@import "other-file\.argdown".* was not followed/);
    expect(items[1]).toMatch(/^Line 8: <Expression> attacks itself; .*left out\.$/);
    await screenshot(page, 'imported-argdown-left-out-360');
    await status.getByRole('link', { name: 'Open the map' }).click();
    await page.waitForURL(/\/maps\/[\w-]+$/);
    // On a phone the map opens as its outline: the three cards, and no self-attack.
    await page
      .getByRole('treeitem', { name: /^Claim: School uniforms should be required/ })
      .waitFor();
    expect(await page.getByRole('treeitem').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('keeps the scheme an AIF file names, which the argument panel shows until a scheme is picked', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Ada Scheme', {
      width: 1440,
      height: 900,
    });
    // An inference under a scheme the catalogue does not have, as AIFdb writes one.
    const file = {
      nodes: [
        { nodeID: '1', text: 'Schools should teach first aid', type: 'I' },
        { nodeID: '2', text: 'Saving a life matters more than a lesson', type: 'I' },
        { nodeID: '3', text: 'Argument From Values', type: 'RA' },
      ],
      edges: [
        { edgeID: '1', fromID: '2', toID: '3' },
        { edgeID: '2', fromID: '3', toID: '1' },
      ],
    };
    await importFile(page, baseUrl, {
      name: 'values.json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.waitForURL(/\/maps\/[\w-]+$/);
    await mapNodes(page).first().waitFor();
    // The person picks the support by clicking its line.
    const pickSupport = async () => {
      const line = page.locator('.react-flow__edge .react-flow__edge-path').first();
      const box = (await line.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };
    await pickSupport();
    const panel = page.getByRole('region', { name: 'Argument' });
    const named = panel.getByText('Scheme in the imported file: Argument From Values');
    await named.waitFor();
    expect(await panel.getByLabel('Argument scheme').inputValue()).toBe('');
    await screenshot(page, 'imported-scheme-name-1440');
    // On a phone, which opens on the outline: the person switches to the map and picks it again.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('button', { name: 'Map', exact: true }).first().click();
    await page.getByRole('button', { name: /fit view/i }).click();
    await pickSupport();
    await named.waitFor();
    await screenshot(page, 'imported-scheme-name-360');
    await page.setViewportSize({ width: 1440, height: 900 });
    // Picking a catalogue scheme replaces the file's name.
    await panel
      .getByLabel('Argument scheme')
      .selectOption({ label: 'Argument from positive consequences' });
    await expect.poll(() => panel.getByText(/Scheme in the imported file/).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
