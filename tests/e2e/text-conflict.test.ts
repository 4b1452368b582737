import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allSaved, findCard, nodeNamed, screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const MINE = 'Its guarantees held only while Moscow needed them';
const THEIRS = 'It stood aside when Armenia called on the treaty';

const live = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /^Live$/ })
    .waitFor();

describe('two people editing one card’s text', () => {
  it('the one who saves second is offered keep theirs / use mine / merge, and merging loses neither text', async () => {
    // A teacher's map, shared with a classmate through an edit link.
    const teacher = await signUpNewPerson(browser(), baseUrl, 'Ms Rivera');
    const student = await signUpNewPerson(browser(), baseUrl, 'Ben');
    const t = teacher.page;
    const s = student.page;
    await t.goto(`${baseUrl}/maps/new`);
    await t.getByLabel('Title').fill('Who saves last');
    await t
      .getByLabel('Motion or question under debate')
      .fill('Is Russia a credible security guarantor?');
    await t.getByRole('button', { name: 'Create map' }).click();
    await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const mapId = new URL(t.url()).pathname.split('/').at(-1)!;
    await t.goto(`${baseUrl}/maps/${mapId}/share`);
    await t.getByLabel('Anyone with the link can').selectOption('EDITOR');
    await t.getByRole('button', { name: 'Create link' }).click();
    const link = await t.getByLabel('New share link').inputValue();
    await s.goto(link);
    await s.goto(`${baseUrl}/maps/${mapId}`);
    await t.goto(`${baseUrl}/maps/${mapId}`);
    await Promise.all([live(t), live(s)]);

    // The teacher opens the card and starts typing over its text.
    const card = /^claim: Russia has lost its credibility/;
    await (await findCard(t, 'has lost its credibility', card)).dblclick();
    const teacherEditor = t.getByRole('textbox', { name: 'Node text' });
    await teacherEditor.waitFor();
    await t.keyboard.type(MINE);

    // Meanwhile the student rewrites the same card and saves first.
    await (await findCard(s, 'has lost its credibility', card)).dblclick();
    await s.getByRole('textbox', { name: 'Node text' }).waitFor();
    await s.keyboard.type(THEIRS);
    await s.keyboard.press('Enter');
    await allSaved(s);
    // Their text reaches the teacher's open card underneath the editor.
    await nodeNamed(t, new RegExp(`^claim: ${THEIRS}$`)).waitFor({ timeout: 5000 });
    expect(await teacherEditor.inputValue()).toBe(MINE);

    // The teacher saves: asked, not overwritten.
    await t.keyboard.press('Enter');
    const dialog = t.getByRole('dialog', { name: 'Someone else changed this text first' });
    await dialog.waitFor({ timeout: 5000 });
    expect(await dialog.getByRole('region', { name: 'Their version' }).textContent()).toContain(
      THEIRS,
    );
    expect(await dialog.getByRole('region', { name: 'Your version' }).textContent()).toContain(
      MINE,
    );
    await screenshot(t, 'text-conflict');

    // Merge both: the editor opens with both texts, and saving keeps them.
    await dialog.getByRole('button', { name: 'Merge both and edit' }).click();
    await expect.poll(() => teacherEditor.inputValue()).toBe(`${THEIRS}\n\n${MINE}`);
    await teacherEditor.click();
    await t.keyboard.press('Control+End');
    await t.keyboard.type(' (merged)');
    await t.keyboard.press('Enter');
    await allSaved(t);

    const stored = (await (await t.request.get(`${baseUrl}/api/maps/${mapId}`)).json()) as {
      nodes: { text: string }[];
    };
    const merged = stored.nodes.filter((n) => n.text.includes(THEIRS));
    expect(merged).toHaveLength(1);
    expect(merged[0]!.text).toBe(`${THEIRS}\n\n${MINE} (merged)`);
    // The classmate sees the merge too.
    await nodeNamed(s, new RegExp(`^claim: ${THEIRS}\\s+${MINE} \\(merged\\)$`)).waitFor({
      timeout: 5000,
    });
    expect([...teacher.errors, ...student.errors]).toEqual([]);
    await t.context().close();
    await s.context().close();
  });
});
