import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { nodeNamed, screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/**
 * Two cards that attack each other, one above the other (A, B), and two side
 * by side (C, D), plus a claim they bear on: the pairs whose return arrows
 * used to hide behind the cards.
 */
const MUTUAL_MAP = {
  format: 'counterpoint-backup',
  version: 1,
  map: { title: 'Mutual attacks', motion: 'Sanctions should be lifted' },
  sources: [],
  nodes: [
    { id: 'm', kind: 'CLAIM', text: 'Sanctions should be lifted', side: 'FOR', x: 300, y: -320 },
    { id: 'a', kind: 'OBJECTION', text: 'Sanctions hurt ordinary people', side: 'FOR', x: 0, y: 0 },
    {
      id: 'b',
      kind: 'OBJECTION',
      text: 'Ordinary people back the regime',
      side: 'AGAINST',
      x: 30,
      y: 260,
    },
    { id: 'c', kind: 'OBJECTION', text: 'Trade ties keep talks open', side: 'FOR', x: 420, y: 60 },
    {
      id: 'd',
      kind: 'OBJECTION',
      text: 'Talks have failed for a decade',
      side: 'AGAINST',
      x: 760,
      y: 60,
    },
  ],
  edges: [
    { id: 'ma', fromId: 'a', toId: 'm', relation: 'SUPPORTS' },
    { id: 'ab', fromId: 'a', toId: 'b', relation: 'ATTACKS' },
    { id: 'ba', fromId: 'b', toId: 'a', relation: 'ATTACKS' },
    { id: 'cd', fromId: 'c', toId: 'd', relation: 'ATTACKS' },
    { id: 'dc', fromId: 'd', toId: 'c', relation: 'ATTACKS' },
  ],
};

/** Imports MUTUAL_MAP as a new map through the import page, as its owner would. */
async function importMutualMap(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/maps/import`);
  await page.getByLabel(/^File/).setInputFiles({
    name: 'mutual.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(MUTUAL_MAP)),
  });
  await page.getByRole('button', { name: 'Import as a new map' }).click();
  await page.waitForURL(
    (url) => /^\/maps\/[\w-]+$/.test(url.pathname) && !url.pathname.endsWith('/import'),
  );
  await nodeNamed(page, /^claim: Sanctions should be lifted/).waitFor();
}

type EdgeLook = {
  d: string;
  /** Of 40 points spread along the line, how many a card covers. */
  covered: number;
  /** Whether the arrowhead, just before the line's end, is covered by a card. */
  headCovered: boolean;
  /** How far the line's end is from the card it points at, in screen pixels. */
  endToTarget: number;
};

/** How a drawn connection looks on screen: what of it a card hides, and where its arrow lands. */
function edgeLook(page: Page, from: string, to: string): Promise<EdgeLook> {
  return page.evaluate(
    ([from, to]) => {
      const label = (t: string) => `objection: ${t}`;
      const edge = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].find(
        (g) => g.getAttribute('aria-label') === `"${from}" attacks "${to}"`,
      );
      if (!edge) throw new Error(`no connection from "${from}" to "${to}"`);
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const matrix = path.getScreenCTM()!;
      const at = (length: number) => {
        const p = path.getPointAtLength(length);
        return new DOMPoint(p.x, p.y).matrixTransform(matrix);
      };
      const total = path.getTotalLength();
      const isCovered = (p: DOMPoint) =>
        document.elementFromPoint(p.x, p.y)?.closest('.react-flow__node') != null;
      let covered = 0;
      for (let i = 0; i < 40; i++) if (isCovered(at((total * (i + 0.5)) / 40))) covered++;
      const target = [...document.querySelectorAll('.react-flow__node')].find(
        (n) => n.getAttribute('aria-label') === label(to),
      )!;
      const box = target.getBoundingClientRect();
      const end = at(total);
      const dx = Math.max(box.left - end.x, 0, end.x - box.right);
      const dy = Math.max(box.top - end.y, 0, end.y - box.bottom);
      return {
        d: path.getAttribute('d') ?? '',
        covered,
        headCovered: isCovered(at(Math.max(total - 6, 0))),
        endToTarget: Math.hypot(dx, dy),
      };
    },
    [from, to] as const,
  );
}

describe('how a map reads in Chromium', () => {
  it('draws both directions of a mutual attack in view, each with its own arrowhead on its target', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Edger', {
      width: 1440,
      height: 900,
    });
    await importMutualMap(page);
    await page.getByRole('button', { name: 'Fit view' }).click();
    const pairs = [
      ['Sanctions hurt ordinary people', 'Ordinary people back the regime'],
      ['Trade ties keep talks open', 'Talks have failed for a decade'],
    ] as const;
    // A line meets a card only where it leaves and where it arrives; its
    // arrowhead is in view, at the card it points to.
    const inView = (look: EdgeLook) =>
      look.covered <= 2 && !look.headCovered && look.endToTarget < 4;
    for (const [one, other] of pairs) {
      await expect
        .poll(async () => {
          const there = await edgeLook(page, one, other);
          const back = await edgeLook(page, other, one);
          return {
            distinct: there.d !== back.d,
            there: inView(there) || there,
            back: inView(back) || back,
          };
        })
        .toEqual({ distinct: true, there: true, back: true });
    }
    await screenshot(page, 'mutual-attacks');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('hides the overview that covers the canvas’s corner, and keeps it hidden on reload until shown again', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Ovid Overview', {
      width: 1440,
      height: 900,
    });
    await importMutualMap(page);
    const overview = page.getByRole('img', { name: /^Overview of the whole map/ });
    const toggle = page.getByRole('button', { name: 'Overview' });
    await overview.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await overview.waitFor({ state: 'detached' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await screenshot(page, 'overview-hidden');
    // This browser remembers: the map opens again without it.
    await page.reload();
    await page.getByRole('button', { name: 'Overview', pressed: false }).waitFor();
    expect(await overview.count()).toBe(0);
    await page.getByRole('button', { name: 'Overview' }).click();
    await overview.waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws its icons instead of typing emoji: no pictograph in the page, and the open-threads badge is named', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Iconic', {
      width: 1440,
      height: 900,
    });
    await importMutualMap(page);
    const claim = nodeNamed(page, /^claim: Sanctions should be lifted/);
    await claim.click();
    await page.getByRole('tab', { name: /^Discussion/ }).click();
    await page.getByRole('combobox', { name: 'New comment' }).click();
    await page.keyboard.type('Which sanctions do we mean?');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const badge = claim.getByLabel('1 open thread');
    await badge.waitFor();
    expect(await badge.innerText()).toBe('1');
    expect(await badge.locator('svg').count()).toBe(1);
    // Emoji, dingbats and geometric shapes as text need a font these
    // machines lack (an empty box); icons are drawn instead.
    const text = await page.locator('body').innerText();
    expect(text.match(/[\p{Extended_Pictographic}\u25A0-\u27BF\u27C0-\u27EF]/gu)).toBeNull();
    await screenshot(page, 'map-icons');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('empties the comment box as a comment is sent, and gives the words back when the server refuses it', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Commenter', {
      width: 1440,
      height: 900,
    });
    await importMutualMap(page);
    await nodeNamed(page, /^claim: Sanctions should be lifted/).click();
    await page.getByRole('tab', { name: /^Discussion/ }).click();
    const discussion = page.getByRole('region', { name: 'Discussion of the selected node' });
    const box = discussion.getByRole('combobox', { name: 'New comment' });
    const posts = (url: URL) => url.pathname.endsWith('/social');

    // A slow answer: the words leave the box at once, and the button says they are on their way.
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    await page.route(posts, async (route) => {
      if (route.request().method() === 'POST') await held;
      await route.continue();
    });
    await box.click();
    await page.keyboard.type('Which sanctions do we mean?');
    await discussion.getByRole('button', { name: 'Comment', exact: true }).click();
    await discussion.getByRole('button', { name: 'Sending…' }).waitFor();
    expect(await box.inputValue()).toBe('');
    answer();
    await discussion
      .getByRole('article')
      .filter({ hasText: 'Which sanctions do we mean?' })
      .waitFor();
    expect(await box.inputValue()).toBe('');
    await page.unroute(posts);

    // Refused: the words come back, to be sent again, and the reason is shown.
    await page.route(posts, (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            contentType: 'application/json',
            body: JSON.stringify({
              error: { code: 'INVALID', message: 'That comment was refused.' },
            }),
          })
        : route.continue(),
    );
    await box.click();
    await page.keyboard.type('And who would lift them?');
    await discussion.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect.poll(() => box.inputValue()).toBe('And who would lift them?');
    await page.getByText('That comment was refused.').waitFor();
    await screenshot(page, 'comment-refused');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the owner name share links, and lists each with its name, role, creation and expiry', async () => {
    const { page, errors } = await signUpNewPerson(browser(), baseUrl, 'Sharer', {
      width: 1440,
      height: 900,
    });
    await importMutualMap(page);
    await page.goto(`${page.url()}/share`);
    const create = async (name: string, role: string, expires: string) => {
      await page.getByLabel('Name (optional)').click();
      await page.keyboard.type(name);
      await page.getByLabel('Anyone with the link can').selectOption({ label: role });
      await page.getByLabel('Expires').selectOption({ label: expires });
      await page.getByRole('button', { name: 'Create link' }).click();
      await page.getByLabel('New share link').waitFor();
      await page
        .getByRole('table', { name: 'Share links' })
        .getByRole('rowheader', { name })
        .waitFor();
    };
    await create('Year 11 parents', 'View', 'In 30 days');
    // The form is ready for the next link: the name box is empty again.
    expect(await page.getByLabel('Name (optional)').inputValue()).toBe('');
    await create('Debate club editors', 'Edit (after signing in)', 'In 1 day');

    const row = (name: string) =>
      page.getByRole('table', { name: 'Share links' }).getByRole('row', { name: new RegExp(name) });
    const describe = async (name: string) => {
      const r = row(name);
      const [created, expires] = await r
        .locator('time')
        .evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));
      return {
        name: await r.getByRole('rowheader').innerText(),
        role: await r.getByRole('cell').first().innerText(),
        days: Math.round((expires! - created!) / 86_400_000),
        // Its revoke control says which link it revokes.
        revoke: await r
          .getByRole('form', { name: `Revoke the link “${name}”` })
          .getByRole('button', { name: 'Revoke' })
          .count(),
      };
    };
    expect(await describe('Year 11 parents')).toEqual({
      name: 'Year 11 parents',
      role: 'View',
      days: 30,
      revoke: 1,
    });
    expect(await describe('Debate club editors')).toEqual({
      name: 'Debate club editors',
      role: 'Edit',
      days: 1,
      revoke: 1,
    });
    await screenshot(page, 'share-links-named');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
