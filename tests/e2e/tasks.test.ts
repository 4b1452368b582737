import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { allSaved, findCard, screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const newPerson = (b: Browser, name: string) => signUpNewPerson(b, baseUrl, name);

/** The page as a person sees it at a desktop's size and a phone's. */
async function screenshots(page: Page, name: string, fullPage = false) {
  for (const [width, height] of [
    [1440, 900],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}`, { fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

/** Clicks a text field and types into it, as a person does. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.page().keyboard.press('ControlOrMeta+A');
  await field.page().keyboard.type(text);
}

/** Opens the student's Tasks dialog and reads the task's progress line ("1 of 2"). */
async function taskProgress(page: Page): Promise<{ text: string; done: boolean }> {
  await page.getByRole('button', { name: 'Tasks', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Your tasks' });
  const task = dialog.getByRole('listitem', { name: 'Two objections to Turchenko' });
  await task.waitFor();
  const text = (await task.getByText(/^\d+ of \d+$/).textContent())!;
  const done = (await task.getByText('Done', { exact: true }).count()) > 0;
  return { text, done };
}

/**
 * The form's selects too narrow for their longest choice (so a chosen one is
 * cut off), by name: each against a copy of itself left at its natural width.
 * (A select's scrollWidth can't tell: Chromium clips its text without overflow.)
 */
function cutSelects(form: Locator): Promise<string[]> {
  return form.locator('select').evaluateAll((selects) =>
    selects.flatMap((select) => {
      const natural = select.cloneNode(true) as HTMLSelectElement;
      natural.removeAttribute('name');
      natural.style.cssText =
        'position: absolute; visibility: hidden; width: auto; min-width: 0; max-width: none';
      select.after(natural);
      const needs = natural.offsetWidth;
      natural.remove();
      const has = (select as HTMLSelectElement).offsetWidth;
      return has < needs ? [`${(select as HTMLSelectElement).name}: ${has} of ${needs}px`] : [];
    }),
  );
}

async function closeTasks(page: Page) {
  await page
    .getByRole('dialog', { name: 'Your tasks' })
    .getByRole('button', { name: 'Close' })
    .click();
}

/** Selects a card of the other side and answers it with an objection typed on the keyboard. */
async function objectTo(page: Page, words: string, card: RegExp, objection: string) {
  await (await findCard(page, words, card)).click();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(objection);
  await page.keyboard.press('Enter');
  await page.locator('.react-flow__node').filter({ hasText: objection }).waitFor();
  await allSaved(page);
}

describe('tasks with a quota', () => {
  it('the teacher sets a task; the student sees 0 of 2, adds objections on the map and sees 1 of 2, then 2 of 2 done; the teacher’s progress page shows it', async () => {
    const teacher = await newPerson(browser(), 'Ms Okafor');
    const t = teacher.page;

    // A class and its map, from the demo debate.
    await t.getByRole('link', { name: 'My maps' }).click();
    await t.getByRole('link', { name: 'New classroom' }).click();
    await typeInto(t.getByLabel('Class name'), 'Year 12 Debating');
    await t.getByRole('button', { name: 'Create classroom' }).click();
    await t.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    const classroomUrl = t.url();
    const code = (await t.getByLabel('Join code').textContent())!.trim();
    await t.getByRole('link', { name: 'New map for this class' }).click();
    await typeInto(t.getByLabel('Title'), 'CSTO tasks');
    await typeInto(
      t.getByLabel('Motion or question under debate'),
      'Is Russia a credible security guarantor in the South Caucasus?',
    );
    await t.getByRole('radio', { name: /The Turchenko–Strakes debate/ }).check();
    await t.getByRole('button', { name: 'Create map' }).click();
    await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const mapUrl = t.url();
    // A copy of the whole demo debate: its first view takes a while on a busy machine.
    await t.getByRole('toolbar', { name: 'Map editing' }).waitFor({ timeout: 30_000 });

    // Amira joins and argues against the motion (Team Strakes): Turchenko's claims are the other side's.
    const student = await newPerson(browser(), 'Amira');
    const s = student.page;
    await s.goto(`${baseUrl}/join`);
    await typeInto(s.getByLabel('Join code'), code);
    await s.getByRole('button', { name: 'Join classroom' }).click();
    await s.waitForURL(classroomUrl);
    await t.goto(`${mapUrl}/teams`);
    await t.getByLabel('Team of Amira').selectOption({ label: 'Team Strakes' });
    await t.getByRole('button', { name: 'Save teams' }).click();
    await t.getByRole('status').filter({ hasText: 'Teams saved.' }).waitFor();

    // The teacher sets the task from the map's Manage menu.
    await t.goto(mapUrl);
    await t.getByText('Manage', { exact: true }).click();
    await t.getByRole('link', { name: 'Tasks and progress' }).click();
    await t.waitForURL(`${mapUrl}/progress`);
    const form = t.getByRole('form', { name: 'Set a task' });
    // Every choice shows whole, on a desktop, a tablet and a phone.
    for (const [width, height] of [
      [1440, 900],
      [768, 1024],
      [360, 740],
    ] as const) {
      await t.setViewportSize({ width, height });
      expect(await cutSelects(form), `at ${width}`).toEqual([]);
      await form.getByLabel('Answering').scrollIntoViewIfNeeded();
      await screenshot(t, `tasks-form-${width}`);
    }
    await t.setViewportSize({ width: 1280, height: 860 });
    await typeInto(form.getByLabel('Title'), 'Two objections to Turchenko');
    await typeInto(form.getByLabel('How many cards'), '2');
    await form.getByLabel('Kind of card').selectOption({ label: 'Objections' });
    await form.getByLabel('Answering').selectOption({ label: 'to the other side’s case' });
    await form.getByLabel('Due (optional)').click();
    await form.getByLabel('Due (optional)').fill('2026-12-10');
    await form.getByRole('button', { name: 'Set task' }).click();
    await t
      .getByRole('status')
      .filter({ hasText: 'Task “Two objections to Turchenko” set.' })
      .waitFor();
    const listed = t.getByRole('listitem', { name: 'Two objections to Turchenko' });
    expect(await listed.textContent()).toContain(
      'Add 2 objections to the other side’s case · for the whole class · due 10 Dec 2026 · 0 of 1 students done',
    );

    // The student sees it with nothing done yet.
    await s.goto(mapUrl);
    await s.getByRole('toolbar', { name: 'Map editing' }).waitFor({ timeout: 30_000 });
    expect(await taskProgress(s)).toEqual({ text: '0 of 2', done: false });
    await s.setViewportSize({ width: 1440, height: 900 });
    await screenshot(s, 'tasks-student-0-of-2-1440');
    await s.setViewportSize({ width: 1280, height: 860 });

    // With the dialog still open, she adds an objection to a claim of the other
    // side in another tab: the open dialog counts it, without being reopened.
    const tab = await s.context().newPage();
    await tab.goto(mapUrl);
    await tab.getByRole('toolbar', { name: 'Map editing' }).waitFor({ timeout: 30_000 });
    await objectTo(
      tab,
      'lost its credibility',
      /^claim: Russia has lost its credibility/,
      'Armenia never asked Russia to keep the peace alone',
    );
    await tab.close();
    const openTask = s
      .getByRole('dialog', { name: 'Your tasks' })
      .getByRole('listitem', { name: 'Two objections to Turchenko' });
    await openTask.getByText('1 of 2', { exact: true }).waitFor({ timeout: 15_000 });
    await closeTasks(s);

    // A second: 2 of 2, done.
    await objectTo(
      s,
      'fulfilled its duties',
      /^claim: Had Russia fulfilled its duties/,
      'Peacekeeping was never a CSTO treaty duty',
    );
    expect(await taskProgress(s)).toEqual({ text: '2 of 2', done: true });
    await s.setViewportSize({ width: 1440, height: 900 });
    await screenshot(s, 'tasks-student-done-1440');
    await closeTasks(s);
    // On a phone the map's tools are behind "Menu": the same dialog, the same count.
    await s.setViewportSize({ width: 360, height: 740 });
    await s.getByRole('button', { name: 'Menu' }).click();
    expect(await taskProgress(s)).toEqual({ text: '2 of 2', done: true });
    await screenshot(s, 'tasks-student-done-360');
    expect(await seriousViolations(s, 'student tasks dialog')).toEqual([]);
    await closeTasks(s);
    await s.setViewportSize({ width: 1280, height: 860 });

    // The teacher's page shows it, with her activity.
    await t.reload();
    const row = t
      .getByRole('table', { name: 'Class progress' })
      .getByRole('row', { name: /Amira/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Team Strakes',
      '2',
      '0',
      '0',
      '0',
      expect.stringMatching(/^\d+ min$/),
      '1 of 1',
      '2 of 2, done',
    ]);
    expect(await listed.textContent()).toContain('1 of 1 students done');
    expect(await seriousViolations(t, 'teacher progress page')).toEqual([]);
    await screenshots(t, 'tasks-teacher-progress', true);

    // The CSV has the same, for the teacher only.
    const csv = await t.request.get(`${mapUrl.replace('/maps/', '/api/maps/')}/progress.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Amira,Team Strakes,2,0,0,0,');
    const refused = await s.request.get(`${mapUrl.replace('/maps/', '/api/maps/')}/progress.csv`);
    expect(refused.status()).toBe(403);
    expect((await s.goto(`${mapUrl}/progress`))!.status()).toBe(404);

    expect([...teacher.errors, ...student.errors]).toEqual([]);
  }, 240_000);
});
