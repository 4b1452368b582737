import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { demoMapUrl, nodeNamed, screenshot, signInAsDemoTeacher, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

const SIZES = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 360, height: 740 },
};

const mainClaim = (page: Page) => nodeNamed(page, /^claim: Russia has lost its credibility/);

/** The map with a card selected and each tab of the side panel open in turn. */
async function auditMapStates(page: Page, where: string, signedIn: boolean): Promise<string[]> {
  const found: string[] = [];
  // Chosen from the keyboard: on a phone the card may lie off the screen.
  await mainClaim(page).focus();
  await page.keyboard.press('Enter');
  await page.locator('.react-flow__node.selected').waitFor();
  found.push(...(await seriousViolations(page, `${where}, card selected, Sources`)));
  const tabs = signedIn ? ['Discussion', 'Team notes'] : ['Discussion'];
  for (const name of tabs) {
    const tab = page.getByRole('tab', { name: new RegExp(`^${name}`) });
    if (!(await tab.isVisible())) continue;
    await tab.click();
    await page
      .getByRole('tabpanel')
      .getByText(/^Loading/)
      .waitFor({ state: 'detached' });
    found.push(...(await seriousViolations(page, `${where}, card selected, ${name}`)));
  }
  const history = page.getByRole('button', { name: 'History', exact: true });
  if (await history.isVisible()) {
    await history.click();
    await page.getByRole('heading', { name: 'History of this map' }).waitFor();
    await page.getByRole('dialog').getByText('Loading…').waitFor({ state: 'detached' });
    found.push(...(await seriousViolations(page, `${where}, history open`)));
    await page.keyboard.press('Escape');
  }
  return found;
}

/** Every page at both sizes in one context; the list of what axe found. */
async function auditAll(
  context: BrowserContext,
  urls: string[],
  signedIn: boolean,
): Promise<string[]> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const map = await demoMapUrl(baseUrl);
  const found: string[] = [];
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    for (const url of urls) {
      await page.goto(url);
      // The map is shown as a map, or (first on a phone) as its outline.
      if (url === map) await page.locator('#map-canvas[aria-busy="false"]').waitFor();
      found.push(...(await seriousViolations(page, `${size} ${url.replace(baseUrl, '')}`)));
      if (url !== map) continue;
      const mapButton = page.getByRole('button', { name: 'Map', exact: true });
      if ((await mapButton.getAttribute('aria-pressed')) !== 'true') {
        await screenshot(page, `axe-outline-${signedIn ? 'teacher' : 'visitor'}-${size}`);
        await mapButton.click();
        await mainClaim(page).waitFor();
        found.push(...(await seriousViolations(page, `${size} map drawn as a map`)));
      }
      await screenshot(page, `axe-map-${signedIn ? 'teacher' : 'visitor'}-${size}`);
      // The map's other states once, at desktop size (axe on the whole map is slow).
      if (size === 'desktop') found.push(...(await auditMapStates(page, 'desktop map', signedIn)));
    }
  }
  await page.close();
  return found;
}

