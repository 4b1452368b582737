import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  nodeNamed,
  openPage,
  screenshot,
  signInAsDemoTeacher,
  useBrowser,
} from './browser';
import { claimAt, dragToEmpty } from './new-cards';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

type Snapshot = {
  nodes: { id: string; text: string; kind: string; x: number; y: number }[];
  edges: { id: string; fromId: string; toId: string; relation: string; groupId: string | null }[];
};

async function blankMap(page: Page, title: string): Promise<string> {
  await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
  await page.goto(`${baseUrl}/maps/new`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Motion or question under debate').fill('This house would test its tools');
  await page.getByRole('radio', { name: /A blank map/ }).check();
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
  await page.getByText('This map is empty.').waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** The stored map, read with the page's own session (these maps are private to their owner). */
const snapshotOf = async (page: Page, mapId: string): Promise<Snapshot> =>
  (await page.request.get(`${baseUrl}/api/maps/${mapId}`)).json();
const byText = (s: Snapshot, text: string) => s.nodes.find((n) => n.text === text)!;

/** Types into the new card's open editor and saves it. */
async function typeText(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Node text' }).waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await allSaved(page);
}

describe('canvas tools', () => {
  it('creates nodes by double-click and by dragging a connection to empty canvas, then links co-premises into one grouped support', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await blankMap(page, 'Tools: creating and linking');
    await claimAt(page, 420, 120, 'Russia is not a credible guarantor');
    const conclusion = byText(await snapshotOf(page, mapId), 'Russia is not a credible guarantor');

    // Drag from the side where reasons arrive, drop on empty canvas, choose "Supports".
    await dragToEmpty(page, conclusion.id, 'target', -200, 200);
    const prompt = page.getByRole('dialog', { name: 'How does the new node connect?' });
    await prompt.waitFor();
    await screenshot(page, 'canvas-connect-prompt');
    await prompt.getByRole('button', { name: 'Supports' }).click();
    await typeText(page, 'It did not help Armenia in 2022');
    await dragToEmpty(page, conclusion.id, 'target', 200, 200);
    await prompt.getByRole('button', { name: 'Supports' }).click();
    await typeText(page, 'Armenia was directly attacked');

    let map = await snapshotOf(page, mapId);
    const first = byText(map, 'It did not help Armenia in 2022');
    const second = byText(map, 'Armenia was directly attacked');
    expect([first.kind, second.kind]).toEqual(['PREMISE', 'PREMISE']);
    expect(map.edges.map((e) => `${e.fromId}→${e.toId} ${e.relation}`).sort()).toEqual(
      [`${first.id}→${conclusion.id} SUPPORTS`, `${second.id}→${conclusion.id} SUPPORTS`].sort(),
    );
    expect(await page.locator('[data-junction]').count()).toBe(0);

    // Both premises selected (Shift+click) become one linked argument.
    await page.locator(`.react-flow__node[data-id="${first.id}"]`).click();
    await page.locator(`.react-flow__node[data-id="${second.id}"]`).click({ modifiers: ['Shift'] });
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('button', { name: 'Link as co-premises' }).click();
    await allSaved(page);
    map = await snapshotOf(page, mapId);
    const groups = new Set(map.edges.map((e) => e.groupId));
    expect(groups.size).toBe(1);
    expect([...groups][0]).not.toBeNull();
    await expect.poll(() => page.locator('[data-junction]').count()).toBe(1);
    await screenshot(page, 'canvas-linked-premises');

    // One undo separates them again.
    await page.keyboard.press('Control+z');
    await allSaved(page);
    expect(new Set((await snapshotOf(page, mapId)).edges.map((e) => e.groupId))).toEqual(
      new Set([null]),
    );
    await expect.poll(() => page.locator('[data-junction]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects several nodes with a box and deletes them as one undoable step', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await blankMap(page, 'Tools: selecting');
    await claimAt(page, 200, 120, 'First');
    await claimAt(page, 520, 120, 'Second');
    await claimAt(page, 360, 460, 'Far below');

    // A box around "First" and "Second", drawn from empty canvas, clear of "Far below".
    const box = async (text: string) =>
      (await page.locator('.react-flow__node').filter({ hasText: text }).boundingBox())!;
    const [first, second, below] = [
      await box('First'),
      await box('Second'),
      await box('Far below'),
    ];
    const left = Math.min(first.x, second.x) - 12;
    const top = Math.min(first.y, second.y) - 12;
    const right = Math.max(first.x + first.width, second.x + second.width) + 12;
    const bottom = Math.max(first.y + first.height, second.y + second.height) + 12;
    expect(below.y > bottom || below.x > right || below.x + below.width < left).toBe(true);
    await page.keyboard.down('Shift');
    await page.mouse.move(left, top);
    await page.mouse.down();
    await page.mouse.move(right, bottom, { steps: 12 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    const deleteTwo = toolbar.getByRole('button', { name: 'Delete 2 nodes' });
    await deleteTwo.waitFor();
    await screenshot(page, 'canvas-box-select');
    await deleteTwo.click();
    await allSaved(page);
    expect((await snapshotOf(page, mapId)).nodes.map((n) => n.text)).toEqual(['Far below']);
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await allSaved(page);
    expect((await snapshotOf(page, mapId)).nodes.map((n) => n.text).sort()).toEqual([
      'Far below',
      'First',
      'Second',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reconnects a connection by dragging its end to another node', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await blankMap(page, 'Tools: reconnecting');
    await claimAt(page, 160, 100, 'Left conclusion');
    await claimAt(page, 620, 100, 'Right conclusion');
    const left = byText(await snapshotOf(page, mapId), 'Left conclusion');
    await dragToEmpty(page, left.id, 'target', 0, 260);
    await page
      .getByRole('dialog', { name: 'How does the new node connect?' })
      .getByRole('button', { name: 'Attacks' })
      .click();
    await typeText(page, 'An objection');
    let map = await snapshotOf(page, mapId);
    const objection = byText(map, 'An objection');
    expect(objection.kind).toBe('OBJECTION');
    const edge = map.edges[0]!;
    expect(edge).toMatchObject({ fromId: objection.id, toId: left.id, relation: 'ATTACKS' });

    await page.locator(`.react-flow__edge[data-id="${edge.id}"]`).click({ force: true });
    const end = (await page
      .locator(`.react-flow__edge[data-id="${edge.id}"] .react-flow__edgeupdater-target`)
      .boundingBox())!;
    const right = byText(map, 'Right conclusion');
    const handle = (await page
      .locator(`.react-flow__node[data-id="${right.id}"] .react-flow__handle.target`)
      .boundingBox())!;
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2, { steps: 15 });
    await page.mouse.up();
    await allSaved(page);
    map = await snapshotOf(page, mapId);
    expect(map.edges).toEqual([
      expect.objectContaining({
        id: edge.id,
        fromId: objection.id,
        toId: right.id,
        relation: 'ATTACKS',
      }),
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folds away the reasons below a claim, focuses on one claim, and lays the map out left to right', async () => {
    const { page, errors } = await openPage(browser());
    const mapId = await blankMap(page, 'Tools: views');
    await claimAt(page, 400, 80, 'The conclusion');
    await claimAt(page, 900, 500, 'Unrelated aside');
    const conclusion = byText(await snapshotOf(page, mapId), 'The conclusion');
    const card = page.locator(`.react-flow__node[data-id="${conclusion.id}"]`);
    await card.click();
    await page.keyboard.press('Tab');
    await typeText(page, 'A premise');
    const premise = page.locator('.react-flow__node').filter({ hasText: 'A premise' });

    // Collapse with the card's button (shown on hover or selection), expand with C.
    await card.hover();
    await card.getByRole('button', { name: 'Hide the 1 reason below this node' }).click();
    await expect.poll(() => premise.isVisible()).toBe(false);
    await card.getByRole('button', { name: 'Show the 1 hidden reasons' }).waitFor();
    await card.click();
    await page.keyboard.press('c');
    await expect.poll(() => premise.isVisible()).toBe(true);

    // Focus mode shows the claim's neighbourhood only.
    await page.keyboard.press('f');
    const banner = page.getByRole('status').filter({ hasText: 'Focus on “The conclusion”' });
    await banner.waitFor();
    await expect
      .poll(() =>
        page.locator('.react-flow__node').filter({ hasText: 'Unrelated aside' }).isVisible(),
      )
      .toBe(false);
    expect(await premise.isVisible()).toBe(true);
    await screenshot(page, 'canvas-focus');
    await banner.getByRole('button', { name: 'Show whole map' }).click();
    await expect
      .poll(() =>
        page.locator('.react-flow__node').filter({ hasText: 'Unrelated aside' }).isVisible(),
      )
      .toBe(true);

    // Left to right: conclusions at the left, reasons to their right.
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('combobox', { name: 'Layout' }).selectOption('LEFT');
    await allSaved(page);
    await expect
      .poll(async () => {
        const map = await snapshotOf(page, mapId);
        return byText(map, 'The conclusion').x < byText(map, 'A premise').x;
      })
      .toBe(true);
    expect(await card.locator('.react-flow__handle.target').getAttribute('class')).toContain(
      'react-flow__handle-right',
    );
    // The arrow now leaves the premise from its left edge and enters the conclusion from its right.
    const arrowMeetsBothCards = async () => {
      const ends = await page
        .locator('.react-flow__edge-path')
        .first()
        .evaluate((element) => {
          const path = element as SVGPathElement;
          return [0, path.getTotalLength()]
            .map((at) => path.getPointAtLength(at).matrixTransform(path.getScreenCTM()!).x)
            .sort((a, b) => a - b);
        });
      const conclusionBox = (await card.boundingBox())!;
      const premiseBox = (await premise.boundingBox())!;
      return (
        Math.abs(ends[0]! - (conclusionBox.x + conclusionBox.width)) < 30 &&
        Math.abs(ends[1]! - premiseBox.x) < 30
      );
    };
    await expect.poll(arrowMeetsBothCards, { timeout: 5000 }).toBe(true);
    await screenshot(page, 'canvas-left-to-right');
    // The choice is remembered in this browser.
    await page.reload();
    await nodeNamed(page, /^claim: The conclusion$/).waitFor();
    // Read from localStorage after hydration, so it may take a moment to show.
    await expect
      .poll(() => toolbar.getByRole('combobox', { name: 'Layout' }).inputValue())
      .toBe('LEFT');
    expect(errors).toEqual([]);
    await page.close();
  });
});
