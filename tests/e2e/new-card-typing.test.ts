import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  demoMapUrl,
  nodeNamed,
  openPage,
  signInAsDemoTeacher,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

type Snapshot = {
  nodes: { id: string; text: string; kind: string; x: number; y: number }[];
  edges: { fromId: string; toId: string; relation: string }[];
};

/**
 * A person clicks "+ Add claim" (or presses Tab on a card) and types at
 * once, without clicking into the new card: the words must land in the card,
 * never in the map's single-key shortcuts (N adds a claim, F focuses, K
 * connects, L lays the map out).
 */
describe('typing straight into a new card in Chromium', () => {
  it('puts the words typed after "+ Add claim" and Tab into the new cards, firing no shortcut', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    const url = await demoMapUrl(baseUrl);
    const snapshot = async (): Promise<Snapshot> =>
      (await fetch(url.replace('/maps/', '/api/maps/'))).json();
    await page.goto(url);
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.waitFor();
    const before = await snapshot();

    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await page.keyboard.type('Sanctions work if kept long enough');
    await page.keyboard.press('Enter');
    await allSaved(page);
    const claim = nodeNamed(page, /^claim: Sanctions work if kept long enough$/);
    await claim.waitFor();

    // Tab on the new card adds a premise under it; typing goes into that one.
    await claim.click();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Frozen funds fell in kind');
    await page.keyboard.press('Enter');
    await allSaved(page);
    await nodeNamed(page, /^premise: Frozen funds fell in kind$/).waitFor();

    const after = await snapshot();
    // Exactly the two cards typed: no stray claim from an "n".
    expect(after.nodes.length).toBe(before.nodes.length + 2);
    const made = after.nodes.find((n) => n.text === 'Sanctions work if kept long enough')!;
    const premise = after.nodes.find((n) => n.text === 'Frozen funds fell in kind')!;
    expect(premise.kind).toBe('PREMISE');
    expect(after.edges).toContainEqual(
      expect.objectContaining({ fromId: premise.id, toId: made.id, relation: 'SUPPORTS' }),
    );
    // No "l": nobody else's card moved.
    const moved = before.nodes.filter((n) => {
      const now = after.nodes.find((m) => m.id === n.id);
      return now && (now.x !== n.x || now.y !== n.y);
    });
    expect(moved).toEqual([]);
    // No "k" and no "f": no connect dialog, no focus mode.
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Show whole map' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
