import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { allSaved, nodeNamed, openPage, screenshot, signInAsDemo, useBrowser } from './browser';
import { blankMap } from './new-cards';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

const CLAIM = 'Schools should start an hour later';
const PREMISE = 'Dr Lee, a sleep scientist, says teenagers need to sleep later';
const ANSWER = 'Dr Lee studies sleep in mice, not in teenagers';

/**
 * The claim and its one reason, put on the map through the ops route as an
 * editor's page sends them; ids start with `prefix` (ids are unique across maps).
 */
async function claimWithAReason(page: Page, mapId: string, prefix = 'rs') {
  const response = await page.request.post(`${baseUrl}/api/maps/${mapId}/ops`, {
    headers: { origin: baseUrl },
    data: {
      ops: [
        {
          type: 'createNode',
          id: `${prefix}-claim`,
          kind: 'CLAIM',
          text: CLAIM,
          side: 'FOR',
          x: 0,
          y: 0,
        },
        {
          type: 'createNode',
          id: `${prefix}-expert`,
          kind: 'PREMISE',
          text: PREMISE,
          side: 'FOR',
          x: 0,
          y: 320,
        },
        {
          type: 'createEdge',
          id: `${prefix}-support`,
          fromId: `${prefix}-expert`,
          toId: `${prefix}-claim`,
          relation: 'SUPPORTS',
        },
      ],
    },
  });
  expect(response.status()).toBe(200);
}

