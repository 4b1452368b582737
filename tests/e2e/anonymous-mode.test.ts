import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { findCard, screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const newPerson = (b: Browser, name: string) => signUpNewPerson(b, baseUrl, name);
const CLAIM = /^claim: Russia has lost its credibility/;

/** axe-core's serious and critical violations in `scope` (as accessibility.test.ts runs it). */
async function seriousViolations(page: Page, scope: string): Promise<string[]> {
  const axePath = path.join(
    path.dirname(createRequire(import.meta.url).resolve('axe-core')),
    'axe.min.js',
  );
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(await readFile(axePath, 'utf8'));
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (c: Element) => Promise<AxeResults> } }).axe;
    return (await axe.run(document.querySelector(selector)!)).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, scope);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.targets.join(' | ')}`);
}

/** The page at a desktop's, a tablet's and a phone's size. */
async function screenshots(page: Page, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [768, 1024],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** Clicks a text field and types into it, as a person does. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.page().keyboard.press('ControlOrMeta+A');
  await field.page().keyboard.type(text);
}

/** Selects the claim and opens its discussion. */
async function openDiscussion(page: Page) {
  await (await findCard(page, 'has lost its credibility', CLAIM)).click();
  await page.getByRole('tab', { name: /^Discussion/ }).click();
  return page.getByRole('region', { name: 'Discussion of the selected node' });
}

const live = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /^Live$/ })
    .waitFor({ timeout: 30_000 });

describe('anonymous mode', () => {
  it('the teacher makes the map anonymous after a warning; a classmate then appears to a student as "Student N", by name to the teacher, and it cannot be undone', async () => {
    const teacher = await newPerson(browser(), 'Ms Rivera');
    const t = teacher.page;
    await t.getByRole('link', { name: 'My maps' }).click();
    await t.getByRole('link', { name: 'New classroom' }).click();
    await typeInto(t.getByLabel('Class name'), 'Year 11 Debating');
    await t.getByRole('button', { name: 'Create classroom' }).click();
    await t.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    const classroomUrl = t.url();
    const code = (await t.getByLabel('Join code').textContent())!.trim();
    await t.getByRole('link', { name: 'New map for this class' }).click();
    await typeInto(t.getByLabel('Title'), 'CSTO, anonymously');
    await typeInto(
      t.getByLabel('Motion or question under debate'),
      'Is Russia a credible security guarantor in the South Caucasus?',
    );
    await t.getByRole('radio', { name: /The Turchenko–Strakes debate/ }).check();
    await t.getByRole('button', { name: 'Create map' }).click();
    await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const mapUrl = t.url();
    const mapId = new URL(mapUrl).pathname.split('/')[2]!;
    await t.getByRole('toolbar', { name: 'Map editing' }).waitFor({ timeout: 30_000 });

    // Two students join; Amira comments on a claim while her name still shows.
    const amira = await newPerson(browser(), 'Amira Haddad');
    const ben = await newPerson(browser(), 'Ben Carter');
    for (const s of [amira.page, ben.page]) {
      await s.goto(`${baseUrl}/join`);
      await typeInto(s.getByLabel('Join code'), code);
      await s.getByRole('button', { name: 'Join classroom' }).click();
      await s.waitForURL(classroomUrl);
    }
    const a = amira.page;
    const b = ben.page;
    await a.goto(mapUrl);
    await live(a);
    const aDiscussion = await openDiscussion(a);
    await aDiscussion.getByRole('combobox', { name: 'New comment' }).click();
    await a.keyboard.type('The treaty was never enforced');
    await aDiscussion.getByRole('button', { name: 'Comment', exact: true }).click();
    await aDiscussion.getByRole('article', { name: 'Thread started by Amira Haddad' }).waitFor();

    await b.goto(mapUrl);
    await live(b);
    const bDiscussion = await openDiscussion(b);
    await bDiscussion.getByRole('article', { name: 'Thread started by Amira Haddad' }).waitFor();
    expect(await b.getByRole('note').filter({ hasText: 'Anonymous map' }).count()).toBe(0);

    // The teacher turns it on from the Manage menu, after a dialog that says it is for good.
    await t.goto(mapUrl);
    await live(t);
    await t.getByText('Manage', { exact: true }).click();
    await t.getByRole('button', { name: 'Make anonymous…' }).click();
    const dialog = t.getByRole('dialog', { name: 'Make this map anonymous?' });
    await dialog.getByText('This cannot be turned off.').waitFor();
    expect(await seriousViolations(t, 'dialog[open]')).toEqual([]);
    await screenshots(t, 'anonymous-confirm');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await b.getByRole('note').filter({ hasText: 'Anonymous map' }).count()).toBe(0);
    await t.getByRole('button', { name: 'Make anonymous…' }).click();
    await dialog.getByRole('button', { name: 'Make anonymous for good' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Ben's open page switches without a reload: the banner, and Amira as a pseudonym.
    const banner = b.getByRole('note').filter({ hasText: 'Anonymous map' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(
      /^Anonymous map — classmates appear as pseudonyms; your teacher sees names\. You appear as Student \d+\.$/,
    );
    const thread = bDiscussion.getByRole('article', { name: /^Thread started by Student \d+$/ });
    await thread.waitFor();
    const amiraAs = /Student \d+/.exec((await thread.getAttribute('aria-label'))!)![0];
    expect(await banner.textContent()).not.toContain(`${amiraAs}.`);
    // Presence catches up at the next heartbeat: Amira's avatar is "S<n>", named by the pseudonym.
    const here = b.getByRole('list', { name: /^Also here:/ });
    await expect
      .poll(async () => here.getAttribute('aria-label'), { timeout: 25_000 })
      .toContain(amiraAs);
    expect(await here.getAttribute('aria-label')).not.toContain('Amira');
    expect(await here.getByText(amiraAs.replace('Student ', 'S'), { exact: true }).count()).toBe(1);
    await screenshots(b, 'anonymous-student');

    // Nothing Ben's browser is sent names her: the page itself, and the routes it reads.
    await b.reload();
    await live(b);
    const bodies = await b.evaluate(async (id) => {
      const read = (url: string) => fetch(url).then((r) => r.text());
      return [
        document.documentElement.outerHTML,
        await read(`/api/maps/${id}/social?history=1`),
        await read(`/api/maps/${id}/history`),
        await read(`/api/maps/${id}`),
        await read(`/api/maps/${id}/rounds`),
        await read(`/api/maps/${id}/rounds/list`),
        await read(`/api/maps/${id}/export?format=backup`),
      ];
    }, mapId);
    for (const body of bodies) expect(body).not.toMatch(/Amira|Haddad|amira-haddad/);
    expect(bodies[1]).toContain(amiraAs);

    // The teacher sees her name with the pseudonym beside it; the menu says it is for good.
    const tDiscussion = await openDiscussion(t);
    await tDiscussion
      .getByRole('article', { name: `Thread started by Amira Haddad (${amiraAs})` })
      .waitFor();
    await t
      .getByRole('note')
      .filter({ hasText: 'students see each other as pseudonyms; you see their names' })
      .waitFor();
    await t.getByText('Manage', { exact: true }).click();
    await t.getByText('Anonymous for good').waitFor();
    expect(await t.getByRole('button', { name: 'Make anonymous…' }).count()).toBe(0);
    await screenshots(t, 'anonymous-teacher');

    // Not even the API turns it off.
    const refusal = await t.evaluate(async (id) => {
      const response = await fetch(`/api/maps/${id}/anonymous`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ anonymous: false }),
      });
      return { status: response.status, body: await response.json() };
    }, mapId);
    expect(refusal.status).toBe(409);
    expect(refusal.body.error.code).toBe('CONFLICT');
    await b.reload();
    await b.getByRole('note').filter({ hasText: 'Anonymous map' }).waitFor();

    expect([...teacher.errors, ...amira.errors, ...ben.errors]).toEqual([]);
  }, 240_000);
});