describe('accessibility (axe-core) of every page', () => {
  it('has no serious or critical violation for a visitor, at desktop and phone sizes', async () => {
    const map = await demoMapUrl(baseUrl);
    const context = await browser().newContext();
    const found = await auditAll(
      context,
      [
        `${baseUrl}/`,
        `${baseUrl}/sign-in`,
        `${baseUrl}/sign-up`,
        `${baseUrl}/privacy`,
        map,
        `${map}/brief`,
        `${map}/blocks`,
        `${map}/prep`,
        `${baseUrl}/no-such-page`,
      ],
      false,
    );
    await context.close();
    expect(found, found.join('\n')).toEqual([]);
  }, 180_000);

  it('has no serious or critical violation for the signed-in teacher, at desktop and phone sizes', async () => {
    const map = await demoMapUrl(baseUrl);
    const context = await browser().newContext();
    const page = await context.newPage();
    await signInAsDemoTeacher(page, baseUrl, startupLog);
    // A classroom of her own, made as she would, so its page can be checked.
    await page.goto(`${baseUrl}/classrooms/new`);
    await page.getByLabel('Class name').fill('Accessibility check');
    await page.getByRole('button', { name: 'Create classroom' }).click();
    await page.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    const classroom = page.url();
    const code = (await page.getByLabel('Join code').textContent())!.trim().replace('-', '');
    // A debate format of the class's own, so the class page lists one and its editor is checked.
    await page.getByRole('button', { name: 'Copy for this class: World Schools' }).click();
    await page.waitForURL(/\/formats\/[^/]+$/);
    const classFormat = page.url();
    // A practice round on the demo map, made as she would, so the rounds pages are checked.
    await page.goto(`${map}/rounds`);
    await page.getByRole('button', { name: 'Create round' }).click();
    await page.waitForURL(/\/rounds\/[^/]+$/);
    const round = page.url();
    // A source's details page: the demo's first source.
    const mapId = new URL(map).pathname.split('/').at(-1)!;
    const [source] = (await (
      await page.request.get(`${baseUrl}/api/maps/${mapId}/sources`)
    ).json()) as { id: string }[];
    await page.close();
    const found = await auditAll(
      context,
      [
        `${baseUrl}/`,
        `${baseUrl}/maps`,
        `${baseUrl}/maps/new`,
        `${baseUrl}/maps/import`,
        map,
        `${map}/brief`,
        `${map}/blocks?side=AGAINST`,
        `${map}/prep`,
        `${map}/sources/new`,
        `${map}/sources/${source!.id}`,
        `${map}/share`,
        `${map}/teams`,
        `${map}/rounds`,
        round,
        `${baseUrl}/classrooms/new`,
        classroom,
        classFormat,
        `${baseUrl}/join`,
        `${baseUrl}/join/${code}`,
        `${baseUrl}/profile`,
        `${baseUrl}/no-such-page`,
      ],
      true,
    );
    await context.close();
    expect(found, found.join('\n')).toEqual([]);
  }, 240_000);

  it('tells each relation by its line style and glyph, on the map, in the legend and in a greyscale print', async () => {
    const map = await demoMapUrl(baseUrl);
    const page = await browser().newPage({ viewport: SIZES.desktop });
    await page.goto(map);
    await mainClaim(page).waitFor();

    // Every drawn connection: its glyph and its line's dash pattern, by relation.
    const drawn = await page.locator('.react-flow__edge').evaluateAll((edges) =>
      edges.flatMap((edge) => {
        const glyph = edge.querySelector('[data-relation-glyph]');
        const line = edge.querySelector('.react-flow__edge-path');
        if (!glyph || !line) return [];
        return [
          [glyph.getAttribute('data-relation-glyph'), getComputedStyle(line).strokeDasharray],
        ];
      }),
    );
    const dashes = new Map<string, Set<string>>();
    for (const [relation, dash] of drawn)
      dashes.set(relation!, (dashes.get(relation!) ?? new Set()).add(dash!));
    expect([...dashes.keys()].sort()).toEqual(['ATTACKS', 'REPHRASES', 'SUPPORTS', 'UNDERCUTS']);
    // One line style per relation, and no two relations share one.
    for (const styles of dashes.values()) expect(styles.size).toBe(1);
    expect(new Set([...dashes.values()].map((d) => [...d][0])).size).toBe(4);

    // The legend draws the same samples beside the words.
    await page.getByRole('button', { name: 'Legend' }).click();
    const arrows = page.getByRole('list', { name: 'Arrows' }).getByRole('listitem');
    for (const word of ['supports', 'attacks', 'undercuts', 'rephrases', 'contradicts']) {
      const item = arrows.filter({ hasText: word });
      expect(await item.locator('svg [data-relation-glyph]').count()).toBe(1);
    }
    await screenshot(page, 'map-legend-open');
    await page.getByRole('button', { name: 'Legend' }).click();

    // On paper, in greyscale: the map, then the brief.
    await page.emulateMedia({ media: 'print' });
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await screenshot(page, 'map-print-greyscale');
    await page.goto(`${map}/brief`);
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await screenshot(page, 'brief-print-greyscale');
    await page.close();
  });
});
