import type { Browser } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { findCard, nodeNamed, screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const newPerson = (b: Browser, name: string) => signUpNewPerson(b, baseUrl, name);

/** An edit sent as a page of this site would send it (a foreign site's is refused before any lookup). */
const postOp = (mapId: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/maps/${mapId}/ops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...headers },
    body: JSON.stringify({
      ops: [
        {
          type: 'createNode',
          id: `n${Date.now()}`,
          kind: 'CLAIM',
          text: 'From outside',
          x: 0,
          y: 0,
        },
      ],
    }),
  });

describe('a class, its teams and its links', () => {
  it('teacher makes a class and a map from the demo, students join by code and link, get teams; a view link shows the map read-only until it is revoked', async () => {
    const teacher = await newPerson(browser(), 'Ms Okafor');
    const t = teacher.page;

    // The classroom, with its code and link.
    await t.getByRole('link', { name: 'My maps' }).click();
    await t.getByRole('link', { name: 'New classroom' }).click();
    await t.getByLabel('Class name').fill('Year 11 Politics');
    await t.getByRole('button', { name: 'Create classroom' }).click();
    await t.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    const classroomUrl = t.url();
    const code = (await t.getByLabel('Join code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const joinLink = (await t.getByText(`/join/${code.replace('-', '')}`).textContent())!.trim();
    await screenshot(t, 'classroom-empty');

    // A map for the class, from the demo.
    await t.getByRole('link', { name: 'New map for this class' }).click();
    await t.getByLabel('Title').fill('CSTO debate, Year 11');
    await t
      .getByLabel('Motion or question under debate')
      .fill('Is Russia a credible security guarantor in the South Caucasus?');
    expect(await t.getByLabel('For the class').inputValue()).not.toBe('');
    await t.getByRole('button', { name: 'Create map' }).click();
    await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const mapId = new URL(t.url()).pathname.split('/').at(-1)!;
    await nodeNamed(t, /^claim: Russia has lost its credibility/).waitFor();

    // Two students: one types the code (after a typo), one follows the link.
    const amira = await newPerson(browser(), 'Amira');
    await amira.page.goto(`${baseUrl}/join`);
    await amira.page.getByLabel('Join code').fill('WRONG-CODE');
    await amira.page.getByRole('button', { name: 'Join classroom' }).click();
    await amira.page
      .locator('form')
      .getByRole('alert')
      .filter({ hasText: 'No classroom has that code' })
      .waitFor();
    expect(await amira.page.getByLabel('Join code').inputValue()).toBe('WRONG-CODE');
    await amira.page.getByLabel('Join code').fill(code.toLowerCase());
    await amira.page.getByRole('button', { name: 'Join classroom' }).click();
    await amira.page.waitForURL(classroomUrl);
    await amira.page.getByRole('link', { name: /CSTO debate, Year 11/ }).waitFor();

    const ben = await newPerson(browser(), 'Ben');
    await ben.page.goto(joinLink);
    await ben.page.getByRole('button', { name: 'Join classroom' }).click();
    await ben.page.waitForURL(classroomUrl);

    await t.goto(classroomUrl);
    const roster = t.getByRole('table', { name: 'Roster' });
    await roster.getByRole('cell', { name: 'Amira', exact: true }).waitFor();
    await roster.getByRole('cell', { name: 'Ben', exact: true }).waitFor();
    await screenshot(t, 'classroom-roster');

    // Different teams, by hand.
    await t.goto(`${baseUrl}/maps/${mapId}/teams`);
    await t.getByLabel('Team of Amira').selectOption({ label: 'Team Turchenko' });
    await t.getByLabel('Team of Ben').selectOption({ label: 'Team Strakes' });
    await t.getByRole('button', { name: 'Save teams' }).click();
    await t.getByRole('status').filter({ hasText: 'Teams saved.' }).waitFor();
    await t.reload();
    expect(await t.getByLabel('Team of Amira').locator('option:checked').textContent()).toBe(
      'Team Turchenko',
    );
    expect(await t.getByLabel('Team of Ben').locator('option:checked').textContent()).toBe(
      'Team Strakes',
    );
    await screenshot(t, 'teams');

    // The students can open and edit the class map.
    await amira.page.goto(`${baseUrl}/maps/${mapId}`);
    await amira.page.getByRole('toolbar', { name: 'Map editing' }).waitFor();

    // A view link.
    await t.goto(`${baseUrl}/maps/${mapId}/share`);
    await t.getByLabel('Anyone with the link can').selectOption('VIEWER');
    await t.getByRole('button', { name: 'Create link' }).click();
    const link = await t.getByLabel('New share link').inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/s/[A-Za-z0-9_-]{32}$`));
    await screenshot(t, 'share-links');

    const visitorContext = await browser().newContext({ viewport: { width: 1280, height: 860 } });
    const visitor = await visitorContext.newPage();
    await visitor.goto(link);
    await nodeNamed(visitor, /^claim: Russia has lost its credibility/).waitFor();
    expect(await visitor.getByRole('toolbar', { name: 'Map editing' }).count()).toBe(0);
    expect(await visitor.locator('meta[property="og:title"]').getAttribute('content')).toBe(
      'CSTO debate, Year 11',
    );
    await screenshot(visitor, 'share-link-visitor');
    const token = link.split('/s/')[1]!;
    expect((await postOp(mapId, { 'x-share-token': token })).status).toBe(403);
    expect((await postOp(mapId)).status).toBe(404);

    // Revoked: a clear page, and the token admits nothing.
    await t
      .getByRole('button', { name: /^Revoke/ })
      .first()
      .click();
    await t.getByRole('table', { name: 'Share links' }).getByText('revoked').waitFor();
    await visitor.reload();
    await visitor.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();
    expect(await visitor.content()).not.toContain('CSTO debate, Year 11');
    expect((await postOp(mapId, { 'x-share-token': token })).status).toBe(404);
    await screenshot(visitor, 'share-link-revoked');

    // A removed student's open tab can no longer change the map.
    await t.goto(classroomUrl);
    await t.getByRole('button', { name: 'Remove Ben' }).click();
    await t
      .getByRole('dialog', { name: 'Remove Ben from the class?' })
      .getByRole('button', { name: 'Remove Ben' })
      .click();
    await t
      .getByRole('table', { name: 'Roster' })
      .getByRole('cell', { name: 'Ben', exact: true })
      .waitFor({ state: 'detached' });
    const benOp = await ben.page.evaluate(async (mapId) => {
      const response = await fetch(`/api/maps/${mapId}/ops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ops: [
            {
              type: 'createNode',
              id: `ben${Date.now()}`,
              kind: 'CLAIM',
              text: 'Too late',
              x: 0,
              y: 0,
            },
          ],
        }),
      });
      return response.status;
    }, mapId);
    expect(benOp).toBe(404);

    expect([...teacher.errors, ...amira.errors, ...ben.errors]).toEqual([]);
    await Promise.all([
      teacher.page.context().close(),
      amira.page.context().close(),
      ben.page.context().close(),
      visitorContext.close(),
    ]);
  });

  it('opens a deep link to one claim through a view link, centred and selected', async () => {
    const teacher = await newPerson(browser(), 'Mr Lindqvist');
    const t = teacher.page;
    await t.goto(`${baseUrl}/maps/new`);
    await t.getByLabel('Title').fill('Deep links');
    await t
      .getByLabel('Motion or question under debate')
      .fill('Is Russia a credible security guarantor?');
    await t.getByRole('button', { name: 'Create map' }).click();
    await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const mapId = new URL(t.url()).pathname.split('/').at(-1)!;
    const claim = await findCard(
      t,
      'has lost its credibility',
      /^claim: Russia has lost its credibility/,
    );
    await claim.click();
    const nodeId = await t.locator('.react-flow__node.selected').getAttribute('data-id');
    await t.goto(`${baseUrl}/maps/${mapId}/share`);
    await t.getByRole('button', { name: 'Create link' }).click();
    const link = await t.getByLabel('New share link').inputValue();

    const visitor = await (await browser().newContext()).newPage();
    await visitor.goto(`${link}?node=${nodeId}`);
    const selected = visitor.locator('.react-flow__node.selected');
    await selected.waitFor();
    expect(await selected.getAttribute('data-id')).toBe(nodeId);
    expect(
      await visitor
        .getByRole('complementary', { name: 'Source reader' })
        .locator('mark[aria-current="true"]')
        .count(),
    ).toBeGreaterThan(0);
    await visitor.context().close();
    await t.context().close();
  });
});
