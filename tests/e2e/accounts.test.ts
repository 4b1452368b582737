import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, screenshot, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const formAlert = (page: Page) => page.locator('form').getByRole('alert');
const accountMenu = (page: Page) => page.getByRole('navigation', { name: 'Account' });

describe('accounts in Chromium', () => {
  it('signs up, signs out, refuses a wrong password and signs in again', async () => {
    const { page, errors } = await openPage(browser(), { width: 1280, height: 800 });
    const email = `student-${Date.now()}@example.test`;
    await page.goto(`${baseUrl}/`);
    await accountMenu(page).getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Your name').fill('Ana Student');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await formAlert(page).waitFor();
    expect(await formAlert(page).textContent()).toContain('one of the most common');

    await page.getByLabel('Password').fill('the caucasus in winter');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await accountMenu(page).textContent()).toContain('Ana Student');
    await screenshot(page, 'signed-in');

    await accountMenu(page).getByRole('button', { name: 'Sign out' }).click();
    await accountMenu(page).getByRole('link', { name: 'Sign in' }).waitFor();

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await formAlert(page).waitFor();
    expect(await formAlert(page).textContent()).toBe(
      'That email and password do not match an account.',
    );
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await screenshot(page, 'sign-in-error');

    await page.getByLabel('Password').fill('the caucasus in winter');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await accountMenu(page).textContent()).toContain('Ana Student');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never says an email is taken: signing up with it answers as signing in would', async () => {
    const { page, errors } = await openPage(browser(), { width: 1280, height: 800 });
    const email = `taken-${Date.now()}@example.test`;
    const signUpAs = async (name: string, password: string) => {
      await page.goto(`${baseUrl}/sign-up`);
      await page.getByLabel('Your name').fill(name);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
    };
    await signUpAs('Bea Owner', 'the caucasus in spring');
    await page.waitForURL(`${baseUrl}/`);
    await accountMenu(page).getByRole('button', { name: 'Sign out' }).click();
    await accountMenu(page).getByRole('link', { name: 'Sign in' }).waitFor();

    // Someone else tries the same email: the sign-in's words, nothing about an account existing.
    await signUpAs('Mallory', 'a different long phrase');
    await formAlert(page).waitFor();
    expect(await formAlert(page).textContent()).toBe(
      'That email and password do not match an account.',
    );
    // The owner, signing up again by mistake with their own password, is simply signed in.
    await signUpAs('Bea Again', 'the caucasus in spring');
    await page.waitForURL(`${baseUrl}/`);
    expect(await accountMenu(page).textContent()).toContain('Bea Owner');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the demo teacher sign in with the password printed at start', async () => {
    const line = /teacher\s+(\S+@\S+)\s+(\S+)/.exec(inject('startupLog'));
    expect(line).not.toBeNull();
    const { page } = await openPage(browser());
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(line![1]!);
    await page.getByLabel('Password').fill(line![2]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await accountMenu(page).textContent()).toContain('Ms. Demo (teacher)');
    await page.close();
  });
});