/** Clicks the middle of a connection's line, as a person picks it. */
async function clickConnection(page: Page, edgeId: string) {
  const line = page.locator(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edge-path`);
  const box = (await line.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const stands = (page: Page, kind: string, text: string) =>
  nodeNamed(page, new RegExp(`^${kind}: ${text}$`)).locator('[data-stands]');

describe('reasoning aids in Chromium', () => {
  it(
    'tags a support with a scheme, answers a critical question from the keyboard, and What stands shows the premise defeated, live in another browser',
    { timeout: 120_000 },
    async () => {
      const teacher = await openPage(browser());
      const t = teacher.page;
      const mapId = await blankMap(t, baseUrl, startupLog, 'What stands');
      await claimWithAReason(t, mapId);
      await t.reload();
      await nodeNamed(t, new RegExp(`^premise: ${PREMISE}$`)).waitFor();

      // Someone else has the map open in a browser of their own.
      const other = await openPage(browser());
      await signInAsDemo(other.page, baseUrl, startupLog, 'teacher');
      await other.page.goto(`${baseUrl}/maps/${mapId}`);
      await nodeNamed(other.page, new RegExp(`^claim: ${CLAIM}$`)).waitFor();

      // The support's argument: tagged as an argument from expert opinion.
      await clickConnection(t, 'rs-support');
      const panel = t.getByRole('region', { name: 'Argument' });
      await panel
        .getByLabel('Argument scheme')
        .selectOption({ label: 'Argument from expert opinion' });
      await allSaved(t);
      const credible = panel.getByRole('listitem').filter({ hasText: 'How credible is E' });
      await credible.getByRole('button', { name: 'Answer' }).click();
      // The answer's field has the focus: the person just types.
      await expect
        .poll(() => t.evaluate(() => document.activeElement?.getAttribute('aria-describedby')))
        .toBeTruthy();
      await t.keyboard.type(ANSWER);
      await t.keyboard.press('Enter');
      await allSaved(t);
      await expect.poll(() => credible.textContent()).toContain(`Answered: “${ANSWER}”`);
      await nodeNamed(t, new RegExp(`^objection: ${ANSWER}$`)).waitFor();

      // What stands, from the filter menu: the attacked premise is defeated, the objection stands.
      await t.locator('summary', { hasText: /^Filter/ }).click();
      await t.getByRole('button', { name: 'What stands' }).click();
      await expect.poll(() => stands(t, 'premise', PREMISE).textContent()).toBe('Defeated');
      await expect.poll(() => stands(t, 'objection', ANSWER).textContent()).toBe('Stands');
      await expect.poll(() => stands(t, 'claim', CLAIM).textContent()).toBe('Stands');
      await t.locator('summary', { hasText: /^Filter/ }).click();
      await t.getByRole('button', { name: 'Legend' }).click();
      await t.getByRole('list', { name: 'What stands' }).waitFor();
      await t.getByRole('button', { name: 'Legend' }).click();

      // The other browser got the objection live, without a reload.
      await nodeNamed(other.page, new RegExp(`^objection: ${ANSWER}$`)).waitFor({ timeout: 5000 });

      expect(await seriousViolations(t, 'a map showing what stands')).toEqual([]);
      await screenshot(t, 'what-stands-argument-1440');
      await panel.getByRole('button', { name: 'Close the argument' }).click();
      await expect.poll(() => panel.count()).toBe(0);
      await t.getByRole('button', { name: 'Legend' }).click();
      await screenshot(t, 'what-stands-1440');
      // A phone opens on the outline: the person switches to the map.
      await t.setViewportSize({ width: 360, height: 740 });
      await t.getByRole('button', { name: 'Map', exact: true }).first().click();
      await t.getByRole('button', { name: /fit view/i }).click();
      await expect.poll(() => stands(t, 'objection', ANSWER).textContent()).toBe('Stands');
      await screenshot(t, 'what-stands-360');

      // The view is remembered for this map.
      await t.setViewportSize({ width: 1440, height: 900 });
      await t.reload();
      await expect.poll(() => stands(t, 'premise', PREMISE).textContent()).toBe('Defeated');

      expect([...teacher.errors, ...other.errors]).toEqual([]);
      await other.page.close();
      await t.close();
    },
  );

  it(
    'the prep sheet of the team against lists the open critical questions of the other side’s tagged argument, and drops one once it is answered',
    { timeout: 120_000 },
    async () => {
      const { page: t, errors } = await openPage(browser());
      const mapId = await blankMap(t, baseUrl, startupLog, 'Prep prompts');
      await claimWithAReason(t, mapId, 'pp');
      // The support is tagged as an argument from expert opinion, as the argument panel does.
      const tagged = await t.request.post(`${baseUrl}/api/maps/${mapId}/ops`, {
        headers: { origin: baseUrl },
        data: {
          ops: [
            {
              type: 'updateEdge',
              id: 'pp-support',
              expect: { scheme: null },
              scheme: 'expert-opinion',
            },
          ],
        },
      });
      expect(tagged.status()).toBe(200);

      // A team against the motion.
      await t.goto(`${baseUrl}/maps/${mapId}/teams`);
      await t.getByLabel('Team name').click();
      await t.keyboard.type('Team Con');
      await t.getByLabel(/^Side(?! of)/).selectOption({ label: 'Against the motion' });
      await t.getByRole('button', { name: 'Add team' }).click();
      await t.getByRole('status').filter({ hasText: 'Team “Team Con” added.' }).waitFor();

      // Its prep sheet: the other side's argument, with every question still open.
      await t.goto(`${baseUrl}/maps/${mapId}/prep`);
      await t.getByRole('link', { name: 'Team Con' }).click();
      const prompts = t.getByRole('region', {
        name: 'Cross-examination: their open critical questions',
      });
      await prompts.waitFor();
      // As written on the map (innerText: as shown, after the page's CSS).
      expect(await prompts.getByRole('heading', { level: 3 }).innerText()).toBe(
        `“${PREMISE}” → “${CLAIM}” (Argument from expert opinion)`,
      );
      const questions = await prompts.getByRole('listitem').allTextContents();
      expect(questions).toContain('How credible is E as an expert: what are their qualifications?');
      await screenshot(t, 'prep-prompts-1440');
      await t.setViewportSize({ width: 360, height: 740 });
      await screenshot(t, 'prep-prompts-360');
      await t.setViewportSize({ width: 1440, height: 900 });
      const prepUrl = t.url();

      // Someone answers that question on the map ...
      await t.goto(`${baseUrl}/maps/${mapId}`);
      await nodeNamed(t, new RegExp(`^premise: ${PREMISE}$`)).waitFor();
      await clickConnection(t, 'pp-support');
      const panel = t.getByRole('region', { name: 'Argument' });
      const credible = panel.getByRole('listitem').filter({ hasText: 'How credible is E' });
      await credible.getByRole('button', { name: 'Answer' }).click();
      await expect
        .poll(() => t.evaluate(() => document.activeElement?.getAttribute('aria-describedby')))
        .toBeTruthy();
      await t.keyboard.type(ANSWER);
      await t.keyboard.press('Enter');
      await allSaved(t);
      await expect.poll(() => credible.textContent()).toContain('Answered');

      // ... and the prep sheet no longer prompts it; the others stay.
      await t.goto(prepUrl);
      await prompts.waitFor();
      const left = await prompts.getByRole('listitem').allTextContents();
      expect(left).toHaveLength(questions.length - 1);
      expect(left).not.toContain('How credible is E as an expert: what are their qualifications?');
      expect(errors).toEqual([]);
      await t.close();
    },
  );
});
