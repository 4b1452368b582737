import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { demoMapUrl, openPage, screenshot, signInAsDemo, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The flow's cell holding `text`, as a reader finds it. */
// The card's entry starts with its words; the answer beside it names it too, after “attacks”.
const CRED = /^Russia has lost its credibility/;
const cellWith = (page: Page, text: string | RegExp) =>
  page
    .getByRole('grid', { name: /^Flow of round/ })
    .getByRole('gridcell')
    .filter({ hasText: text });

const flowText = async (page: Page) =>
  (await page.getByRole('grid', { name: /^Flow of round/ }).textContent()) ?? '';

const clockSeconds = async (page: Page) => {
  const text = (await page.getByRole('timer', { name: /^Speech clock/ }).textContent()) ?? '';
  const [m, s] = text.split(':').map(Number);
  return m! * 60 + s!;
};

describe('a World Schools practice round on the demo map', () => {
  it(
    'the teacher makes it and corrects its benches and motion while the students watch; two teams flow it live; a dropped argument is marked; the clock counts for both; the judge releases a ballot tied to a card and both teams read it',
    { timeout: 180_000 },
    async () => {
      const log = inject('startupLog');
      const teacher = await openPage(browser());
      // Ana is on Team Strakes (against), Ben on Team Turchenko (for).
      const ana = await openPage(browser(), { width: 1280, height: 800 });
      const ben = await openPage(browser(), { width: 1280, height: 800 });
      await signInAsDemo(teacher.page, baseUrl, log, 'teacher');
      await signInAsDemo(ana.page, baseUrl, log, 'student1');
      await signInAsDemo(ben.page, baseUrl, log, 'student2');

      // The teacher opens Rounds from the map and makes a World Schools round she judges.
      const t = teacher.page;
      await t.goto(await demoMapUrl(baseUrl));
      await t.getByText('Manage', { exact: true }).click();
      await t.getByRole('link', { name: 'Practice rounds' }).click();
      await t.waitForURL(/\/rounds$/);
      // She seats the teams the wrong way round (Turchenko should propose).
      await t.getByLabel('Format').selectOption({ label: 'World Schools' });
      await t.getByLabel(/^Proposition/).selectOption({ label: 'Team Strakes' });
      await t.getByLabel(/^Opposition/).selectOption({ label: 'Team Turchenko' });
      await t.getByRole('checkbox', { name: 'Ms. Demo (teacher)' }).check();
      await t.getByRole('button', { name: 'Create round' }).click();
      await t.waitForURL(/\/rounds\/[^/]+$/);
      const roundUrl = t.url();
      await t.getByRole('heading', { name: /^Round \d+: World Schools$/ }).waitFor();
      for (const s of [ana, ben]) await s.page.goto(roundUrl);
      const benches = (page: Page) => page.getByRole('list', { name: 'Benches' }).textContent();
      await expect.poll(() => benches(ana.page)).toContain('Proposition (for): Team Strakes');
      // A student may not correct the round, here or by its address.
      expect(await ana.page.getByRole('button', { name: 'Edit round' }).count()).toBe(0);

      // She corrects it with the students' pages open: benches swapped, the motion reworded.
      await t.getByRole('button', { name: 'Edit round' }).click();
      const edit = t.getByRole('form', { name: /^Edit round \d+$/ });
      // Turchenko on both benches first, by a slip: the form says what is wrong and keeps her choices.
      await edit.getByLabel(/^Proposition/).selectOption({ label: 'Team Turchenko' });
      await edit.getByRole('button', { name: 'Save round' }).click();
      await edit.getByRole('alert').getByText('Each bench needs its own team.').waitFor();
      expect(await edit.getByLabel(/^Proposition/).inputValue()).toBe(
        await edit.getByLabel(/^Opposition/).inputValue(),
      );
      await screenshot(t, 'round-edit-error-1440');
      await edit.getByLabel(/^Opposition/).selectOption({ label: 'Team Strakes' });
      const MOTION =
        'This house believes that Russia, by standing aside while Azerbaijan retook Nagorno-Karabakh in 2020 and 2023, abandoned Armenia and broke the promise of the Collective Security Treaty Organization';
      await edit.getByRole('textbox', { name: /^Motion/ }).click();
      await t.keyboard.press('Control+A');
      await t.keyboard.type(MOTION);
      for (const [width, height] of [
        [768, 1024],
        [360, 740],
      ] as const) {
        await t.setViewportSize({ width, height });
        await edit.getByRole('textbox', { name: /^Motion/ }).scrollIntoViewIfNeeded();
        await screenshot(t, `round-edit-${width}`, { fullPage: width === 360 });
      }
      await t.setViewportSize({ width: 1440, height: 900 });
      await edit.getByRole('button', { name: 'Save round' }).click();
      await t.getByRole('status').filter({ hasText: 'Round saved' }).waitFor();
      // Ana sees it without reloading; so does the teacher's page.
      for (const page of [ana.page, t]) {
        await expect.poll(() => benches(page)).toContain('Proposition (for): Team Turchenko');
        expect(await benches(page)).toContain('Opposition (against): Team Strakes');
        await page.getByText(MOTION, { exact: true }).waitFor();
      }
      await screenshot(t, 'round-edited-1440');
      await ana.page.setViewportSize({ width: 360, height: 740 });
      await screenshot(ana.page, 'round-edited-student-360');
      await ana.page.setViewportSize({ width: 1280, height: 800 });
      const roundId = roundUrl.split('/').pop()!;
      const patch = (page: Page, body: unknown) =>
        page.request.patch(`${baseUrl}/api/rounds/${roundId}`, {
          headers: { origin: baseUrl },
          data: body,
        });
      const refused = await patch(ana.page, { motion: 'A student rewrites it', seats: {} });
      expect(refused.status()).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });

      // Ben flows the first proposition: a card of the map found by typing, then an argument of his own.
      const b = ben.page;
      await b.getByRole('gridcell').first().click();
      await b.keyboard.type('lost its credibility');
      await b.getByRole('option', { name: /lost its credibility/ }).waitFor();
      await b.keyboard.press('ArrowDown');
      await b.keyboard.press('Enter');
      await cellWith(b, CRED).getByText('On the map').waitFor();
      await b.keyboard.press('ArrowDown');
      await b.keyboard.type('The CSTO stayed silent in 2022');
      await b.keyboard.press('Enter');
      await cellWith(b, 'The CSTO stayed silent in 2022').waitFor();

      // Ana sees both live, and answers the first beside it in O1.
      const a = ana.page;
      await expect.poll(() => flowText(a)).toContain('The CSTO stayed silent in 2022');
      await cellWith(a, CRED).click();
      await a.keyboard.press('Enter');
      await a.getByRole('combobox', { name: /^Response in O1 to/ }).waitFor();
      await a.keyboard.type('Karabakh was never CSTO territory');
      await a.keyboard.press('Enter');
      await expect.poll(() => flowText(b)).toContain('Karabakh was never CSTO territory');
      // Beside what it answers: the same row, the next column.
      const rowOf = async (page: Page, text: string | RegExp) =>
        cellWith(page, text).evaluate((td) => (td.parentElement as HTMLTableRowElement).rowIndex);
      expect(await rowOf(b, 'Karabakh was never CSTO territory')).toBe(await rowOf(b, CRED));
      expect(await cellWith(b, 'Karabakh was never CSTO territory').textContent()).toContain(
        'attacks',
      );

      // O1 has been given and did not answer the second argument: dropped, for both teams.
      for (const page of [a, b])
        await cellWith(page, 'The CSTO stayed silent in 2022').getByText('Dropped').waitFor();
      expect(await cellWith(a, CRED).textContent()).not.toContain('Dropped');

      // The chair starts the clock: it counts down on both students' screens.
      await t.getByRole('button', { name: 'Start' }).click();
      for (const page of [a, b]) {
        await expect.poll(() => clockSeconds(page)).toBeLessThan(8 * 60);
        const first = await clockSeconds(page);
        await expect.poll(() => clockSeconds(page)).toBeLessThan(first);
      }
      await screenshot(a, 'round-flow-1280');
      await a.setViewportSize({ width: 768, height: 1024 });
      await screenshot(a, 'round-flow-768');
      await t.getByRole('button', { name: 'Pause' }).click();

      // The judge's ballot: Opposition won, for a reason tied to the card.
      await t.getByRole('radio', { name: /^Opposition/ }).check();
      await t.getByLabel('Reason for decision').click();
      await t.keyboard.type('Opposition showed the CSTO never covered Karabakh.');
      await t.getByRole('button', { name: 'Add a reason' }).click();
      await t.keyboard.type('The credibility claim fell to the treaty’s scope');
      const tie = t.getByLabel('Tie reason 1 to');
      const card = await tie
        .locator('optgroup[label="Map"] option')
        .filter({ hasText: 'lost its credibility' })
        .getAttribute('value');
      await tie.selectOption(card!);
      await t.getByRole('button', { name: 'Add tie to reason 1' }).click();
      await t.getByRole('button', { name: 'Release ballot' }).click();
      await t
        .getByRole('dialog', { name: 'Release the ballot?' })
        .getByRole('button', { name: 'Release' })
        .click();
      // The ballot's own status says so (the results below say "Released" too, once the page has read them).
      await t
        .getByRole('status')
        .filter({ hasText: 'the teams see it, and it can no longer change' })
        .waitFor();

      // Both teams read the result, its reason, and the card it is tied to.
      for (const page of [a, b]) {
        const results = page.getByRole('region', { name: 'Results' });
        await expect
          .poll(async () => (await results.textContent()) ?? '')
          .toContain('Opposition (Team Strakes) won');
        expect(await results.textContent()).toContain(
          'The credibility claim fell to the treaty’s scope',
        );
        await results.getByRole('link', { name: /lost its credibility/ }).waitFor();
      }
      // Once a ballot is released the benches stay as judged: the form shows them fixed, the server refuses a swap.
      await t.getByRole('button', { name: 'Edit round' }).click();
      await edit.getByText('A ballot is released: the benches stay as they were judged.').waitFor();
      expect(await edit.getByLabel(/^Proposition/).isDisabled()).toBe(true);
      await t.setViewportSize({ width: 360, height: 740 });
      await screenshot(t, 'round-edit-locked-360', { fullPage: true });
      await t.setViewportSize({ width: 1440, height: 900 });
      await t
        .getByRole('region', { name: /^Edit round/ })
        .getByRole('button', { name: 'Cancel' })
        .click();
      const view = (await (await t.request.get(`${baseUrl}/api/rounds/${roundId}`)).json()) as {
        seats: { position: string; team: { id: string } }[];
        lineUp: { judgeIds: string[]; version: string };
      };
      const teamOf = (bench: string) => view.seats.find((s) => s.position === bench)!.team.id;
      const swap = await patch(t, {
        motion: MOTION,
        seats: { prop: teamOf('opp'), opp: teamOf('prop') },
        judges: view.lineUp.judgeIds,
        version: view.lineUp.version,
      });
      expect(swap.status()).toBe(409);
      expect(await swap.json()).toMatchObject({
        error: {
          code: 'CONFLICT',
          message: expect.stringContaining('A ballot of this round is released'),
        },
      });
      expect(await benches(ana.page)).toContain('Proposition (for): Team Turchenko');
      for (const who of [teacher, ana, ben]) expect(who.errors).toEqual([]);
    },
  );

  it(
    'the teacher corrects one round in two tabs: the save from the form opened first is refused, the form shows the round as it is now with her swap carried over, and only her second save makes it',
    { timeout: 120_000 },
    async () => {
      // One teacher, two tabs of one session: pages of one browser context.
      const session = await browser().newContext({ viewport: { width: 1440, height: 900 } });
      const errors: string[] = [];
      const tab = async () => {
        const page = await session.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
        });
        return page;
      };
      const a = await tab();
      await signInAsDemo(a, baseUrl, inject('startupLog'), 'teacher');
      const b = await tab();
      await a.goto(`${await demoMapUrl(baseUrl)}/rounds`);
      await a.getByLabel('Format').selectOption({ label: 'World Schools' });
      await a.getByRole('button', { name: 'Create round' }).click();
      await a.waitForURL(/\/rounds\/[^/]+$/);
      const roundId = a.url().split('/').pop()!;
      await b.goto(a.url());
      const benches = (page: Page) => page.getByRole('list', { name: 'Benches' }).textContent();
      const formOf = (page: Page) => page.getByRole('form', { name: /^Edit round \d+$/ });
      // The motion as the page's header shows it (not a form's field).
      const motionOf = (page: Page, text: string) =>
        page.getByRole('strong').filter({ hasText: text });
      // Both tabs open Edit round before either saves.
      for (const page of [a, b]) {
        await page.getByText('Live', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Edit round' }).click();
        await formOf(page).waitFor();
      }
      const seated = await benches(a);
      const bForm = formOf(b);
      const prop = await bForm.getByLabel(/^Proposition/).inputValue();
      const opp = await bForm.getByLabel(/^Opposition/).inputValue();

      // Tab A rewords the motion and saves.
      const MOTION = 'This house believes Russia abandoned Armenia when Azerbaijan retook Karabakh';
      await formOf(a)
        .getByRole('textbox', { name: /^Motion/ })
        .click();
      await a.keyboard.press('Control+A');
      await a.keyboard.type(MOTION);
      await formOf(a).getByRole('button', { name: 'Save round' }).click();
      await a.getByRole('status').filter({ hasText: 'Round saved' }).waitFor();

      // Tab B's page shows the new motion live; its open form says the round changed under it.
      await motionOf(b, MOTION).waitFor();
      const warned = await bForm
        .getByRole('status')
        .filter({ hasText: 'Someone else changed this round since you opened the form' })
        .count();
      // Tab B swaps the benches in its form, opened before, and saves.
      await bForm.getByLabel(/^Proposition/).selectOption(opp);
      await bForm.getByLabel(/^Opposition/).selectOption(prop);
      await bForm.getByRole('button', { name: 'Save round' }).click();
      // Answered either way: refused (the form's alert) or saved (the page's status).
      await bForm
        .getByRole('alert')
        .or(b.getByRole('status').filter({ hasText: 'Round saved' }))
        .first()
        .waitFor();
      // The round keeps A's change and nothing of B's: B's save was refused.
      const read = async () =>
        (await (await a.request.get(`${baseUrl}/api/rounds/${roundId}`)).json()) as {
          motion: string;
          seats: { position: string; team: { id: string } }[];
        };
      const now = await read();
      expect(now.seats.map((s) => [s.position, s.team.id])).toEqual([
        ['prop', prop],
        ['opp', opp],
      ]);
      expect(now.motion).toBe(MOTION);
      expect(await benches(a)).toBe(seated);
      expect(warned).toBe(1);
      await bForm
        .getByRole('alert')
        .getByText(/^Someone else changed this round after you opened the form/)
        .waitFor();
      // The form now shows the round as it is (A's motion), with B's swap carried over.
      await bForm
        .getByRole('status')
        .filter({ hasText: 'with your own changes put back on it: Proposition and Opposition' })
        .waitFor();
      expect(await bForm.getByRole('textbox', { name: /^Motion/ }).inputValue()).toBe(MOTION);
      expect(await bForm.getByLabel(/^Proposition/).inputValue()).toBe(opp);
      expect(await bForm.getByLabel(/^Opposition/).inputValue()).toBe(prop);
      await screenshot(b, 'round-edit-stale-1440');
      for (const [width, height] of [
        [768, 1024],
        [360, 740],
      ] as const) {
        await b.setViewportSize({ width, height });
        await bForm.getByRole('alert').scrollIntoViewIfNeeded();
        await screenshot(b, `round-edit-stale-${width}`, { fullPage: width === 360 });
      }
      await b.setViewportSize({ width: 1440, height: 900 });

      // Saved again, knowingly: both changes stand, on both tabs.
      await bForm.getByRole('button', { name: 'Save round' }).click();
      await b.getByRole('status').filter({ hasText: 'Round saved' }).waitFor();
      expect((await read()).seats.map((s) => [s.position, s.team.id])).toEqual([
        ['prop', opp],
        ['opp', prop],
      ]);
      expect((await read()).motion).toBe(MOTION);
      await expect.poll(() => benches(a)).not.toBe(seated);
      await motionOf(a, MOTION).waitFor();
      expect(errors).toEqual([]);
      await session.close();
    },
  );

  it(
    'a student’s list of the map’s rounds follows, without a reload, a round the teacher makes, rewords and deletes',
    { timeout: 120_000 },
    async () => {
      const log = inject('startupLog');
      const teacher = await openPage(browser());
      const student = await openPage(browser());
      await signInAsDemo(teacher.page, baseUrl, log, 'teacher');
      await signInAsDemo(student.page, baseUrl, log, 'student1');
      const t = teacher.page;
      const s = student.page;
      const rounds = `${await demoMapUrl(baseUrl)}/rounds`;
      await s.goto(rounds);
      // Marked, to tell that the page is never loaded again.
      await s.evaluate(() => {
        (window as unknown as { stayed?: boolean }).stayed = true;
      });
      const row = (text: string) => s.getByRole('row').filter({ hasText: text });

      // The teacher makes a round with a motion of her own.
      const FIRST = 'This house would leave the Collective Security Treaty Organization';
      await t.goto(rounds);
      await t.getByLabel('Format').selectOption({ label: 'World Schools' });
      await t.getByRole('textbox', { name: /^Motion/ }).click();
      await t.keyboard.press('Control+A');
      await t.keyboard.type(FIRST);
      await t.getByRole('button', { name: 'Create round' }).click();
      await t.waitForURL(/\/rounds\/[^/]+$/);
      const title = (await t.getByRole('heading', { level: 1 }).textContent()) ?? '';
      const n = /^Round (\d+)/.exec(title)![1]!;
      await row(FIRST)
        .getByRole('link', { name: `Round ${n}: World Schools` })
        .waitFor();
      await screenshot(s, 'rounds-list-live-1440');
      for (const [width, height] of [
        [768, 1024],
        [360, 740],
      ] as const) {
        await s.setViewportSize({ width, height });
        await screenshot(s, `rounds-list-live-${width}`, { fullPage: width === 360 });
      }
      await s.setViewportSize({ width: 1440, height: 900 });

      // She rewords its motion: the student's list shows the new words.
      const SECOND = 'This house would leave the CSTO for a treaty with the European Union';
      await t.getByText('Live', { exact: true }).waitFor();
      await t.getByRole('button', { name: 'Edit round' }).click();
      const edit = t.getByRole('form', { name: `Edit round ${n}` });
      await edit.getByRole('textbox', { name: /^Motion/ }).click();
      await t.keyboard.press('Control+A');
      await t.keyboard.type(SECOND);
      await edit.getByRole('button', { name: 'Save round' }).click();
      await t.getByRole('status').filter({ hasText: 'Round saved' }).waitFor();
      await row(SECOND)
        .getByRole('link', { name: `Round ${n}: World Schools` })
        .waitFor();
      await expect.poll(() => row(FIRST).count()).toBe(0);

      // She deletes it: it leaves the student's list.
      await t.getByRole('button', { name: `Delete round ${n}` }).click();
      await t
        .getByRole('dialog', { name: `Delete round ${n}?` })
        .getByRole('button', { name: `Delete round ${n}` })
        .click();
      await t.waitForURL(/\/rounds$/);
      await expect.poll(() => row(SECOND).count()).toBe(0);
      expect(
        await s.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true),
      ).toBe(true);
      await s.getByText('Live', { exact: true }).waitFor();
      expect(teacher.errors).toEqual([]);
      expect(student.errors).toEqual([]);
    },
  );
});
