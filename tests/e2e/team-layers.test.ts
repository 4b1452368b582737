import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  findCard,
  nodeNamed,
  screenshot,
  selectPassage,
  signUpNewPerson,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const newPerson = (b: Browser, name: string) =>
  signUpNewPerson(b, baseUrl, name, { width: 1440, height: 900 });

const CLAIM = /^claim: Russia has lost its credibility/;

async function openNotes(page: Page) {
  await (await findCard(page, 'has lost its credibility', CLAIM)).click();
  await page.getByRole('tab', { name: 'Team notes' }).click();
}

async function writeNote(page: Page, text: string) {
  await openNotes(page);
  const mine = page.getByRole('group', { name: /^Our notes on/ });
  await mine.getByRole('textbox', { name: 'Team note' }).fill(text);
  await mine.getByRole('button', { name: 'Save note' }).click();
  // Saved: the claim's card shows our layer's badge.
  await nodeNamed(page, CLAIM).getByRole('list', { name: 'Team notes' }).waitFor();
}

const notesText = async (page: Page) =>
  (await page.getByRole('tabpanel', { name: 'Team notes' }).textContent()) ?? '';

describe('team layers and comments in Chromium', () => {
  it(
    'two teams note the same claim privately; the teacher sees both; after "reveal" both students do; a thread is seen and resolved',
    { timeout: 120_000 },
    async () => {
      const teacher = await newPerson(browser(), 'Mrs Haddad');
      const t = teacher.page;
      await t.goto(`${baseUrl}/maps/new`);
      await t.getByLabel('Title').fill('Layers debate');
      await t
        .getByLabel('Motion or question under debate')
        .fill('Is Russia a credible security guarantor?');
      await t.getByRole('button', { name: 'Create map' }).click();
      await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
      const mapUrl = t.url();
      const mapId = new URL(mapUrl).pathname.split('/').at(-1)!;

      // Students join through an edit link, then get teams.
      await t.goto(`${baseUrl}/maps/${mapId}/share`);
      await t.getByLabel('Anyone with the link can').selectOption('EDITOR');
      await t.getByRole('button', { name: 'Create link' }).click();
      const link = await t.getByLabel('New share link').inputValue();
      const dana = await newPerson(browser(), 'Dana');
      const eli = await newPerson(browser(), 'Eli');
      for (const s of [dana, eli]) {
        await s.page.goto(link);
        await s.page.waitForURL(mapUrl);
      }
      await t.goto(`${baseUrl}/maps/${mapId}/teams`);
      await t.getByLabel('Team of Dana').selectOption({ label: 'Team Turchenko' });
      await t.getByLabel('Team of Eli').selectOption({ label: 'Team Strakes' });
      await t.getByRole('button', { name: 'Save teams' }).click();
      await t.getByRole('status').filter({ hasText: 'Teams saved.' }).waitFor();

      // Each student notes the same claim.
      for (const s of [dana, eli]) await s.page.goto(mapUrl);
      await writeNote(dana.page, 'Turchenko team: lead with the 2022 refusal');
      await writeNote(eli.page, 'Strakes team: the CSTO is not NATO');
      await expect.poll(() => notesText(dana.page)).toContain('lead with the 2022 refusal');
      expect(await notesText(dana.page)).not.toContain('the CSTO is not NATO');
      await expect
        .poll(async () =>
          eli.page
            .getByRole('group', { name: /^Our notes on/ })
            .getByRole('textbox', { name: 'Team note' })
            .inputValue(),
        )
        .toContain('the CSTO is not NATO');
      expect(await notesText(eli.page)).not.toContain('lead with the 2022 refusal');
      await screenshot(dana.page, 'team-notes-student');

      // Search looks through our own notes, never the other team's.
      const search = dana.page.getByRole('searchbox', { name: 'Find a node' });
      await search.fill('2022 refusal');
      await expect
        .poll(() => dana.page.getByRole('search').getByRole('status').textContent())
        .toBe('1 found');
      await search.fill('CSTO is not NATO');
      await expect
        .poll(() => dana.page.getByRole('search').getByRole('status').textContent())
        .toBe('No matches');
      await search.fill('');

      // Notes are undone where they are written: the team notes' own Undo and Redo.
      const notesUndo = (page: Page) => page.getByRole('toolbar', { name: 'Your notes' });
      await notesUndo(dana.page).getByRole('button', { name: 'Undo note' }).click();
      await expect.poll(() => notesText(dana.page)).not.toContain('lead with the 2022 refusal');
      await expect
        .poll(() => nodeNamed(dana.page, CLAIM).getByRole('list', { name: 'Team notes' }).count())
        .toBe(0);
      await notesUndo(dana.page).getByRole('button', { name: 'Redo note' }).click();
      await nodeNamed(dana.page, CLAIM).getByRole('list', { name: 'Team notes' }).waitFor();
      // ... also after a reload: the steps are rebuilt from the op log.
      await dana.page.reload();
      await nodeNamed(dana.page, CLAIM).getByRole('list', { name: 'Team notes' }).waitFor();
      await dana.page.getByRole('tab', { name: 'Team notes' }).click();
      await notesUndo(dana.page).getByRole('button', { name: 'Undo note' }).click();
      await expect
        .poll(() => nodeNamed(dana.page, CLAIM).getByRole('list', { name: 'Team notes' }).count())
        .toBe(0);
      await notesUndo(dana.page).getByRole('button', { name: 'Redo note' }).click();
      await nodeNamed(dana.page, CLAIM).getByRole('list', { name: 'Team notes' }).waitFor();

      // A passage highlighted in the reader for Dana's team only.
      await dana.page.getByRole('tab', { name: 'Sources' }).click();
      const reader = dana.page.getByRole('complementary', { name: 'Source reader' });
      await reader.getByRole('tab', { name: 'Mikhail Turchenko' }).click();
      await selectPassage(reader, 'Russia did not come to Armenia');
      await reader
        .getByRole('region', { name: 'Selected passage' })
        .getByRole('button', { name: 'Highlight for our team' })
        .click();
      await expect.poll(() => reader.locator('mark[data-team-passage]').count()).toBeGreaterThan(0);
      await eli.page.reload();
      await eli.page
        .getByRole('complementary', { name: 'Source reader' })
        .getByRole('tab', { name: 'Mikhail Turchenko' })
        .click();
      await nodeNamed(eli.page, CLAIM).waitFor();
      expect(await eli.page.locator('mark[data-team-passage]').count()).toBe(0);

      // The teacher (owner) shows both layers.
      await t.goto(mapUrl);
      await openNotes(t);
      await t.getByRole('checkbox', { name: /Team Turchenko/ }).check();
      await t.getByRole('checkbox', { name: /Team Strakes/ }).check();
      await expect.poll(() => notesText(t)).toContain('lead with the 2022 refusal');
      expect(await notesText(t)).toContain('the CSTO is not NATO');
      await screenshot(t, 'team-notes-teacher');

      // Reveal: both students now read both layers.
      await t.getByRole('button', { name: 'Reveal every team’s notes to everyone' }).click();
      await t.getByRole('button', { name: 'Hide the teams’ notes again' }).waitFor();
      for (const s of [dana, eli]) {
        await s.page.reload();
        await openNotes(s.page);
        await s.page
          .getByRole('checkbox', { name: /Team Strakes|Team Turchenko/ })
          .last()
          .check();
        await s.page
          .getByRole('checkbox', { name: /Team Strakes|Team Turchenko/ })
          .first()
          .check();
        await expect.poll(() => notesText(s.page)).toContain('lead with the 2022 refusal');
        expect(await notesText(s.page)).toContain('the CSTO is not NATO');
      }

      // A commenter opens a thread, @mentioning Eli through the picker; the others see it, and Eli resolves it.
      await t.goto(`${baseUrl}/maps/${mapId}/share`);
      await t.getByLabel('Anyone with the link can').selectOption('COMMENTER');
      await t.getByRole('button', { name: 'Create link' }).click();
      const commentLink = await t.getByLabel('New share link').inputValue();
      expect(commentLink).not.toBe(link);
      const farah = await newPerson(browser(), 'Farah');
      await farah.page.goto(commentLink);
      await farah.page.waitForURL(mapUrl);
      await (await findCard(farah.page, 'has lost its credibility', CLAIM)).click();
      expect(await farah.page.getByRole('toolbar', { name: 'Map editing' }).count()).toBe(0);
      await farah.page.getByRole('tab', { name: /^Discussion/ }).click();
      const box = farah.page.getByLabel('New comment');
      await box.fill('Where does Turchenko say this?');
      await box.pressSequentially(' @El');
      await farah.page.getByRole('option', { name: '@Eli' }).waitFor();
      await screenshot(farah.page, 'mention-picker');
      await box.press('Enter');
      expect(await box.inputValue()).toBe('Where does Turchenko say this? @Eli ');
      await farah.page.getByRole('button', { name: 'Comment', exact: true }).click();
      await farah.page.getByRole('article', { name: 'Thread started by Farah' }).waitFor();

      // A commenter can discuss a connection too: focus it from the keyboard and comment.
      const connection = farah.page.locator('.react-flow__edge').first();
      await connection.focus();
      await connection.press('Enter');
      await farah.page.getByRole('heading', { name: /^Discussion of the connection/ }).waitFor();
      // A commenter has no editing toolbar, but undoes their own comments in the discussion.
      await farah.page.getByLabel('New comment').fill('Wrong place for this');
      await farah.page.getByRole('button', { name: 'Comment', exact: true }).click();
      await farah.page.getByText('Wrong place for this').waitFor();
      await farah.page
        .getByRole('toolbar', { name: 'Your comments' })
        .getByRole('button', { name: 'Undo comment' })
        .click();
      await expect
        .poll(() => farah.page.getByText('Wrong place for this').count(), { timeout: 10_000 })
        .toBe(0);
      await farah.page.getByLabel('New comment').fill('Does this step really follow?');
      await farah.page.getByRole('button', { name: 'Comment', exact: true }).click();
      // In the thread list (the stream can show it there while the box still holds the words being sent).
      await farah.page.getByRole('article').getByText('Does this step really follow?').waitFor();

      await eli.page.reload();
      await nodeNamed(eli.page, CLAIM).getByLabel('1 open thread').waitFor();
      await eli.page.getByRole('tab', { name: /^Discussion/ }).click();
      const openThreads = eli.page.getByRole('region', { name: 'Open threads' });
      await openThreads
        .getByRole('button', { name: /^Connection: .*Does this step really follow\?/ })
        .waitFor();
      await openThreads
        .getByRole('group', { name: 'Mentions of you' })
        .getByRole('button', { name: /Where does Turchenko say this\?/ })
        .click();
      await eli.page.getByText('Where does Turchenko say this?').waitFor();
      await screenshot(eli.page, 'discussion');
      await eli.page.getByRole('button', { name: 'Resolve thread' }).click();
      await eli.page.getByRole('button', { name: 'Reopen thread' }).waitFor();
      await expect
        .poll(
          () =>
            nodeNamed(dana.page, CLAIM)
              .getByLabel(/open thread/)
              .count(),
          { timeout: 10_000 },
        )
        .toBe(0);

      expect([...teacher.errors, ...dana.errors, ...eli.errors, ...farah.errors]).toEqual([]);
      await Promise.all([
        t.context().close(),
        dana.page.context().close(),
        eli.page.context().close(),
        farah.page.context().close(),
      ]);
    },
  );
});
