import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { allSaved, signInAsDemoTeacher } from './browser';

/** The stored map, as its editor's page reads it. */
export type Snapshot = {
  nodes: {
    id: string;
    text: string;
    kind: string;
    x: number;
    y: number;
    anchor: { sourceId: string; exact: string } | null;
  }[];
  edges: { id: string; fromId: string; toId: string; relation: string }[];
};

/**
 * The demo teacher's own copy of the Turchenko–Strakes debate (its cards,
 * sources and layout), so that a test's new cards meet no other test's.
 * Returns the map's id.
 */
export async function ownDebate(
  page: Page,
  baseUrl: string,
  startupLog: string,
  title: string,
): Promise<string> {
  await createMapAsDemoTeacher(page, baseUrl, startupLog, {
    title,
    motion: 'Is Russia a credible security guarantor in the South Caucasus?',
    start: /The Turchenko–Strakes debate/,
  });
  await page.getByRole('toolbar', { name: 'Map editing' }).waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Fills the new-map form as the demo teacher (clicking each field, then typing) and creates the map. */
async function createMapAsDemoTeacher(
  page: Page,
  baseUrl: string,
  startupLog: string,
  map: { title: string; motion: string; start: RegExp },
): Promise<void> {
  await signInAsDemoTeacher(page, baseUrl, startupLog);
  await page.goto(`${baseUrl}/maps/new`);
  await page.getByLabel('Title').click();
  await page.keyboard.type(map.title);
  await page.getByLabel('Motion or question under debate').click();
  await page.keyboard.type(map.motion);
  await page.getByRole('radio', { name: map.start }).check();
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
}

/** The stored map, read with the page's own session (a copied map is private to its owner). */
export const snapshotOf = async (page: Page, baseUrl: string, mapId: string): Promise<Snapshot> =>
  (await page.request.get(`${baseUrl}/api/maps/${mapId}`)).json();

/**
 * The one card `after` has that `before` did not: the card a test just made
 * (a copy of the demo may already hold cards like it, made on the shared
 * demo map by other tests).
 */
export function newCard(before: Snapshot, after: Snapshot): Snapshot['nodes'][number] {
  const made = after.nodes.filter((n) => !before.nodes.some((b) => b.id === n.id));
  expect(made).toHaveLength(1);
  return made[0]!;
}

type Rect = { left: number; top: number; right: number; bottom: number };

/** Every card the canvas draws, with its box on the screen. */
const drawnCards = (page: Page) =>
  page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        id: el.getAttribute('data-id')!,
        label: el.getAttribute('aria-label') ?? '',
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      };
    }),
  );

const apart = (a: Rect, b: Rect) =>
  a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;

/**
 * The canvas's own controls that `element` covers on the screen: the zoom
 * controls, the Overview (the minimap). One not shown (the Overview on a
 * phone) is covered by nothing.
 */
export async function canvasControlsCoveredBy(element: Locator): Promise<string[]> {
  const page = element.page();
  const controls = {
    'zoom controls': page.locator('.react-flow__controls'),
    Overview: page.locator('.react-flow__minimap'),
  };
  const rect = async (at: Locator): Promise<Rect | null> => {
    const box = await at.boundingBox();
    return box && { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
  };
  const over = (await rect(element))!;
  const covered: string[] = [];
  for (const [name, control] of Object.entries(controls)) {
    const under = await rect(control);
    if (under && !apart(over, under)) covered.push(name);
  }
  return covered;
}

/** How long the view may take to move to a new card (it pans in 300 ms, after the card is measured). */
const NEW_CARD_IN_VIEW = { timeout: 5_000 };

/**
 * The card `id` is on screen inside the canvas (once the view has moved to
 * it) and covers no other card.
 */
export async function expectInSightAndClear(page: Page, id: string): Promise<void> {
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const card = page.locator(`.react-flow__node[data-id="${id}"]`);
  await expect
    .poll(async () => {
      const b = (await card.boundingBox())!;
      return (
        b.x >= canvas.x &&
        b.y >= canvas.y &&
        b.x + b.width <= canvas.x + canvas.width &&
        b.y + b.height <= canvas.y + canvas.height
      );
    }, NEW_CARD_IN_VIEW)
    .toBe(true);
  const cards = await drawnCards(page);
  const mine = cards.find((c) => c.id === id)!;
  for (const other of cards.filter((c) => c.id !== id))
    expect(apart(mine.box, other.box), `covers "${other.label}"`).toBe(true);
}

/** A point of empty canvas, as a person would pick one to double-click. */
export async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.locator('.react-flow__pane').evaluate((pane) => {
    const r = pane.getBoundingClientRect();
    for (let y = r.top + 60; y < r.bottom - 160; y += 30)
      for (let x = r.left + 160; x < r.right - 260; x += 30)
        if (document.elementFromPoint(x, y) === pane) return { x, y };
    return null;
  });
  if (!point) throw new Error('the canvas has no empty spot in view');
  return point;
}

/** The source reader's tab for one source, opened. */
export async function openSource(page: Page, author: string): Promise<Locator> {
  const reader = page.getByRole('complementary', { name: 'Source reader' });
  await reader.getByRole('tab', { name: author }).click();
  return reader;
}

/** A new blank map of the demo teacher's. Returns its id. */
export async function blankMap(
  page: Page,
  baseUrl: string,
  startupLog: string,
  title: string,
): Promise<string> {
  await createMapAsDemoTeacher(page, baseUrl, startupLog, {
    title,
    motion: 'This house would connect its cards',
    start: /A blank map/,
  });
  await page.getByText('This map is empty.').waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Double-clicks empty canvas at a point relative to the canvas's top-left corner and types the new claim. */
export async function claimAt(page: Page, x: number, y: number, text: string): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.dblclick(pane.x + x, pane.y + y);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  // The card shows the words once its editor has saved them.
  await page.locator('.react-flow__node').filter({ hasText: text }).waitFor();
  await allSaved(page);
}

/** Drags a connection from a card's handle and drops it on empty canvas, `dx`/`dy` from the handle. */
export async function dragToEmpty(
  page: Page,
  nodeId: string,
  handle: 'source' | 'target',
  dx: number,
  dy: number,
): Promise<void> {
  const grip = page.locator(`.react-flow__node[data-id="${nodeId}"] .react-flow__handle.${handle}`);
  // Pointing at the handle waits until it stands still and nothing covers it.
  await grip.hover();
  const box = (await grip.boundingBox())!;
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.down();
  // As a person does, the line is seen leaving the handle before it is let go.
  await page.mouse.move(from.x + dx / 4, from.y + dy / 4, { steps: 4 });
  // (Attached, not visible: a line straight down has no width, which Playwright calls hidden.)
  await page.locator('.react-flow__connection-path').waitFor({ state: 'attached' });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 8 });
  await page.mouse.up();
}

/** Chooses a file on the import page (and types a title, if given) and presses the button, as a person does. */
export async function importFile(
  page: Page,
  baseUrl: string,
  file: { name: string; buffer: Buffer },
  title?: string,
): Promise<void> {
  await page.goto(`${baseUrl}/maps/import`);
  await page.getByLabel(/^File/).setInputFiles({ ...file, mimeType: 'application/octet-stream' });
  if (title) {
    await page.getByRole('textbox', { name: 'Title (optional)' }).click();
    await page.keyboard.type(title);
  }
  await page.getByRole('button', { name: 'Import as a new map' }).click();
}
