import { describe, expect, inject, it } from 'vitest';
import { allSaved, findCard, nodeNamed, openPage, screenshot, useBrowser } from './browser';
import { ownDebate, snapshotOf } from './new-cards';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const EXISTING = "Russia has lost its credibility as a regional peacekeeper in Yerevan's eyes.";
const CLAIM = /^claim: Russia has lost its credibility as a regional peacekeeper/;

/**
 * A class writes many of the same claims at once. A new card whose words
 * repeat one already on the map offers that one first, before it is saved.
 */
describe('a new card that repeats one already on the map', () => {
  it('offers the existing card: using it keeps the connection on it; "Add mine anyway" and Escape keep what was typed', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await ownDebate(page, baseUrl, inject('startupLog'), 'Repeated claims');
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    const before = await snapshotOf(page, baseUrl, mapId);
    const existing = before.nodes.find((n) => n.text === EXISTING)!;

    // A claim typed in other words: offered the existing one; Enter takes it (it has the focus).
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await page.keyboard.type(
      'Russia has lost credibility as regional peacekeeper in Yerevans eyes',
    );
    await page.keyboard.press('Enter');
    const offer = page.getByRole('dialog', { name: 'Already on the map?' });
    await offer.waitFor();
    expect(await offer.getByRole('listitem').first().textContent()).toContain(EXISTING);
    await screenshot(page, 'duplicate-offer');
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, 'duplicate-offer-360');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press('Enter');
    await offer.waitFor({ state: 'detached' });
    await allSaved(page);
    const afterUse = await snapshotOf(page, baseUrl, mapId);
    expect(afterUse.nodes.map((n) => n.id).sort()).toEqual(before.nodes.map((n) => n.id).sort());
    // The existing card is selected, in view.
    const selected = page.locator('.react-flow__node.selected');
    await selected.waitFor();
    expect(await selected.getAttribute('data-id')).toBe(existing.id);
    await nodeNamed(page, CLAIM).waitFor();

    // A reason (Tab) that repeats a claim elsewhere: using it joins that claim with the same relation.
    const target = await findCard(
      page,
      'Armenia refused to host',
      /^evidence: In January 2023 Armenia/,
    );
    await target.click();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Russia has lost its credibility as a peacekeeper in Yerevan’s eyes');
    await page.keyboard.press('Enter');
    await offer.waitFor();
    await offer.getByRole('button', { name: /^Use “Russia has lost its credibility/ }).click();
    await allSaved(page);
    const afterReason = await snapshotOf(page, baseUrl, mapId);
    expect(afterReason.nodes).toHaveLength(before.nodes.length);
    const targetId = before.nodes.find((n) => n.text.startsWith('In January 2023 Armenia'))!.id;
    expect(afterReason.edges).toContainEqual(
      expect.objectContaining({ fromId: existing.id, toId: targetId, relation: 'SUPPORTS' }),
    );

    // "Add mine anyway" saves the words as typed; so does Escape.
    for (const [words, answer] of [
      ['Russia lost its credibility as the regional peacekeeper in Yerevan eyes', 'button'],
      ['Russia has lost its credibility as a peacekeeper, in Yerevan’s eyes!', 'Escape'],
    ] as const) {
      await toolbar.getByRole('button', { name: '+ Add claim' }).click();
      await page.keyboard.type(words);
      await page.keyboard.press('Enter');
      await offer.waitFor();
      if (answer === 'button') await offer.getByRole('button', { name: 'Add mine anyway' }).click();
      else await page.keyboard.press('Escape');
      await offer.waitFor({ state: 'detached' });
      await page.locator('.react-flow__node').filter({ hasText: words }).waitFor();
    }
    await allSaved(page);
    const afterKeep = await snapshotOf(page, baseUrl, mapId);
    expect(afterKeep.nodes).toHaveLength(before.nodes.length + 2);

    // Words unlike any card are saved at once, with no question.
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await page.keyboard.type('Sanctions work if kept long enough');
    await page.keyboard.press('Enter');
    await page
      .locator('.react-flow__node')
      .filter({ hasText: 'Sanctions work if kept long enough' })
      .waitFor();
    expect(await offer.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
