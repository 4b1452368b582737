import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { nodeNamed, openPage, screenshot, signUpNewPerson, useBrowser } from './browser';
import { blankMap } from './new-cards';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

const CLAIM = 'Homework should be optional';
const OBJECTION = 'Some pupils would never practise';
const SECOND = 'Parents would be left to decide';
const WEIGH = 'Weigh by my team’s ratings';
const BLIND_REASON =
  'Guided voting: rate a claim first. You see your team’s ratings only on the claims you have rated.';

/** Cards put on the map through the ops route, as an editor's page sends them. */
async function sendOps(page: Page, mapId: string, ops: unknown[]) {
  const response = await page.request.post(`${baseUrl}/api/maps/${mapId}/ops`, {
    headers: { origin: baseUrl },
    data: { ops },
  });
  expect(response.status()).toBe(200);
}

const objection = (id: string, text: string, x: number) => [
  { type: 'createNode', id, kind: 'OBJECTION', text, side: 'AGAINST', x, y: 320 },
  { type: 'createEdge', id: `${id}-attack`, fromId: id, toId: 'ws-claim', relation: 'ATTACKS' },
];

const stands = (page: Page, kind: string, text: string) =>
  nodeNamed(page, new RegExp(`^${kind}: ${text}`)).locator('[data-stands]');

/** Opens or closes the Filter menu, where What stands and its weighing are. */
const filterMenu = (page: Page) => page.locator('summary', { hasText: /^Filter/ }).click();

/** Selects a card and rates its impact on the Impact tab. */
async function rate(page: Page, kind: string, text: string, impact: string) {
  await nodeNamed(page, new RegExp(`^${kind}: ${text}`)).click();
  await page.getByRole('tab', { name: 'Impact' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Impact' });
  await panel.getByRole('radio', { name: impact }).click();
  await expect.poll(() => panel.getByRole('radio', { name: impact }).isChecked()).toBe(true);
}

describe('What stands weighed by a team’s ratings in Chromium', () => {
  it(
    'a team member rates, weighs What stands by the team’s ratings, and an attack from a lower-rated card no longer defeats, live as attacks change',
    { timeout: 150_000 },
    async () => {
      const teacher = await openPage(browser());
      const t = teacher.page;
      const mapId = await blankMap(t, baseUrl, startupLog, 'Weighed by ratings');
      await sendOps(t, mapId, [
        { type: 'createNode', id: 'ws-claim', kind: 'CLAIM', text: CLAIM, side: 'FOR', x: 0, y: 0 },
        ...objection('ws-objection', OBJECTION, 0),
      ]);

      // A student joins through an edit link and is put on a team.
      await t.goto(`${baseUrl}/maps/${mapId}/share`);
      await t.getByLabel('Name (optional)').click();
      await t.keyboard.type('Weighing class');
      await t.getByLabel('Anyone with the link can').selectOption('EDITOR');
      await t.getByRole('button', { name: 'Create link' }).click();
      const link = await t.getByLabel('New share link').inputValue();
      const student = await signUpNewPerson(browser(), baseUrl, 'Rae Rater', {
        width: 1440,
        height: 900,
      });
      const s = student.page;
      await s.goto(link);
      await s.waitForURL(`${baseUrl}/maps/${mapId}`);
      await t.goto(`${baseUrl}/maps/${mapId}/teams`);
      await t.getByLabel('Team name').click();
      await t.keyboard.type('Team Owl');
      await t.getByRole('button', { name: 'Add team' }).click();
      await t.getByLabel('Team of Rae Rater').selectOption({ label: 'Team Owl' });
      await t.getByRole('button', { name: 'Save teams' }).click();
      await t.getByRole('status').filter({ hasText: 'Teams saved.' }).waitFor();

      // Unweighted, the objection defeats the claim.
      await s.reload();
      await nodeNamed(s, new RegExp(`^claim: ${CLAIM}`)).waitFor();
      await filterMenu(s);
      await s.getByRole('button', { name: 'What stands' }).click();
      await expect.poll(() => stands(s, 'claim', CLAIM).textContent()).toBe('Defeated');
      await expect.poll(() => stands(s, 'objection', OBJECTION).textContent()).toBe('Stands');
      // Guided voting: the team's ratings are not hers to see before she rates.
      const weigh = s.getByRole('checkbox', { name: WEIGH });
      expect(await weigh.isDisabled()).toBe(true);
      expect(await weigh.getAttribute('aria-describedby')).toBeTruthy();
      await s.getByText(BLIND_REASON).waitFor();
      await screenshot(s, 'weighed-stands-disabled-1440');
      await filterMenu(s);

      // She rates the claim very high and the objection low.
      await rate(s, 'claim', CLAIM, '4 Very high impact');
      await rate(s, 'objection', OBJECTION, '1 Low impact');

      // Weighed by her team's ratings, the lower-rated objection no longer defeats the claim.
      await filterMenu(s);
      await expect.poll(() => weigh.isDisabled()).toBe(false);
      await weigh.click();
      await expect.poll(() => weigh.isChecked()).toBe(true);
      await expect.poll(() => stands(s, 'claim', CLAIM).textContent()).toBe('Stands');
      await expect.poll(() => stands(s, 'objection', OBJECTION).textContent()).toBe('Stands');
      await screenshot(s, 'weighed-stands-filter-1440');
      await filterMenu(s);
      await s.getByRole('button', { name: 'Legend' }).click();
      const legend = s.getByRole('list', { name: 'What stands' });
      await expect
        .poll(() => legend.textContent())
        .toContain('Weighed by my team’s ratings: an attack defeats a card only if the team');
      expect(await seriousViolations(s, 'a map weighing what stands')).toEqual([]);
      await screenshot(s, 'weighed-stands-legend-1440');
      await s.getByRole('button', { name: 'Legend' }).click();

      // The teacher adds a second objection, nobody's rated: it defeats the claim, live.
      await sendOps(t, mapId, objection('ws-second', SECOND, 340));
      await nodeNamed(s, new RegExp(`^objection: ${SECOND}`)).waitFor({ timeout: 10_000 });
      await expect.poll(() => stands(s, 'claim', CLAIM).textContent()).toBe('Defeated');
      // Unticked, What stands is unweighted again, and the legend says so.
      await filterMenu(s);
      await weigh.click();
      await expect.poll(() => weigh.isChecked()).toBe(false);
      await filterMenu(s);
      await s.getByRole('button', { name: 'Legend' }).click();
      await expect.poll(() => legend.textContent()).toContain('Unweighted: every attack counts.');
      await s.getByRole('button', { name: 'Legend' }).click();

      // On a phone: the map, the menu with the option.
      await s.setViewportSize({ width: 360, height: 740 });
      await s.getByRole('button', { name: 'Map', exact: true }).first().click();
      await s.getByRole('button', { name: 'Menu' }).click();
      await filterMenu(s);
      await weigh.scrollIntoViewIfNeeded();
      await screenshot(s, 'weighed-stands-360');

      expect([...teacher.errors, ...student.errors]).toEqual([]);
      await s.close();
      await t.close();
    },
  );
});
