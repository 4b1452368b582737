import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const newPerson = (b: Browser, name: string) =>
  signUpNewPerson(b, baseUrl, name, { width: 1440, height: 900 });

/** Clicks a field, selects what is in it and types over it, as a person does. */
async function retype(field: Locator, text: string) {
  await field.click();
  await field.page().keyboard.press('ControlOrMeta+A');
  await field.page().keyboard.type(text);
}

/** The whole page at 1440×900 and at 360×740 (where nothing may stick out sideways), then back. */
async function screenshots(page: Page, name: string) {
  await screenshot(page, `${name}-1440`, { fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(page, `${name}-360`, { fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The time the class page shows for a speech of a class format. */
const timeOf = (page: Page, format: string, speech: string) =>
  page
    .getByRole('table', { name: `Speeches of ${format}` })
    .getByRole('row', { name: speech })
    .getByRole('cell')
    .nth(2)
    .textContent();

describe('a class’s own debate format', () => {
  it('the teacher copies World Schools, shortens the first speech to five minutes, and the class sees it', async () => {
    const teacher = await newPerson(browser(), 'Mr Haddad');
    const t = teacher.page;
    await t.goto(`${baseUrl}/classrooms/new`);
    await t.getByLabel('Class name').click();
    await t.keyboard.type('Debate club');
    await t.getByRole('button', { name: 'Create classroom' }).click();
    await t.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    const classroomUrl = t.url();
    const code = (await t.getByLabel('Join code').textContent())!.trim();

    await t.getByRole('button', { name: 'Copy for this class: World Schools' }).click();
    await t.waitForURL(/\/formats\/[^/]+$/);
    await t.getByRole('heading', { name: 'Edit “World Schools (our class)”' }).waitFor();
    const firstMinutes = t.getByLabel('Speech 1 minutes', { exact: true });
    expect(await firstMinutes.inputValue()).toBe('8');

    // A speech of no time is refused, and the error is beside the speech's time.
    await retype(firstMinutes, '0');
    await retype(t.getByLabel('Speech 1 seconds', { exact: true }), '0');
    await t.getByRole('button', { name: 'Save format' }).click();
    await t.getByRole('alert').filter({ hasText: 'A speech lasts at least a second' }).waitFor();
    expect(await firstMinutes.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await firstMinutes.getAttribute('aria-describedby'))!;
    expect(await t.locator(`[id="${describedBy}"]`).textContent()).toBe(
      'A speech lasts at least a second',
    );
    // What was typed elsewhere is still there to correct.
    expect(await t.getByLabel('Speech 2 minutes', { exact: true }).inputValue()).toBe('8');

    await retype(firstMinutes, '5');
    // The Proposition replies first in this class: its reply moves up a place.
    await t.getByRole('button', { name: 'Move speech 8 up' }).click();
    expect(await t.getByLabel('Speech 7 name', { exact: true }).inputValue()).toBe(
      'Proposition Reply',
    );
    await t.getByRole('button', { name: 'Save format' }).click();
    await t.getByRole('status').filter({ hasText: 'saved' }).waitFor();
    expect(await firstMinutes.getAttribute('aria-invalid')).toBeNull();
    await t.reload();
    expect(await t.getByLabel('Speech 1 minutes', { exact: true }).inputValue()).toBe('5');
    expect(await t.getByLabel('Speech 7 name', { exact: true }).inputValue()).toBe(
      'Proposition Reply',
    );
    await screenshots(t, 'class-format-edit');

    await t.getByRole('link', { name: 'Back to Debate club' }).click();
    await t.waitForURL(classroomUrl);
    const name = 'World Schools (our class)';
    expect(await timeOf(t, name, 'P1 First Proposition')).toBe('5:00');
    expect(await timeOf(t, name, 'O1 First Opposition')).toBe('8:00');
    await t.getByRole('link', { name: `Edit ${name}` }).waitFor();
    await screenshots(t, 'class-formats');

    // A student reads the class's format, and has nothing to change it with.
    const student = await newPerson(browser(), 'Lina');
    const s = student.page;
    await s.goto(`${baseUrl}/join/${code.replace('-', '')}`);
    await s.getByRole('button', { name: 'Join classroom' }).click();
    await s.waitForURL(classroomUrl);
    expect(await timeOf(s, name, 'P1 First Proposition')).toBe('5:00');
    expect(await s.getByRole('link', { name: `Edit ${name}` }).count()).toBe(0);
    expect(await s.getByRole('button', { name: /Copy for this class|Delete/ }).count()).toBe(0);

    // Deleting asks first, then the format is gone for everyone.
    await t.getByRole('button', { name: `Delete ${name}` }).click();
    await t
      .getByRole('dialog', { name: `Delete ${name}?` })
      .getByRole('button', { name: `Delete ${name}` })
      .click();
    await t.getByRole('table', { name: `Speeches of ${name}` }).waitFor({ state: 'detached' });
    await s.reload();
    await s.getByText('Your teacher has not set up a debate format for the class yet.').waitFor();

    expect(teacher.errors).toEqual([]);
    expect(student.errors).toEqual([]);
  });
});
