import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoMapId, nodeNamed, screenshot, signInAsDemo, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

const SIZES = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;

const LONG_CLASS = 'Year 11 Politics and International Relations, Thursday afternoon set B';
const LONG_TITLE =
  'Period 3: does the Collective Security Treaty Organization still protect Armenia, or has Russia walked away from its promises in the South Caucasus?';

type Visit = {
  /** The screenshot's name: screen-<name>-<width>. */
  name: string;
  path: string;
  /** What shows that the page is drawn; the map pages wait for the map. */
  map?: boolean;
};

/**
 * Everything on the page that sticks out past the window's right edge and
 * whose parent does not: where a sideways scroll comes from. Null when the
 * page does not scroll sideways.
 */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return null;
    const over = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" right=${Math.round(el.getBoundingClientRect().right)}`;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => over(el) && el.parentElement && !over(el.parentElement))
      .slice(0, 6)
      .map(name);
    return `scrollWidth ${scrollWidth} > ${width}: ${culprits.join('; ')}`;
  });

/** The map's canvas and the page: where the canvas starts and ends, and how tall the page is. */
const canvasFit = (page: Page) =>
  page.locator('.react-flow').evaluate((el) => {
    const box = el.getBoundingClientRect();
    return {
      top: box.top,
      bottom: box.bottom,
      innerHeight: window.innerHeight,
      scrollHeight: document.documentElement.scrollHeight,
    };
  });

