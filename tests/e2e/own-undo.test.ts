import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  demoMapUrl,
  findCard,
  nodeNamed,
  openPage,
  screenshot,
  signInAsDemo,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const CLAIM = /^claim: Russia has lost its credibility/;

/** Selects the claim and opens its discussion. */
async function openDiscussion(page: Page) {
  await (await findCard(page, 'has lost its credibility', CLAIM)).click();
  await page.getByRole('tab', { name: /^Discussion/ }).click();
  return page.getByRole('region', { name: 'Discussion of the selected node' });
}

/** Clicks the comment box, types as a person does, and sends. */
async function comment(page: Page, text: string) {
  const discussion = await openDiscussion(page);
  await discussion.getByRole('combobox', { name: 'New comment' }).click();
  await page.keyboard.type(text);
  await discussion.getByRole('button', { name: 'Comment', exact: true }).click();
  await discussion.getByText(text).waitFor();
  return discussion;
}

const commentsUndo = (page: Page) => page.getByRole('toolbar', { name: 'Your comments' });

describe('undo that does what a student means', () => {
  it('the map’s Undo takes back map edits only; a comment someone answered is never removed by an undo', async () => {
    const url = await demoMapUrl(baseUrl);
    const a = await openPage(browser());
    const b = await openPage(browser());
    await signInAsDemo(a.page, baseUrl, inject('startupLog'), 'teacher');
    await signInAsDemo(b.page, baseUrl, inject('startupLog'), 'student1');
    await a.page.goto(url);
    await b.page.goto(url);

    // A adds a claim to the map, then comments on another claim.
    const toolbar = a.page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await a.page.keyboard.type('A stray claim to take back');
    await a.page.keyboard.press('Enter');
    await allSaved(a.page);
    await comment(a.page, 'Where does Turchenko say this?');

    // B replies to A's comment.
    const bDiscussion = await openDiscussion(b.page);
    await bDiscussion.getByText('Where does Turchenko say this?').waitFor();
    await bDiscussion.getByRole('button', { name: 'Reply', exact: true }).click();
    await bDiscussion.getByRole('combobox', { name: 'Reply' }).click();
    await b.page.keyboard.type('Paragraph 3 of his speech.');
    await bDiscussion.getByRole('button', { name: 'Reply', exact: true }).last().click();
    const aDiscussion = a.page.getByRole('region', { name: 'Discussion of the selected node' });
    await aDiscussion.getByText('Paragraph 3 of his speech.').waitFor();

    // A's map Undo takes back the stray claim, and nothing of the discussion.
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => nodeNamed(a.page, /^claim: A stray claim to take back$/).count())
      .toBe(0);
    await allSaved(a.page);
    await expect
      .poll(() => nodeNamed(b.page, /^claim: A stray claim to take back$/).count())
      .toBe(0);
    for (const page of [a.page, b.page]) {
      const discussion = page.getByRole('region', { name: 'Discussion of the selected node' });
      expect(await discussion.getByText('Where does Turchenko say this?').count()).toBe(1);
      expect(await discussion.getByText('Paragraph 3 of his speech.').count()).toBe(1);
    }

    // The discussion's own Undo will not remove a comment that has a reply, and says why.
    await commentsUndo(a.page).getByRole('button', { name: 'Undo comment' }).click();
    await a.page
      .getByRole('status')
      .filter({ hasText: /has replies now/ })
      .waitFor();
    await screenshot(a.page, 'undo-refused-comment-has-replies');
    expect(await aDiscussion.getByText('Where does Turchenko say this?').count()).toBe(1);

    // Deleting it on purpose leaves "Comment deleted" above the reply, for both.
    await aDiscussion
      .getByRole('article', { name: 'Thread started by Ms. Demo (teacher)' })
      .getByRole('button', { name: 'Delete' })
      .click();
    for (const page of [a.page, b.page]) {
      const discussion = page.getByRole('region', { name: 'Discussion of the selected node' });
      await discussion.getByText('Comment deleted').waitFor();
      expect(await discussion.getByText('Where does Turchenko say this?').count()).toBe(0);
      expect(await discussion.getByText('Paragraph 3 of his speech.').count()).toBe(1);
    }
    await screenshot(b.page, 'comment-deleted-above-reply');
    // ... and Undo brings it back.
    await commentsUndo(a.page).getByRole('button', { name: 'Undo comment' }).click();
    await bDiscussion.getByText('Where does Turchenko say this?').waitFor();

    // The refused undo's answer (409) is the only error either page logged.
    expect([...a.errors, ...b.errors]).toEqual([
      expect.stringMatching(/status of 409 \(Conflict\)/),
    ]);
  });

  it('Ctrl+Z in the discussion takes back a comment, not the map edit; Redo brings it back after a reload', async () => {
    const url = await demoMapUrl(baseUrl);
    const a = await openPage(browser());
    await signInAsDemo(a.page, baseUrl, inject('startupLog'), 'teacher');
    await a.page.goto(url);

    const toolbar = a.page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await a.page.keyboard.type('A claim that stays');
    await a.page.keyboard.press('Enter');
    await allSaved(a.page);
    const discussion = await comment(a.page, 'Wrong place for this');

    // Focus in the discussion (a click on its heading), then Ctrl+Z.
    await discussion.getByRole('heading').click();
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => discussion.getByText('Wrong place for this').count()).toBe(0);
    await allSaved(a.page);
    expect(await nodeNamed(a.page, /^claim: A claim that stays$/).count()).toBe(1);

    // After a reload the discussion's Redo brings the comment back.
    await a.page.reload();
    const again = await openDiscussion(a.page);
    await commentsUndo(a.page).getByRole('button', { name: 'Redo comment' }).click();
    await again.getByText('Wrong place for this').waitFor();
    expect(await nodeNamed(a.page, /^claim: A claim that stays$/).count()).toBe(1);
    await screenshot(a.page, 'discussion-undo-redo');
    for (const [width, height] of [
      [768, 1024],
      [360, 740],
    ] as const) {
      await a.page.setViewportSize({ width, height });
      // Under 1024 px the discussion is in a drawer, opened from the bar.
      if (!(await commentsUndo(a.page).isVisible()))
        await a.page.getByRole('button', { name: /^Sources & discussion/ }).click();
      await commentsUndo(a.page).scrollIntoViewIfNeeded();
      await screenshot(a.page, `discussion-undo-redo-${width}`);
    }

    expect(a.errors).toEqual([]);
  });
});
