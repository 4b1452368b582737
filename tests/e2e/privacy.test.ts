import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { nodeNamed, screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const accountMenu = (page: Page) => page.getByRole('navigation', { name: 'Account' });

/** Clicks a field, then types into it as a person does. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.page().keyboard.type(text);
}

/** Clicks a download link and returns the JSON file it saves. */
async function downloadJson(page: Page, link: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return {
    name: download.suggestedFilename(),
    text: await readFile((await download.path())!, 'utf8'),
  };
}

describe('one’s own data, in Chromium', () => {
  it('a student downloads their data and deletes their account; the class map still works; the teacher erases another student’s data', async () => {
    // A class with a map, two students who joined by link.
    const teacher = await signUpNewPerson(browser(), baseUrl, 'Ms Rivera');
    const t = teacher.page;
    await t.getByRole('link', { name: 'My maps' }).click();
    await t.getByRole('link', { name: 'New classroom' }).click();
    await typeInto(t.getByLabel('Class name'), 'Period 2 Debate');
    await t.getByRole('button', { name: 'Create classroom' }).click();
    await t.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    const classroomUrl = t.url();
    const code = (await t.getByLabel('Join code').textContent())!.trim();
    await t.getByRole('link', { name: 'New map for this class' }).click();
    await typeInto(t.getByLabel('Title'), 'Privacy debate');
    await typeInto(
      t.getByLabel('Motion or question under debate'),
      'Schools should delete on request',
    );
    await t.getByRole('button', { name: 'Create map' }).click();
    await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const mapUrl = t.url();
    const mapId = new URL(mapUrl).pathname.split('/').at(-1)!;

    const [zoe, ben] = [
      await signUpNewPerson(browser(), baseUrl, 'Zoe'),
      await signUpNewPerson(browser(), baseUrl, 'Ben'),
    ];
    for (const s of [zoe, ben]) {
      await s.page.goto(`${baseUrl}/join/${code.replace('-', '')}`);
      await s.page.getByRole('button', { name: 'Join classroom' }).click();
      await s.page.waitForURL(classroomUrl);
    }
    // Zoe adds a claim to the class map (as her map page sends it).
    await zoe.page.goto(mapUrl);
    const status = await zoe.page.evaluate(async (mapId) => {
      const response = await fetch(`/api/maps/${mapId}/ops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ops: [
            {
              type: 'createNode',
              id: `zoe${Date.now()}`,
              kind: 'CLAIM',
              text: 'Zoe thinks backups expire',
              x: 0,
              y: 400,
            },
          ],
        }),
      });
      return response.status;
    }, mapId);
    expect(status).toBe(200);

    // Zoe downloads her data from her profile.
    const z = zoe.page;
    await accountMenu(z)
      .getByRole('link', { name: /Your profile/ })
      .click();
    await z.waitForURL(`${baseUrl}/profile`);
    const mine = await downloadJson(z, z.getByRole('link', { name: 'Download my data' }));
    expect(mine.name).toMatch(/^counterpoint-my-data-.*\.json$/);
    const data = JSON.parse(mine.text);
    expect(data.profile.name).toBe('Zoe');
    expect(data.classes[0].classroom.name).toBe('Period 2 Debate');
    expect(data.nodes.map((n: { text: string }) => n.text)).toEqual(['Zoe thinks backups expire']);
    expect(mine.text).not.toMatch(/passwordHash|sessionToken/);
    // On a phone the page fits the screen.
    await z.setViewportSize({ width: 360, height: 740 });
    expect(await z.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(z, 'privacy-profile-360', { fullPage: true });
    await z.setViewportSize({ width: 1440, height: 900 });

    // She deletes her account: a wrong email first, then hers.
    const email = (await z.getByText(/^Signed in as /).textContent())!.replace('Signed in as ', '');
    const confirm = z.getByLabel(/^Type .* to confirm$/);
    await typeInto(confirm, 'someone.else@example.test');
    await z.getByRole('button', { name: 'Delete my account' }).click();
    await z.getByRole('form', { name: 'Delete my account' }).getByRole('alert').waitFor();
    await screenshot(z, 'privacy-profile', { fullPage: true });
    await confirm.fill('');
    await typeInto(confirm, email);
    await z.getByRole('button', { name: 'Delete my account' }).click();
    await z.waitForURL(`${baseUrl}/`);
    await accountMenu(z).getByRole('link', { name: 'Sign in' }).waitFor();
    await z.goto(`${baseUrl}/profile`);
    await z.waitForURL(/\/sign-in/);

    // Ben's class map still has her claim, without her.
    await ben.page.goto(mapUrl);
    await nodeNamed(ben.page, /^claim: Zoe thinks backups expire/).waitFor();
    expect(ben.errors).toEqual([]);
    await ben.page.goto(`${baseUrl}/privacy`);
    await ben.page.getByRole('heading', { name: 'Your data and privacy' }).waitFor();
    await ben.page.setViewportSize({ width: 360, height: 740 });
    await screenshot(ben.page, 'privacy-page-360', { fullPage: true });

    // The teacher: Zoe has left the roster; Ben's data downloads, then is erased.
    await t.goto(classroomUrl);
    const roster = t.getByRole('table', { name: 'Roster' });
    await roster.getByRole('cell', { name: 'Ben', exact: true }).waitFor();
    expect(await roster.getByRole('cell', { name: 'Zoe', exact: true }).count()).toBe(0);
    const bens = await downloadJson(t, roster.getByRole('link', { name: 'Download data of Ben' }));
    expect(JSON.parse(bens.text).student.name).toBe('Ben');
    await t.setViewportSize({ width: 360, height: 740 });
    await roster.scrollIntoViewIfNeeded();
    await screenshot(t, 'privacy-roster-360');
    await t.setViewportSize({ width: 1440, height: 900 });
    await roster.getByRole('button', { name: 'Delete data of Ben' }).click();
    const dialog = t.getByRole('dialog', { name: 'Delete Ben’s data in this class?' });
    await screenshot(t, 'privacy-roster-dialog');
    await dialog.getByRole('button', { name: 'Delete data of Ben' }).click();
    await t.getByText('No students yet.', { exact: false }).waitFor();
    expect(teacher.errors).toEqual([]);
    expect(zoe.errors).toEqual([]);
  }, 240_000);
});
