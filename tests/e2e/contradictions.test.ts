import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allSaved, openPage, screenshot, signInAsDemo, useBrowser } from './browser';
import { blankMap, canvasControlsCoveredBy, claimAt, dragToEmpty, snapshotOf } from './new-cards';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

const LATER = 'Schools should start an hour later';
const SAME = 'Start times make no difference';
const CHANGE = 'Start times change everything';

const card = (page: Page, text: string) =>
  page.locator('.react-flow__node').filter({ hasText: text });

/** The drawn contradiction: its accessible name, and the arrowheads at its two ends. */
async function drawn(page: Page) {
  const edge = page.locator('.react-flow__edge', {
    has: page.locator('[data-relation-glyph="CONTRADICTS"]'),
  });
  await edge.waitFor();
  const path = edge.locator('.react-flow__edge-path');
  return {
    label: await edge.getAttribute('aria-label'),
    start: await path.getAttribute('marker-start'),
    end: await path.getAttribute('marker-end'),
  };
}

const stands = (page: Page, text: string) => card(page, text).locator('[data-stands]');

describe('contradictions in Chromium', () => {
  it(
    'connects two cards with "contradicts" from the keyboard dialog, draws it with a head at each end, live in another browser, and What stands leaves both undecided',
    { timeout: 120_000 },
    async () => {
      const teacher = await openPage(browser());
      const t = teacher.page;
      const mapId = await blankMap(t, baseUrl, startupLog, 'Contradictions');
      await claimAt(t, 220, 160, LATER);
      await claimAt(t, 580, 160, SAME);

      // Someone else has the map open in a browser of their own.
      const other = await openPage(browser());
      await signInAsDemo(other.page, baseUrl, startupLog, 'teacher');
      await other.page.goto(`${baseUrl}/maps/${mapId}`);
      await card(other.page, SAME).waitFor();

      // "Connect to…" (K) opens with the typing in the search box; the relation is just before it.
      await card(t, LATER).click();
      await t.keyboard.press('k');
      const dialog = t.getByRole('dialog', { name: /^Connect/ });
      await dialog.waitFor();
      await t.keyboard.press('Shift+Tab');
      const relation = dialog.getByRole('combobox', { name: 'This node' });
      expect(await relation.evaluate((el) => el === document.activeElement)).toBe(true);
      await t.keyboard.type('contradicts');
      expect(await relation.inputValue()).toBe('CONTRADICTS');
      await dialog.getByRole('searchbox', { name: 'the node that says' }).click();
      await t.keyboard.type('make no difference');
      await t.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await allSaved(t);

      const { nodes, edges } = await snapshotOf(t, baseUrl, mapId);
      const id = (text: string) => nodes.find((n) => n.text === text)!.id;
      expect(edges.map(({ fromId, toId, relation: r }) => ({ fromId, toId, relation: r }))).toEqual(
        [{ fromId: id(LATER), toId: id(SAME), relation: 'CONTRADICTS' }],
      );

      // Drawn symmetric, and named so a screen reader hears both directions, in both browsers.
      for (const page of [t, other.page]) {
        const line = await drawn(page);
        expect(line.label).toBe(`"${LATER}" contradicts "${SAME}", and the other way round`);
        expect(line.start).toMatch(/^url\('?#.+'?\)$/);
        expect(line.end).toBe(line.start);
      }

      // What stands: two statements that only contradict each other are both undecided.
      await t.locator('summary', { hasText: /^Filter/ }).click();
      await t.getByRole('button', { name: 'What stands' }).click();
      await expect.poll(() => stands(t, LATER).textContent()).toBe('Undecided');
      await expect.poll(() => stands(t, SAME).textContent()).toBe('Undecided');
      await t.locator('summary', { hasText: /^Filter/ }).click();
      // And the same pair the other way round is refused: still one connection.
      await card(t, SAME).click();
      await expect.poll(() => card(t, SAME).getAttribute('class')).toContain('selected');
      await t.keyboard.press('k');
      await dialog.waitFor();
      await t.keyboard.press('Shift+Tab');
      await t.keyboard.type('contradicts');
      await dialog.getByRole('searchbox', { name: 'the node that says' }).click();
      await t.keyboard.type('an hour later');
      const canvas = t.locator('.react-flow__pane');
      const seenAt = await canvas.boundingBox();
      await t.keyboard.press('Enter');
      const refusal = t.getByRole('status').filter({
        hasText: 'These two statements already contradict each other',
      });
      await refusal.waitFor();
      expect((await snapshotOf(t, baseUrl, mapId)).edges).toHaveLength(1);
      // The word floats over the canvas: the canvas, and so its cards, stay where they
      // were seen as it comes and as it goes (a card that jumps is missed by the hand
      // aiming at it).
      expect(await canvas.boundingBox()).toEqual(seenAt);
      await screenshot(t, 'map-notice-1440');
      await refusal.getByRole('button', { name: 'Dismiss message' }).click();
      await refusal.waitFor({ state: 'detached' });
      expect(await canvas.boundingBox()).toEqual(seenAt);
      // On a tablet the word keeps between the zoom controls and the Overview, over neither.
      await t.setViewportSize({ width: 768, height: 1024 });
      await card(t, SAME).click();
      await t.keyboard.press('k');
      await dialog.waitFor();
      await t.keyboard.press('Shift+Tab');
      await t.keyboard.type('contradicts');
      await dialog.getByRole('searchbox', { name: 'the node that says' }).click();
      await t.keyboard.type('an hour later');
      await t.keyboard.press('Enter');
      await refusal.waitFor();
      expect(await canvasControlsCoveredBy(refusal)).toEqual([]);
      await screenshot(t, 'map-notice-768');
      await refusal.getByRole('button', { name: 'Dismiss message' }).click();
      await refusal.waitFor({ state: 'detached' });
      await t.setViewportSize({ width: 1440, height: 900 });

      // A new card dropped on empty canvas as contradicting one: a claim, not an objection.
      await card(t, SAME).hover();
      await dragToEmpty(t, id(SAME), 'target', 0, 220);
      const prompt = t.getByRole('dialog', { name: 'How does the new node connect?' });
      await prompt.waitFor();
      await screenshot(t, 'contradicts-connect-prompt');
      await prompt.getByRole('button', { name: 'Contradicts' }).click();
      // The new card is open for typing.
      await t.getByRole('textbox', { name: 'Node text' }).waitFor();
      await t.keyboard.type(CHANGE);
      await t.keyboard.press('Enter');
      await card(t, CHANGE).waitFor();
      await allSaved(t);
      const after = await snapshotOf(t, baseUrl, mapId);
      const made = after.nodes.find((n) => n.text === CHANGE)!;
      expect(made.kind).toBe('CLAIM');
      expect(
        after.edges.map(({ fromId, toId, relation: r }) => ({ fromId, toId, relation: r })),
      ).toContainEqual({ fromId: made.id, toId: id(SAME), relation: 'CONTRADICTS' });
      await expect.poll(() => stands(t, CHANGE).textContent()).toBe('Undecided');

      await t.getByRole('button', { name: 'Legend' }).click();
      await t.getByRole('list', { name: 'Arrows' }).getByText('contradicts (each other)').waitFor();
      await screenshot(t, 'contradicts-1440');
      await t.getByRole('button', { name: 'Legend' }).click();

      // The outline says it under both statements, neither nested under the other.
      await t.getByRole('button', { name: 'Outline', exact: true }).first().click();
      const tree = t.getByRole('tree');
      await tree.waitFor();
      // Rows are flat, with their level: each statement is a top-level row with the other below it.
      const rows = await tree
        .getByRole('treeitem')
        .evaluateAll((items) =>
          items.map((i) => `${i.getAttribute('aria-level')} ${i.getAttribute('aria-label')}`),
        );
      const below = (text: string, count: number) => {
        const at = rows.findIndex((r) => r.startsWith(`1 Claim: ${text}`));
        expect(at, rows.join('\n')).toBeGreaterThanOrEqual(0);
        return rows.slice(at + 1, at + 1 + count).map((r) => r.split(',').slice(0, 2).join(','));
      };
      expect(below(LATER, 1)).toEqual([`2 ≠ contradicts, see Claim: ${SAME}`]);
      expect(below(SAME, 2)).toEqual([
        `2 ≠ contradicts, see Claim: ${LATER}`,
        `2 ≠ contradicts, see Claim: ${CHANGE}`,
      ]);
      expect(below(CHANGE, 1)).toEqual([`2 ≠ contradicts, see Claim: ${SAME}`]);
      await screenshot(t, 'contradicts-outline-1440');
      await t.getByRole('button', { name: 'Map', exact: true }).first().click();
      await t.setViewportSize({ width: 360, height: 740 });
      await t.getByRole('button', { name: 'Map', exact: true }).first().click();
      await t.getByRole('button', { name: /fit view/i }).click();
      await screenshot(t, 'contradicts-360');

      expect([...teacher.errors, ...other.errors]).toEqual([]);
      await other.page.close();
      await t.close();
    },
  );
});
