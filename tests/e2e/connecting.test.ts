import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allSaved, openPage, screenshot, useBrowser } from './browser';
import { blankMap, claimAt, snapshotOf } from './new-cards';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const card = (page: Page, text: string) =>
  page.locator('.react-flow__node').filter({ hasText: text });

/** The box of a card's connection handle (by its tooltip), shown once the pointer is over the card. */
async function handleOf(page: Page, text: string, title: string) {
  const box = (await card(page, text).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  return (await card(page, text).getByTitle(title).boundingBox())!;
}

describe('connecting cards in Chromium', () => {
  it('connects a connection dragged from a handle and dropped anywhere on another card, lighting that card up', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await blankMap(page, baseUrl, inject('startupLog'), 'Connecting: drop');
    await claimAt(page, 200, 140, 'The bloc protects its members');
    await claimAt(page, 620, 140, 'Armenia was left alone');
    await claimAt(page, 620, 420, 'Nobody came in 2022');
    const map = await snapshotOf(page, baseUrl, mapId);
    const id = (text: string) => map.nodes.find((n) => n.text === text)!.id;

    // From the handle that leads to what a card bears on, onto the middle of another card.
    const from = await handleOf(page, 'Armenia was left alone', 'Connect this node to another');
    const onto = (await card(page, 'The bloc protects its members').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(onto.x + onto.width / 2, onto.y + onto.height / 2, { steps: 15 });
    // The card under the pointer shows that it would take the connection.
    await expect
      .poll(() =>
        card(page, 'The bloc protects its members')
          .locator(':scope > div')
          .evaluate((el) => getComputedStyle(el).boxShadow),
      )
      .toContain('rgba(15, 118, 110');
    await screenshot(page, 'connect-drop-on-card');
    await page.mouse.up();
    await allSaved(page);

    // From the side where a card's reasons arrive, onto the middle of a card: that card is the reason.
    const reasons = await handleOf(page, 'Armenia was left alone', 'Connect a reason to this node');
    const reason = (await card(page, 'Nobody came in 2022').boundingBox())!;
    await page.mouse.move(reasons.x + reasons.width / 2, reasons.y + reasons.height / 2);
    await page.mouse.down();
    await page.mouse.move(reason.x + reason.width / 2, reason.y + reason.height / 2, { steps: 15 });
    await page.mouse.up();
    await allSaved(page);

    const { edges } = await snapshotOf(page, baseUrl, mapId);
    expect(edges.map(({ fromId, toId, relation }) => ({ fromId, toId, relation }))).toEqual(
      expect.arrayContaining([
        {
          fromId: id('Armenia was left alone'),
          toId: id('The bloc protects its members'),
          relation: 'SUPPORTS',
        },
        {
          fromId: id('Nobody came in 2022'),
          toId: id('Armenia was left alone'),
          relation: 'SUPPORTS',
        },
      ]),
    );
    expect(edges).toHaveLength(2);
    // A drop on a card is a connection, not a new card: no prompt for one.
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens "Connect to…" and K with the typing in the search box, and connects the first match on Enter', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await blankMap(page, baseUrl, inject('startupLog'), 'Connecting: keyboard');
    await claimAt(page, 200, 140, 'The bloc protects its members');
    await claimAt(page, 620, 140, 'Armenia was left alone');
    await claimAt(page, 620, 420, 'Nobody came in 2022');
    const map = await snapshotOf(page, baseUrl, mapId);
    const id = (text: string) => map.nodes.find((n) => n.text === text)!.id;
    const dialog = page.getByRole('dialog', { name: /^Connect/ });
    const searchFocused = () =>
      dialog
        .getByRole('searchbox', { name: 'the node that says' })
        .evaluate((el) => el === document.activeElement);

    await card(page, 'Armenia was left alone').click();
    await page
      .getByRole('toolbar', { name: 'Map editing' })
      .getByRole('button', { name: 'Connect to…' })
      .click();
    await dialog.waitFor();
    expect(await searchFocused()).toBe(true);
    await page.keyboard.type('bloc protects');
    await page.keyboard.press('Enter');
    // Closed once the connection is made (and being saved): the save status is then about it.
    await dialog.waitFor({ state: 'detached' });
    await allSaved(page);

    await card(page, 'Nobody came in 2022').click();
    await page.keyboard.press('k');
    await dialog.waitFor();
    expect(await searchFocused()).toBe(true);
    await page.keyboard.type('left alone');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await allSaved(page);

    const { edges } = await snapshotOf(page, baseUrl, mapId);
    expect(edges.map(({ fromId, toId, relation }) => ({ fromId, toId, relation }))).toEqual(
      expect.arrayContaining([
        {
          fromId: id('Armenia was left alone'),
          toId: id('The bloc protects its members'),
          relation: 'SUPPORTS',
        },
        {
          fromId: id('Nobody came in 2022'),
          toId: id('Armenia was left alone'),
          relation: 'SUPPORTS',
        },
      ]),
    );
    expect(edges).toHaveLength(2);
    expect(await dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
