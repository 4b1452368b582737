import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  demoMapId,
  nodeNamed,
  openPage,
  screenshot,
  selectPassage,
  signInAsDemoTeacher,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

type Snapshot = {
  nodes: { id: string; text: string; kind: string; x: number; y: number }[];
  edges: { id: string; fromId: string; toId: string; relation: string; groupId: string | null }[];
};

const apiSnapshot = async (mapId: string): Promise<Snapshot> =>
  (await fetch(`${baseUrl}/api/maps/${mapId}`)).json();

/** The map as stored, in a form two moments can be compared in. */
const stored = async (mapId: string) => {
  const s = await apiSnapshot(mapId);
  return {
    nodes: s.nodes.map((n) => `${n.id} ${n.kind} ${n.x},${n.y} ${n.text}`).sort(),
    edges: s.edges.map((e) => `${e.id} ${e.fromId} ${e.relation} ${e.toId} ${e.groupId}`).sort(),
  };
};

/** The map as drawn: every card's place on the canvas and its label. */
const drawn = (page: Page) =>
  page
    .locator('.react-flow__node')
    .evaluateAll((els) =>
      els
        .map(
          (el) =>
            `${el.getAttribute('data-id')} ${(el as HTMLElement).style.transform} ${el.getAttribute('aria-label')}`,
        )
        .sort(),
    );

const positions = async (mapId: string) =>
  new Map((await apiSnapshot(mapId)).nodes.map((n) => [n.id, `${n.x},${n.y}`]));

describe('the editor, start to finish', () => {
  it('quotes a passage as a claim, attacks a Strakes claim with it, edits, moves, lays out, undoes and redoes, and reloads to the same map', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    const mapId = await demoMapId(baseUrl);
    await page.goto(`${baseUrl}/maps/${mapId}`);
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });

    // 1. A claim from a passage selected in Turchenko's article.
    const reader = page.getByRole('complementary', { name: 'Source reader' });
    await reader.getByRole('tab', { name: 'Mikhail Turchenko' }).click();
    const phrase =
      "the organization's refusal to help when war with Azerbaijan broke out again in 2022";
    await selectPassage(reader, phrase);
    await reader
      .getByRole('region', { name: 'Selected passage' })
      .getByRole('button', { name: 'Make claim' })
      .click();
    const editor = page.getByRole('textbox', { name: 'Node text' });
    expect(await editor.inputValue()).toBe(phrase);
    await editor.fill('The CSTO refused to help Armenia in 2022.');
    await editor.press('Enter');
    await allSaved(page);
    const made = (await apiSnapshot(mapId)).nodes.find(
      (n) => n.text === 'The CSTO refused to help Armenia in 2022.',
    )!;
    expect(made.kind).toBe('CLAIM');

    // 2. Connected, from the keyboard, as an attack on Strakes's claim about the CSTO.
    await page.keyboard.press('k');
    const dialog = page.getByRole('dialog', { name: /Connect/ });
    await dialog.getByRole('combobox', { name: 'This node' }).selectOption('ATTACKS');
    await dialog
      .getByRole('searchbox', { name: 'the node that says' })
      .fill('alternative security perceptions');
    await dialog
      .getByRole('button', { name: /Russian-sponsored security structures such as the CSTO/ })
      .click();
    await allSaved(page);
    const strakes = (await apiSnapshot(mapId)).nodes.find((n) =>
      n.text.startsWith('Russian-sponsored security structures such as the CSTO'),
    )!;
    expect((await apiSnapshot(mapId)).edges).toContainEqual(
      expect.objectContaining({ fromId: made.id, toId: strakes.id, relation: 'ATTACKS' }),
    );

    // 3. Its text edited in place.
    const card = page.locator(`.react-flow__node[data-id="${made.id}"]`);
    await card.click();
    await page.keyboard.press('Enter');
    await editor.fill('The CSTO refused to help Armenia when Azerbaijan attacked in 2022.');
    await editor.press('Enter');
    await allSaved(page);

    // 4. Moved by dragging.
    const before = await positions(mapId);
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 160, box.y + 72, { steps: 10 });
    await page.mouse.up();
    await allSaved(page);
    const moved = await positions(mapId);
    expect(moved.get(made.id)).not.toBe(before.get(made.id));

    // 5. Auto-layout, as one step that undo takes back and redo brings again.
    await toolbar.getByRole('button', { name: 'Auto-layout' }).click();
    await allSaved(page);
    await toolbar.getByRole('button', { name: 'Auto-layout' }).waitFor();
    const laidOut = await positions(mapId);
    expect(laidOut).not.toEqual(moved);
    await page.keyboard.press('Control+z');
    await allSaved(page);
    await expect.poll(() => positions(mapId)).toEqual(moved);
    await page.keyboard.press('Control+Shift+z');
    await allSaved(page);
    await expect.poll(() => positions(mapId)).toEqual(laidOut);
    await page.waitForTimeout(600); // the layout animation
    await screenshot(page, 'editor-flow');

    // 6. A reload shows exactly the map as it was left, and undo still works.
    const storedBefore = await stored(mapId);
    const drawnBefore = await drawn(page);
    await page.reload();
    await nodeNamed(
      page,
      /^claim: The CSTO refused to help Armenia when Azerbaijan attacked in 2022\.$/,
    ).waitFor();
    expect(await stored(mapId)).toEqual(storedBefore);
    expect(await drawn(page)).toEqual(drawnBefore);
    expect(
      storedBefore.nodes.some((n) =>
        n.includes('The CSTO refused to help Armenia when Azerbaijan attacked in 2022.'),
      ),
    ).toBe(true);

    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await allSaved(page);
    await expect.poll(() => positions(mapId)).toEqual(moved);
    await toolbar.getByRole('button', { name: 'Redo' }).click();
    await allSaved(page);
    await expect.poll(() => positions(mapId)).toEqual(laidOut);
    expect(errors).toEqual([]);
    await page.close();
  });
});
