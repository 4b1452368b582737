import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser } from '../support/chromium';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results');

/** A page that records uncaught errors and console errors, so tests can assert there were none. */
export async function openPage(
  browser: Browser,
  size = { width: 1440, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: size });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // With where it came from: "404 (Not Found)" alone does not say which request.
    const at = m.location().url;
    if (m.type() === 'error') errors.push(at ? `${m.text()} (${at})` : m.text());
  });
  return { page, errors };
}

/**
 * Saves what the page shows as test-results/<name>.png; with `fullPage`, the
 * page below the fold too, down to 4,000 px (a long brief would take minutes).
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = false }: { fullPage?: boolean } = {},
): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if (!fullPage) return void (await page.screenshot({ path: file }));
  const [width, height] = await page.evaluate(() => [
    window.innerWidth,
    Math.min(document.documentElement.scrollHeight, 4000),
  ]);
  await page.screenshot({
    path: file,
    fullPage,
    clip: { x: 0, y: 0, width: width!, height: height! },
  });
}

/** Signs in as the demo teacher (a co-owner of the demo map), with the password the launcher printed. */
export async function signInAsDemoTeacher(
  page: Page,
  baseUrl: string,
  startupLog: string,
): Promise<void> {
  return signInAsDemo(page, baseUrl, startupLog, 'teacher');
}

/** Signs in as one of the demo accounts the launcher printed: the teacher, or student1/student2 (commenters on the demo). */
export async function signInAsDemo(
  page: Page,
  baseUrl: string,
  startupLog: string,
  who: 'teacher' | 'student1' | 'student2',
): Promise<void> {
  const pattern =
    who === 'teacher'
      ? /teacher\s+(\S+@\S+)\s+(\S+)/
      : new RegExp(`student\\s+(${who}@\\S+)\\s+(\\S+)`);
  const line = pattern.exec(startupLog);
  if (!line) throw new Error(`the launcher printed no demo ${who}`);
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(line[1]!);
  await page.getByLabel('Password').fill(line[2]!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** One Chromium for a test file, started before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet');
    return browser;
  };
}

/** The demo map's id, read from the landing page as a visitor sees it. */
export async function demoMapId(baseUrl: string): Promise<string> {
  const html = await (await fetch(baseUrl)).text();
  const id = /href="\/maps\/([^"?]+)"/.exec(html)?.[1];
  if (!id) throw new Error('no map link on the landing page');
  return id;
}

/** The demo map's page. */
export async function demoMapUrl(baseUrl: string): Promise<string> {
  return `${baseUrl}/maps/${await demoMapId(baseUrl)}`;
}

/** Selects `phrase` in the source reader's open text as a mouse would, so the reader offers to quote it. */
export async function selectPassage(reader: Locator, phrase: string): Promise<void> {
  await reader.locator('[data-source-text]').evaluate((el, phrase) => {
    const start = (el.textContent ?? '').indexOf(phrase);
    if (start < 0) throw new Error(`the reader does not show "${phrase}"`);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let pos = 0;
    const range = document.createRange();
    let started = false;
    while (walker.nextNode()) {
      const t = walker.currentNode as Text;
      const len = t.data.length;
      if (!started && start < pos + len) {
        range.setStart(t, start - pos);
        started = true;
      }
      if (started && start + phrase.length <= pos + len) {
        range.setEnd(t, start + phrase.length - pos);
        break;
      }
      pos += len;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, phrase);
}

/** Resolves once the editor's save status says every change has reached the server. */
export const allSaved = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /^\s*Saved$/ })
    .waitFor();

/** A node card on the canvas, by its accessible name ("claim: …"). */
export const nodeNamed = (page: Page, pattern: RegExp) =>
  page.getByRole('group', { name: pattern });

/** True when the element lies wholly inside the canvas, where a person can click it. */
const insideCanvas = (locator: Locator) =>
  locator.evaluate((el) => {
    const a = el.getBoundingClientRect();
    const b = document.querySelector('.react-flow')!.getBoundingClientRect();
    return a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
  });

/**
 * Brings a card into the canvas the way a reader finds one that is off
 * screen (the first view frames the motion and its direct reasons): clicks
 * the map's search, types words of the card and presses Enter.
 */
export async function findCard(page: Page, words: string, pattern: RegExp): Promise<Locator> {
  await page.getByRole('searchbox').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  const card = nodeNamed(page, pattern);
  await expect.poll(() => insideCanvas(card)).toBe(true);
  return card;
}

/**
 * A person of their own: a fresh browser context (own cookies) signed up as
 * a new user named `name`, with page errors collected.
 */
export async function signUpNewPerson(
  browser: Browser,
  baseUrl: string,
  name: string,
  size = { width: 1280, height: 860 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  page.setDefaultTimeout(12_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel('Your name').fill(name);
  await page
    .getByLabel('Email')
    .fill(`${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.test`);
  await page.getByLabel('Password').fill('the motion is carried');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${baseUrl}/`);
  return { page, errors };
}

/** Drags the mouse over `phrase` in the card's passage, as a person selects words. */
export async function dragOver(page: Page, passage: Locator, phrase: string) {
  await passage.scrollIntoViewIfNeeded();
  const box = await passage.evaluate((el, phrase) => {
    const start = (el.textContent ?? '').indexOf(phrase);
    if (start < 0) throw new Error(`the passage does not show "${phrase}"`);
    const at = (offset: number): [Node, number] => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let pos = 0;
      while (walker.nextNode()) {
        const t = walker.currentNode as Text;
        if (offset < pos + t.data.length) return [t, offset - pos];
        pos += t.data.length;
      }
      throw new Error('offset past the passage');
    };
    const rectOf = (offset: number) => {
      const range = document.createRange();
      range.setStart(...at(offset));
      range.setEnd(...at(offset));
      range.setEnd(range.startContainer, range.startOffset + 1);
      return range.getBoundingClientRect();
    };
    const a = rectOf(start);
    const b = rectOf(start + phrase.length - 1);
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}
