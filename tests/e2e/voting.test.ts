import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allSaved, findCard, openPage, screenshot, signInAsDemo, useBrowser } from './browser';
import { ownDebate } from './new-cards';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

const CLAIM_A = /^\+ supports, Claim: Armenia’s disillusionment with the CSTO/;
const PREMISE = 'Moscow gave Yerevan words, not troops';
const PREMISE_ROW = new RegExp(`^\\+ supports, Premise: ${PREMISE}(,|$)`);
const PREMISE_CARD = new RegExp(`^premise: ${PREMISE}`);
const HIDDEN = 'Guided voting: the others’ votes on this claim show once you have voted on it.';

/** The owner makes an edit link on the share page, clicking and typing, and reads it off the page. */
async function newEditLink(owner: Page, mapId: string, name: string): Promise<string> {
  await owner.goto(`${baseUrl}/maps/${mapId}/share`);
  await owner.getByLabel('Name (optional)').click();
  await owner.keyboard.type(name);
  await owner.getByLabel('Anyone with the link can').selectOption('EDITOR');
  await owner.getByRole('button', { name: 'Create link' }).click();
  return owner.getByLabel('New share link').inputValue();
}

/** Shows the Impact tab beside the map. */
const openImpact = (page: Page) => page.getByRole('tab', { name: 'Impact' }).click();

/** The Impact tab's panel. */
const impactPanel = (page: Page) => page.getByRole('tabpanel', { name: 'Impact' });

/** The caption of the distribution over every perspective, once shown. */
const allVotes = (page: Page) =>
  impactPanel(page)
    .locator('figcaption')
    .filter({ hasText: /^All perspectives:/ })
    .textContent({ timeout: 10_000 });

/** What the impact panel says the selected claim answers. */
const legend = (page: Page) =>
  impactPanel(page)
    .locator('legend')
    .filter({ hasText: /^Impact on/ })
    .textContent();

/** Picks the premise with the map's search, the way a reader finds a card. */
const selectPremise = (page: Page) => findCard(page, 'Moscow gave', PREMISE_CARD);

/**
 * The first root's own rows in the outline (level 2), top to bottom, by
 * their ids (the same for every reader; labels also name who is here), and
 * whether each is a card's own row rather than a "see" row.
 */
const firstRootChildren = (page: Page) =>
  page.getByRole('tree').evaluate((tree) => {
    const rows: string[] = [];
    let roots = 0;
    for (const row of tree.querySelectorAll('[role="treeitem"]')) {
      const level = row.getAttribute('aria-level');
      if (level === '1' && ++roots > 1) break;
      if (level === '2') rows.push(`${row.getAttribute('data-type')} ${row.id}`);
    }
    return rows;
  });

/** A row of the outline by what firstRootChildren says of it. */
const rowOf = (page: Page, row: string) => page.locator(`[id="${row.split(' ')[1]}"]`);

/** Chooses the outline's order with the keyboard: focus the picker, then its option. */
async function orderOutline(page: Page, order: 'Map order' | 'By impact') {
  const picker = page.getByLabel('Order', { exact: true });
  await picker.focus();
  await picker.selectOption({ label: order });
}

