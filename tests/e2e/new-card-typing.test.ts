import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allSaved, nodeNamed, openPage, selectPassage, useBrowser } from './browser';
import { emptyCanvasPoint, openSource, ownDebate, snapshotOf, type Snapshot } from './new-cards';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/**
 * A person asks for a new card and types at once, without clicking into it:
 * the words must land in the card, never in the map's single-key shortcuts
 * (N adds a claim, F focuses, K connects, L lays the map out, C folds). Each
 * sentence below holds all of those letters.
 */
describe('typing straight into a new card in Chromium', () => {
  /** Runs `ask` (which makes a new card), types `sentence` and Enter, and checks the one card it made. */
  async function typedIntoNewCard(
    page: Page,
    mapId: string,
    ask: () => Promise<void>,
    sentence: string,
  ): Promise<Snapshot['nodes'][number]> {
    const before = await snapshotOf(page, baseUrl, mapId);
    await ask();
    await page.keyboard.type(sentence);
    await page.keyboard.press('Enter');
    // The card shows the words once its editor has saved them.
    await page.locator('.react-flow__node').filter({ hasText: sentence }).waitFor();
    await allSaved(page);
    const after = await snapshotOf(page, baseUrl, mapId);
    // Exactly one card more, with the typed words: no stray claim from an "n".
    expect(after.nodes.length).toBe(before.nodes.length + 1);
    const made = after.nodes.find((n) => !before.nodes.some((b) => b.id === n.id))!;
    expect(made.text).toBe(sentence);
    // No "l": no card that was there moved.
    const moved = before.nodes.filter((n) => {
      const now = after.nodes.find((m) => m.id === n.id)!;
      return now.x !== n.x || now.y !== n.y;
    });
    expect(moved).toEqual([]);
    // No "k" and no "f": no connect dialog, no focus mode.
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show whole map' }).count()).toBe(0);
    return made;
  }

  it('puts the words typed after "+ Add claim", Tab and Shift+Tab into the new cards', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await ownDebate(page, baseUrl, inject('startupLog'), 'Typing: add, Tab');
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });

    const claim = await typedIntoNewCard(
      page,
      mapId,
      () => toolbar.getByRole('button', { name: '+ Add claim' }).click(),
      'Sanctions work if kept long enough',
    );
    expect(claim.kind).toBe('CLAIM');

    // Tab on the new card adds a premise under it; typing goes into that one.
    const card = nodeNamed(page, /^claim: Sanctions work if kept long enough$/);
    await card.click();
    const premise = await typedIntoNewCard(
      page,
      mapId,
      () => page.keyboard.press('Tab'),
      'Frozen funds fell in kind, like clockwork',
    );
    expect(premise.kind).toBe('PREMISE');

    // Shift+Tab adds an objection to it (found again: the view moved to the premise).
    await page.getByRole('searchbox', { name: 'Find a node' }).click();
    await page.keyboard.type('Sanctions work');
    await page.keyboard.press('Enter');
    await card.click();
    const objection = await typedIntoNewCard(
      page,
      mapId,
      () => page.keyboard.press('Shift+Tab'),
      'Funds leak back through neighbours like Kazakhstan',
    );
    expect(objection.kind).toBe('OBJECTION');

    const { edges } = await snapshotOf(page, baseUrl, mapId);
    expect(edges).toContainEqual(
      expect.objectContaining({ fromId: premise.id, toId: claim.id, relation: 'SUPPORTS' }),
    );
    expect(edges).toContainEqual(
      expect.objectContaining({ fromId: objection.id, toId: claim.id, relation: 'ATTACKS' }),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts the words typed after a double-click on the canvas into the new claim', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await ownDebate(page, baseUrl, inject('startupLog'), 'Typing: double-click');
    const claim = await typedIntoNewCard(
      page,
      mapId,
      async () => {
        const at = await emptyCanvasPoint(page);
        await page.mouse.dblclick(at.x, at.y);
      },
      'Collective defence failed in kind, not in law',
    );
    expect(claim.kind).toBe('CLAIM');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('puts the words typed after "Make evidence" and "Make claim" into the new card, which keeps its quote', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await ownDebate(page, baseUrl, inject('startupLog'), 'Typing: quotes');
    const reader = await openSource(page, 'Jason E. Strakes');
    const bar = reader.getByRole('region', { name: 'Selected passage' });

    const phrase = 'Kavkaz-2020 exercises to be staged in the Southern Military District';
    await selectPassage(reader, phrase);
    const evidence = await typedIntoNewCard(
      page,
      mapId,
      () => bar.getByRole('button', { name: 'Make evidence' }).click(),
      'Russia drew rivals like Azerbaijan into Kavkaz-2020 as well',
    );
    expect(evidence).toMatchObject({ kind: 'EVIDENCE', anchor: { exact: phrase } });

    const other = 'Belarus has emerged as a major arms supplier to Baku';
    await selectPassage(reader, other);
    const claim = await typedIntoNewCard(
      page,
      mapId,
      () => bar.getByRole('button', { name: 'Make claim' }).click(),
      'Belarus sells arms to Baku, so the bloc is a fiction',
    );
    expect(claim).toMatchObject({ kind: 'CLAIM', anchor: { exact: other } });
    expect(errors).toEqual([]);
    await page.close();
  });
});
