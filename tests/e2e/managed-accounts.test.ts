import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const accountMenu = (page: Page) => page.getByRole('navigation', { name: 'Account' });

/** Clicks a field, then types as a person does. */
async function typeInto(page: Page, field: ReturnType<Page['getByLabel']>, text: string) {
  await field.click();
  await page.keyboard.type(text);
}

describe('students without email', () => {
  it('the teacher pastes a roster and gets printable cards; a student signs in with one, must choose a password, and lands in the class', async () => {
    const teacher = await signUpNewPerson(browser(), baseUrl, 'Mr Adeyemi');
    const t = teacher.page;
    await t.getByRole('link', { name: 'My maps' }).click();
    await t.getByRole('link', { name: 'New classroom' }).click();
    await typeInto(t, t.getByLabel('Class name'), 'Year 9 Debate');
    await t.getByRole('button', { name: 'Create classroom' }).click();
    await t.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    const classroomUrl = t.url();

    // The roster, typed into the box: two names per line.
    const roster = t.getByLabel('Student names');
    await roster.click();
    await t.keyboard.type('Maya Kowalski');
    await t.keyboard.press('Enter');
    await t.keyboard.type('Omar Haddad');
    await t.getByRole('button', { name: 'Create accounts and sign-in cards' }).click();
    const cards = t.getByRole('list', { name: 'Sign-in cards' });
    await cards.waitFor();
    const maya = cards.getByRole('listitem', { name: 'Sign-in card for Maya Kowalski' });
    await maya.waitFor();
    expect(await cards.getByRole('listitem').count()).toBe(2);
    const username = (await maya.getByTestId('card-username').textContent())!.trim();
    const password = (await maya.getByTestId('card-password').textContent())!.trim();
    expect(username).toMatch(/^maya\.k\.\d+$/);
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(await maya.textContent()).toContain(`${baseUrl}/sign-in`);
    await t.getByText('These passwords are shown only now.').waitFor();
    await t.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    await screenshot(t, 'managed-cards', { fullPage: true });
    // On paper, only the cards: the form and the rest of the page are gone.
    await t.emulateMedia({ media: 'print' });
    expect(
      await t.getByRole('button', { name: 'Create accounts and sign-in cards' }).isVisible(),
    ).toBe(false);
    expect(await maya.isVisible()).toBe(true);
    await t.evaluate(() => window.scrollTo(0, 0));
    await screenshot(t, 'managed-cards-print');
    await t.emulateMedia({ media: 'screen' });

    // The roster shows them, by username.
    await t.reload();
    const table = t.getByRole('table', { name: 'Roster' });
    await table.getByRole('cell', { name: username }).waitFor();
    // The password was shown once: reloading does not show it again.
    expect(await t.getByText(password).count()).toBe(0);

    // The student, in a browser of their own, signs in with the card.
    const context = await browser().newContext({ viewport: { width: 360, height: 740 } });
    const s = await context.newPage();
    s.setDefaultTimeout(12_000);
    const errors: string[] = [];
    s.on('pageerror', (e) => errors.push(e.message));
    await s.goto(`${baseUrl}/sign-in`);
    await typeInto(s, s.getByLabel('Email or username'), username.toUpperCase());
    await typeInto(s, s.getByLabel('Password'), 'wrong-pass-word');
    await s.getByRole('button', { name: 'Sign in' }).click();
    const alert = s.locator('form').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('That username and password do not match an account.');
    await s.getByLabel('Password').click();
    await s.keyboard.press('Control+A');
    await s.keyboard.type(password);
    await s.getByRole('button', { name: 'Sign in' }).click();

    // Made to choose a password before anything else.
    await s.waitForURL(/\/change-password/);
    await screenshot(s, 'managed-change-password');
    await s.goto(classroomUrl);
    await s.waitForURL(/\/change-password/);
    await typeInto(s, s.getByLabel(/^New password(?! again)/), 'maya speaks first');
    await typeInto(s, s.getByLabel('New password again'), 'maya speaks first');
    await s.getByRole('button', { name: 'Save password' }).click();
    await s.waitForURL(classroomUrl);
    await s.getByRole('heading', { name: 'Year 9 Debate' }).waitFor();
    expect(await accountMenu(s).textContent()).toContain('Maya Kowalski');
    await screenshot(s, 'managed-student-in-class');

    // The teacher resets her password: she is signed out, and the new card works.
    const row = table.getByRole('row', { name: new RegExp(username.replace(/\./g, '\\.')) });
    await row.getByRole('button', { name: 'Reset password for Maya Kowalski' }).click();
    await t.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
    const fresh = t
      .getByRole('dialog')
      .getByRole('listitem', { name: 'Sign-in card for Maya Kowalski' });
    await fresh.waitFor();
    const newPassword = (await fresh.getByTestId('card-password').textContent())!.trim();
    expect(newPassword).not.toBe(password);
    await screenshot(t, 'managed-reset-card');
    await t.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await t.setViewportSize({ width: 360, height: 740 });
    await table.scrollIntoViewIfNeeded();
    await screenshot(t, 'managed-roster-360');
    await s.reload();
    await s.waitForURL(/\/sign-in/);
    expect(errors).toEqual([]);
    expect(teacher.errors).toEqual([]);
    await context.close();
    await t.context().close();
  }, 240_000);

  it('a student with a one-time password who follows a share link chooses a password, then arrives on the shared map', async () => {
    const teacher = await signUpNewPerson(browser(), baseUrl, 'Ms Lindqvist');
    const t = teacher.page;
    await t.getByRole('link', { name: 'My maps' }).click();
    await t.getByRole('link', { name: 'New classroom' }).click();
    await typeInto(t, t.getByLabel('Class name'), 'Year 8 Debate');
    await t.getByRole('button', { name: 'Create classroom' }).click();
    await t.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    await typeInto(t, t.getByLabel('Student names'), 'Lena Berg');
    await t.getByRole('button', { name: 'Create accounts and sign-in cards' }).click();
    const card = t.getByRole('listitem', { name: 'Sign-in card for Lena Berg' });
    await card.waitFor();
    const username = (await card.getByTestId('card-username').textContent())!.trim();
    const password = (await card.getByTestId('card-password').textContent())!.trim();

    // A map of the teacher's own, shared with an edit link.
    await t.goto(`${baseUrl}/maps/new`);
    await typeInto(t, t.getByLabel('Title'), 'Shared by link');
    await typeInto(t, t.getByLabel('Motion or question under debate'), 'Should homework go?');
    await t.getByRole('button', { name: 'Create map' }).click();
    await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const mapUrl = t.url();
    await t.goto(`${mapUrl}/share`);
    await t.getByLabel('Anyone with the link can').selectOption('EDITOR');
    await t.getByRole('button', { name: 'Create link' }).click();
    const link = await t.getByLabel('New share link').inputValue();

    // Lena opens the link, signs in with her card, and must choose a password first.
    const context = await browser().newContext({ viewport: { width: 1280, height: 860 } });
    const s = await context.newPage();
    s.setDefaultTimeout(12_000);
    await s.goto(link);
    await s.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await s.waitForURL(/\/sign-in\?next=/);
    await typeInto(s, s.getByLabel('Email or username'), username);
    await typeInto(s, s.getByLabel('Password'), password);
    await s.getByRole('button', { name: 'Sign in' }).click();
    await s.waitForURL(/\/change-password\?next=%2Fs%2F/);
    await typeInto(s, s.getByLabel(/^New password(?! again)/), 'lena argues well');
    await typeInto(s, s.getByLabel('New password again'), 'lena argues well');
    await s.getByRole('button', { name: 'Save password' }).click();
    // Then the link does what it was for: she is on the map, and may edit it.
    await s.waitForURL(mapUrl);
    await s.getByRole('toolbar', { name: 'Map editing' }).waitFor({ timeout: 30_000 });
    await context.close();
    await t.context().close();
  }, 180_000);

  it('the forgot-password page, linked from sign-in, says when email reset is not set up', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(`${baseUrl}/forgot-password`);
    await page.getByText('Password reset by email is not set up on this server').waitFor();
    await screenshot(page, 'forgot-password-not-set-up');
    await context.close();
  });
});