describe('impact voting', () => {
  it('a blind vote survives re-parenting, for the voter and the owner, after a reload too', async () => {
    const owner = await openPage(browser());
    const student = await openPage(browser());
    const mapId = await ownDebate(owner.page, baseUrl, startupLog, 'Votes that survive a move');
    const link = await newEditLink(owner.page, mapId, 'Voting class');
    await signInAsDemo(student.page, baseUrl, startupLog, 'student1');
    await student.page.goto(link);
    await student.page.waitForURL(`${baseUrl}/maps/${mapId}`);
    await owner.page.goto(`${baseUrl}/maps/${mapId}`);

    // The owner adds a premise under the first claim in the outline, and rates it.
    const page = owner.page;
    await page.getByRole('button', { name: 'Outline', exact: true }).click();
    await page.getByRole('treeitem', { name: CLAIM_A }).click();
    await page.keyboard.press('+');
    await page.keyboard.type(PREMISE);
    await page.keyboard.press('Enter');
    await allSaved(page);
    await page.getByRole('treeitem', { name: PREMISE_ROW }).waitFor();
    await openImpact(page);
    await expect.poll(() => legend(page)).toMatch(/^Impact on “Armenia’s disillusionment/);
    await page.getByRole('radio', { name: '3 High impact' }).click();
    await expect.poll(() => allVotes(page)).toBe('All perspectives: 1 vote, average 3.0');

    // The student finds it: guided voting hides the owner's vote until they vote.
    const s = student.page;
    await s
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();
    await selectPremise(s);
    await openImpact(s);
    await impactPanel(s).getByText(HIDDEN).waitFor();
    expect(await impactPanel(s).locator('figcaption').count()).toBe(0);
    expect(await s.getByRole('list', { name: /votes per impact/ }).count()).toBe(0);
    await screenshot(s, 'voting-blind-before');

    // They vote: now they see the distribution, and so does the owner, live.
    await s.getByRole('radio', { name: '2 Medium impact' }).click();
    await expect.poll(() => allVotes(s)).toBe('All perspectives: 2 votes, average 2.5');
    expect(await s.getByText(HIDDEN).count()).toBe(0);
    await expect.poll(() => allVotes(page)).toBe('All perspectives: 2 votes, average 2.5');
    await screenshot(s, 'voting-after-vote');

    // The owner moves the premise under another claim (Ctrl+M in the outline).
    await page.getByRole('treeitem', { name: PREMISE_ROW }).click();
    await page.keyboard.press('Control+m');
    await page.getByRole('dialog', { name: /^Move “Moscow gave Yerevan/ }).waitFor();
    await page.keyboard.type('traditional NATO-style');
    await page.keyboard.press('Enter');
    await allSaved(page);
    const movedTo = /^Impact on “Russian-sponsored security structures/;
    await expect.poll(() => legend(page)).toMatch(movedTo);
    await expect.poll(() => legend(s)).toMatch(movedTo);

    // The votes are still there, in both contexts.
    await expect.poll(() => allVotes(page)).toBe('All perspectives: 2 votes, average 2.5');
    await expect.poll(() => allVotes(s)).toBe('All perspectives: 2 votes, average 2.5');
    await expect
      .poll(() => s.getByRole('radio', { name: '2 Medium impact' }).isChecked())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('radio', { name: '3 High impact' }).isChecked())
      .toBe(true);

    await screenshot(page, 'voting-owner');

    // And after a reload.
    for (const p of [page, s]) {
      await p.reload();
      await p.getByRole('button', { name: 'Map', exact: true }).click();
      await selectPremise(p);
      await openImpact(p);
      await expect.poll(() => legend(p)).toMatch(movedTo);
      await expect.poll(() => allVotes(p)).toBe('All perspectives: 2 votes, average 2.5');
    }
    await expect
      .poll(() => s.getByRole('radio', { name: '2 Medium impact' }).isChecked())
      .toBe(true);

    // Coloured by impact (under Filter), the premise's card shows its average.
    await s.getByText('Filter', { exact: true }).click();
    await s.getByRole('button', { name: 'Colour by impact' }).click();
    await s.getByLabel('Average impact 2.5 of 4').waitFor();
    await screenshot(s, 'voting-colour-by-impact');

    // On a phone the panel opens as a drawer, with the vote in it.
    await s.setViewportSize({ width: 360, height: 740 });
    await s.getByRole('button', { name: /^Sources & discussion/ }).click();
    await impactPanel(s).getByRole('radio', { name: '2 Medium impact' }).waitFor();
    await screenshot(s, 'voting-360');
    // The vote fits the phone's width; the tab row scrolls to the Impact tab.
    const box = (await impactPanel(s).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await s.getByRole('tab', { name: 'Discussion' }).click();
    await s.getByRole('tab', { name: 'Impact' }).click();
    await impactPanel(s).getByRole('radio', { name: '2 Medium impact' }).waitFor();
    expect([...owner.errors, ...student.errors]).toEqual([]);
  }, 180_000);
  it('sorts the outline by impact: the owner by every vote, a student under guided voting only by the claims they voted on, and says so', async () => {
    const owner = await openPage(browser());
    const student = await openPage(browser());
    const mapId = await ownDebate(owner.page, baseUrl, startupLog, 'Outline by impact');
    const link = await newEditLink(owner.page, mapId, 'Sorting class');
    await signInAsDemo(student.page, baseUrl, startupLog, 'student1');
    await student.page.goto(link);
    await student.page.waitForURL(`${baseUrl}/maps/${mapId}`);
    await owner.page.goto(`${baseUrl}/maps/${mapId}`);

    const t = owner.page;
    await t.getByRole('button', { name: 'Outline', exact: true }).click();
    const mapOrder = await firstRootChildren(t);
    expect(mapOrder.length).toBeGreaterThan(2);
    // The owner rates the main question's last reason of its own (not a "see" row) Very high.
    const last = mapOrder.findLast((row) => row.startsWith('node '))!;
    const risen = [last, ...mapOrder.filter((row) => row !== last)];
    await rowOf(t, last).click();
    await openImpact(t);
    await t.getByRole('radio', { name: '4 Very high impact' }).click();
    await expect.poll(() => allVotes(t)).toBe('All perspectives: 1 vote, average 4.0');

    await orderOutline(t, 'By impact');
    await expect.poll(() => firstRootChildren(t)).toEqual(risen);
    await t.getByText('Each card’s reasons, highest mean impact first; unrated last.').waitFor();
    await screenshot(t, 'outline-by-impact-1440');
    await orderOutline(t, 'Map order');
    await expect.poll(() => firstRootChildren(t)).toEqual(mapOrder);

    // The student has not voted: under guided voting the owner's vote is hidden, so
    // by impact is still map order, and the page says why.
    const s = student.page;
    await s.getByRole('button', { name: 'Outline', exact: true }).click();
    await orderOutline(s, 'By impact');
    await s.getByText(/by the claims you have voted on: guided voting hides/).waitFor();
    expect(await firstRootChildren(s)).toEqual(mapOrder);
    await s.setViewportSize({ width: 360, height: 740 });
    await screenshot(s, 'outline-by-impact-guided-360');
    await s.setViewportSize({ width: 1280, height: 860 });

    // Once they vote on it (Low), it has a score they can see, and rises above the unrated.
    await rowOf(s, last).click();
    await openImpact(s);
    await s.getByRole('radio', { name: '1 Low impact' }).click();
    await expect.poll(() => allVotes(s)).toBe('All perspectives: 2 votes, average 2.5');
    await expect.poll(() => firstRootChildren(s)).toEqual(risen);
    expect([...owner.errors, ...student.errors]).toEqual([]);
  }, 180_000);
});
