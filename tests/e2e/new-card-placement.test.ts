import { describe, expect, inject, it } from 'vitest';
import { allSaved, findCard, openPage, selectPassage, useBrowser } from './browser';
import { expectInSightAndClear, newCard, openSource, ownDebate, snapshotOf } from './new-cards';

const baseUrl = inject('baseUrl');
const CLAIM = /^claim: Russia has lost its credibility/;
const browser = useBrowser();

/**
 * A new card lands next to what it relates to, on no other card, and the
 * view shows it: a student who quotes a passage or adds a reason sees the
 * card they are typing into.
 */
describe('where a new card appears, in Chromium', () => {
  it('shows the evidence made from a passage inside the canvas, beside the card quoting near it, covering none', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await ownDebate(page, baseUrl, inject('startupLog'), 'Placing: evidence');
    const before = await snapshotOf(page, baseUrl, mapId);
    const reader = await openSource(page, 'Jason E. Strakes');
    await selectPassage(
      reader,
      'Kavkaz-2020 exercises to be staged in the Southern Military District',
    );
    await reader
      .getByRole('region', { name: 'Selected passage' })
      .getByRole('button', { name: 'Make evidence' })
      .click();
    const editor = page.getByRole('textbox', { name: 'Node text' });
    await editor.waitFor();
    await allSaved(page);
    const made = newCard(before, await snapshotOf(page, baseUrl, mapId));
    expect(made).toMatchObject({
      kind: 'EVIDENCE',
      anchor: { exact: expect.stringMatching(/^Kavkaz-2020/) },
    });
    // While it is being typed into (its text box makes it tallest), and once saved.
    await expectInSightAndClear(page, made.id);
    await page.keyboard.type('Russia drew 18 states into Kavkaz-2020');
    await page.keyboard.press('Enter');
    await allSaved(page);
    await expectInSightAndClear(page, made.id);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts evidence beside the selected card when one is selected', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await ownDebate(page, baseUrl, inject('startupLog'), 'Placing: beside');
    const before = await snapshotOf(page, baseUrl, mapId);
    const selected = await findCard(page, 'has lost its credibility', CLAIM);
    await selected.click();
    const reader = await openSource(page, 'Jason E. Strakes');
    await selectPassage(
      reader,
      'Kavkaz-2020 exercises to be staged in the Southern Military District',
    );
    await reader
      .getByRole('region', { name: 'Selected passage' })
      .getByRole('button', { name: 'Make evidence' })
      .click();
    await page.getByRole('textbox', { name: 'Node text' }).waitFor();
    await allSaved(page);
    const map = await snapshotOf(page, baseUrl, mapId);
    const made = newCard(before, map);
    expect(made.kind).toBe('EVIDENCE');
    const beside = map.nodes.find((n) => n.text.startsWith('Russia has lost its credibility'))!;
    await expectInSightAndClear(page, made.id);
    // Next to it: within about a card's width, not somewhere else on the map.
    expect(Math.abs(made.x - beside.x)).toBeLessThan(700);
    expect(Math.abs(made.y - beside.y)).toBeLessThan(400);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts a premise added with Tab under its card, beside the reasons already there, covering none', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await ownDebate(page, baseUrl, inject('startupLog'), 'Placing: Tab');
    const before = await snapshotOf(page, baseUrl, mapId);
    // This claim already has a row of reasons under it.
    await (await findCard(page, 'has lost its credibility', CLAIM)).click();
    await page.keyboard.press('Tab');
    await page.getByRole('textbox', { name: 'Node text' }).waitFor();
    await allSaved(page);
    const made = newCard(before, await snapshotOf(page, baseUrl, mapId));
    expect(made.text).toBe('New premise');
    await expectInSightAndClear(page, made.id);
    await page.keyboard.type('Armenia asked for help and got none');
    await page.keyboard.press('Enter');
    await allSaved(page);
    await expectInSightAndClear(page, made.id);
    expect(errors).toEqual([]);
    await page.close();
  });
});