/** Buttons and form controls on screen smaller than 24×24 px (WCAG 2.5.8). */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const controls = document.querySelectorAll(
      'button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"], [role="menuitem"], a.button',
    );
    return [...controls].flatMap((el) => {
      // A checkbox or radio inside its label is as big as the label (the label is the target).
      const target = el.matches('input[type="checkbox"], input[type="radio"]')
        ? (el.closest('label') ?? el)
        : el;
      const box = target.getBoundingClientRect();
      const shown =
        box.width > 0 &&
        box.height > 0 &&
        box.right > 0 &&
        box.left < window.innerWidth &&
        box.bottom > 0 &&
        box.top < window.innerHeight &&
        el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      if (!shown || (box.width >= 24 && box.height >= 24)) return [];
      const label =
        el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
      return [
        `${el.tagName.toLowerCase()} "${label}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ];
    });
  });

async function waitForPage(page: Page, visit: Visit): Promise<void> {
  if (visit.map) {
    // Shown as a map or (first on a phone) as an outline.
    await page.locator('#map-canvas[aria-busy="false"]').waitFor();
    await page.getByRole('status').filter({ hasText: 'Loading the map' }).waitFor({
      state: 'detached',
    });
  } else {
    await page.locator('main').first().waitFor();
  }
}

/** Chooses the canvas with the bar's "Map" button, as a reader does on a phone (the outline comes first there). */
async function showTheCanvas(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Map', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator('.react-flow__node').first().waitFor();
}

/** Visits every page at every size; returns what scrolls sideways, by page and width. */
async function visitAll(page: Page, visits: Visit[], width: number): Promise<string[]> {
  const failures: string[] = [];
  for (const visit of visits) {
    await page.goto(`${baseUrl}${visit.path}`);
    await waitForPage(page, visit);
    // The whole of a long page, so that what is below the fold is seen too.
    await screenshot(page, `screen-${visit.name}-${width}`, { fullPage: !visit.map });
    const problem = await sidewaysScroll(page);
    if (problem) failures.push(`${visit.name} at ${width} px scrolls sideways: ${problem}`);
    // On a phone every control on the first screen is a target a finger can hit (WCAG 2.5.8).
    const small = width < 768 ? await smallTargets(page) : [];
    if (small.length)
      failures.push(`${visit.name} at ${width} px: small targets ${small.join(', ')}`);
  }
  return failures;
}

/** A new page of `context` at `size`. */
async function pageAt(context: BrowserContext, size: { width: number; height: number }) {
  const page = await context.newPage();
  await page.setViewportSize(size);
  return page;
}

let teacher: BrowserContext;
let visitor: BrowserContext;
let classroomPath = '';
let mapId = '';
let demoId = '';
let sharePath = '';
let roundPath = '';

/** A demo student joins the class by its link. */
async function joinAs(b: Browser, who: 'student1' | 'student2', joinLink: string): Promise<void> {
  const context = await b.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await signInAsDemo(page, baseUrl, startupLog, who);
  await page.goto(joinLink);
  await page.getByRole('button', { name: 'Join classroom' }).click();
  await page.waitForURL(`${baseUrl}${classroomPath}`);
  await context.close();
}

beforeAll(async () => {
  demoId = await demoMapId(baseUrl);
  visitor = await browser().newContext();
  teacher = await browser().newContext({ viewport: { width: 1280, height: 860 } });
  const t = await teacher.newPage();
  await signInAsDemo(t, baseUrl, startupLog, 'teacher');

  // A class with a long name and two students on its roster.
  await t.goto(`${baseUrl}/classrooms/new`);
  await t.getByLabel('Class name').fill(LONG_CLASS);
  await t.getByRole('button', { name: 'Create classroom' }).click();
  await t.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
  classroomPath = new URL(t.url()).pathname;
  const code = (await t.getByLabel('Join code').textContent())!.trim();
  const joinLink = (await t.getByText(`/join/${code.replace('-', '')}`).textContent())!.trim();
  await joinAs(browser(), 'student1', joinLink);
  await joinAs(browser(), 'student2', joinLink);

  // A map for the class with a very long title, from the demo.
  await t.goto(`${baseUrl}${classroomPath}`);
  await t.getByRole('link', { name: 'New map for this class' }).click();
  await t.getByLabel('Title').fill(LONG_TITLE);
  await t
    .getByLabel('Motion or question under debate')
    .fill('Is Russia a credible security guarantor in the South Caucasus?');
  await t.getByRole('radio', { name: /The Turchenko–Strakes debate/ }).check();
  await t.getByRole('button', { name: 'Create map' }).click();
  await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
  mapId = new URL(t.url()).pathname.split('/').at(-1)!;

  // A practice round on it with a long motion, judged and chaired by the teacher, with a long entry on its flow.
  await t.goto(`${baseUrl}/maps/${mapId}/rounds`);
  await t.getByRole('textbox', { name: 'Motion', exact: true }).click();
  await t.keyboard.press('ControlOrMeta+A');
  await t.keyboard.type(`${LONG_TITLE}: this house regrets the CSTO`);
  await t.getByRole('checkbox', { name: /^Ms\. Demo/ }).check();
  await t.getByRole('button', { name: 'Create round' }).click();
  await t.waitForURL(/\/rounds\/[^/]+$/);
  roundPath = new URL(t.url()).pathname;
  await t.getByRole('gridcell').first().click();
  await t.keyboard.type(
    'Russia refused to invoke the CSTO treaty when Armenia asked for help in 2022, and its peacekeepers stood by in Lachin',
  );
  await t.keyboard.press('Enter');
  await t.getByRole('gridcell').filter({ hasText: 'stood by in Lachin' }).waitFor();

  // A view link to it.
  await t.goto(`${baseUrl}/maps/${mapId}/share`);
  await t.getByLabel('Anyone with the link can').selectOption('VIEWER');
  await t.getByRole('button', { name: 'Create link' }).click();
  sharePath = new URL(await t.getByLabel('New share link').inputValue()).pathname;
  await t.close();
}, 120_000);

afterAll(async () => {
  await teacher?.close();
  await visitor?.close();
});

const visitorPages = (): Visit[] => [
  { name: 'landing-visitor', path: '/' },
  { name: 'sign-in', path: '/sign-in' },
  { name: 'sign-up', path: '/sign-up' },
  { name: 'map-visitor', path: `/maps/${demoId}`, map: true },
  { name: 'brief-visitor', path: `/maps/${demoId}/brief` },
  { name: 'blocks-visitor', path: `/maps/${demoId}/blocks` },
  { name: 'view-link', path: sharePath, map: true },
];

const teacherPages = (): Visit[] => [
  { name: 'landing', path: '/' },
  { name: 'my-maps', path: '/maps' },
  { name: 'new-map', path: '/maps/new' },
  { name: 'import', path: '/maps/import' },
  { name: 'new-classroom', path: '/classrooms/new' },
  { name: 'classroom', path: classroomPath },
  { name: 'join', path: '/join' },
  { name: 'profile', path: '/profile' },
  { name: 'map', path: `/maps/${mapId}`, map: true },
  { name: 'demo-map', path: `/maps/${demoId}`, map: true },
  { name: 'brief', path: `/maps/${mapId}/brief` },
  { name: 'blocks', path: `/maps/${demoId}/blocks?side=AGAINST` },
  { name: 'prep', path: `/maps/${mapId}/prep` },
  { name: 'new-source', path: `/maps/${mapId}/sources/new` },
  { name: 'share', path: `/maps/${mapId}/share` },
  { name: 'teams', path: `/maps/${mapId}/teams` },
  { name: 'rounds', path: `/maps/${mapId}/rounds` },
  { name: 'round', path: roundPath },
];

describe('every page on every screen', () => {
  for (const size of SIZES) {
    it(`no page scrolls sideways at ${size.width}×${size.height}, for a visitor or the teacher`, async () => {
      const failures: string[] = [];
      const v = await pageAt(visitor, size);
      failures.push(...(await visitAll(v, visitorPages(), size.width)));
      await v.close();
      const t = await pageAt(teacher, size);
      failures.push(...(await visitAll(t, teacherPages(), size.width)));
      await t.close();
      expect(failures).toEqual([]);
    }, 180_000);
  }

  for (const size of SIZES.slice(0, 2)) {
    it(`at ${size.width}×${size.height} the map's canvas fills the screen under a compact bar, and the side panel is a drawer`, async () => {
      const page = await pageAt(teacher, size);
      await page.goto(`${baseUrl}/maps/${mapId}`);
      await waitForPage(page, { name: 'map', path: '', map: true });
      await showTheCanvas(page);
      const fit = await canvasFit(page);
      expect(fit.top, 'the canvas starts in the top quarter').toBeLessThanOrEqual(size.height / 4);
      expect(fit.bottom, 'the canvas reaches the bottom').toBeGreaterThanOrEqual(size.height - 2);
      expect(fit.scrollHeight, 'the page does not scroll down').toBeLessThanOrEqual(size.height);

      // The side panel opens over the canvas, takes the focus, and gives it back when closed.
      const opener = page.getByRole('button', { name: /^Sources & discussion/ });
      await opener.click();
      const tabs = page.getByRole('tablist', { name: 'Beside the map' });
      await tabs.getByRole('tab', { name: 'Team notes' }).click();
      expect(await tabs.getByRole('tab', { name: 'Team notes' }).isVisible()).toBe(true);
      expect((await canvasFit(page)).scrollHeight).toBeLessThanOrEqual(size.height);
      await screenshot(page, `screen-map-panel-${size.width}`);
      await page.keyboard.press('Escape');
      await tabs.waitFor({ state: 'hidden' });
      expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
      await opener.click();
      expect(
        await page.evaluate(() => !!document.activeElement?.closest('[data-side-panel]')),
      ).toBe(true);
      await page.getByRole('button', { name: 'Close the panel' }).click();
      await tabs.waitFor({ state: 'hidden' });
      await page.close();
    }, 60_000);
  }

  it('at 1440 px the side panel is a column beside the canvas, with no drawer buttons', async () => {
    const page = await pageAt(teacher, { width: 1440, height: 900 });
    await page.goto(`${baseUrl}/maps/${mapId}`);
    await waitForPage(page, { name: 'map', path: '', map: true });
    expect(await page.getByRole('tablist', { name: 'Beside the map' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Close the panel' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /^Sources & discussion/ }).isVisible()).toBe(
      false,
    );
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'More' }).isVisible()).toBe(false);
    await page.close();
  }, 60_000);

  it('at 360 px the map keeps its tools in a menu, and every button and field is at least 24×24 px', async () => {
    const page = await pageAt(teacher, { width: 360, height: 740 });
    await page.goto(`${baseUrl}/maps/${mapId}`);
    await waitForPage(page, { name: 'map', path: '', map: true });
    expect(await smallTargets(page)).toEqual([]);
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    expect(await toolbar.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await toolbar.getByRole('button', { name: '+ Add claim' }).waitFor();
    expect(await page.getByText('Export', { exact: true }).isVisible()).toBe(true);
    // Rounds, teams and sharing are under Manage.
    expect(await page.getByText('Manage', { exact: true }).isVisible()).toBe(true);
    for (const name of ['Legend', 'Shortcuts', 'History', 'Sign out']) {
      expect(
        await page
          .getByRole('button', { name })
          .or(page.getByRole('link', { name }))
          .first()
          .isVisible(),
        name,
      ).toBe(true);
    }
    expect(await page.getByRole('searchbox').isVisible()).toBe(true);
    expect(await sidewaysScroll(page)).toBeNull();
    expect(await smallTargets(page)).toEqual([]);
    await screenshot(page, 'screen-map-menu-360');
    await page.keyboard.press('Escape');
    await toolbar.waitFor({ state: 'hidden' });
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  }, 60_000);

  it('at 768 px the editing toolbar takes one row, with the rarer tools under More', async () => {
    const page = await pageAt(teacher, { width: 768, height: 1024 });
    await page.goto(`${baseUrl}/maps/${mapId}`);
    await waitForPage(page, { name: 'map', path: '', map: true });
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    const rows = await toolbar.evaluate((el) => {
      const tops = [...el.querySelectorAll('button, select')]
        .map((c) => c.getBoundingClientRect())
        .filter((b) => b.width > 0)
        .map((b) => Math.round((b.top + b.bottom) / 2));
      return new Set(tops).size;
    });
    expect(rows).toBe(1);
    const more = toolbar.getByRole('button', { name: 'More' });
    await more.click();
    await toolbar.getByRole('button', { name: 'Auto-layout' }).waitFor();
    await screenshot(page, 'screen-map-more-768');
    await page.close();
  }, 60_000);

  it('a long press on a card opens its menu, on a touch screen', async () => {
    const context = await browser().newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await signInAsDemo(page, baseUrl, startupLog, 'teacher');
    await page.goto(`${baseUrl}/maps/${mapId}`);
    await waitForPage(page, { name: 'map', path: '', map: true });
    await page.getByRole('button', { name: 'Map', exact: true }).tap();
    await page.locator('.react-flow__node').first().waitFor();
    const card = nodeNamed(page, /^question: Did the CSTO fail Armenia\?/);
    const box = (await card.boundingBox())!;
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // A tap selects the card.
    await page.touchscreen.tap(point.x, point.y);
    await expect
      .poll(() =>
        card.evaluate((el) => el.closest('.react-flow__node')!.classList.contains('selected')),
      )
      .toBe(true);
    // A long press (a touch held still) opens the card's menu.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    const cardMenu = page.getByRole('menu', { name: /^Card: / });
    await cardMenu.waitFor();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    for (const name of [
      'Edit text',
      'Add supporting premise',
      'Add objection',
      'Connect to…',
      'Delete',
    ]) {
      expect(await cardMenu.getByRole('menuitem', { name }).isVisible(), name).toBe(true);
    }
    await screenshot(page, 'screen-card-menu-360');
    await cardMenu.getByRole('menuitem', { name: 'Edit text' }).tap();
    await page.getByRole('textbox', { name: 'Node text' }).waitFor();
    expect(await cardMenu.count()).toBe(0);
    await context.close();
  }, 60_000);
});
