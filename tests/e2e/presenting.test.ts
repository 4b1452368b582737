import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import {
  demoMapUrl,
  nodeNamed,
  openPage,
  screenshot,
  signInAsDemo,
  signUpNewPerson,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** What a page's canvas shows: its size on screen and React Flow's transform. */
async function viewOf(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const style = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const [x, y, zoom] = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/
      .exec(style)!
      .slice(1)
      .map(Number) as [number, number, number];
    // The centre of what the canvas shows, in map coordinates.
    return {
      x,
      y,
      zoom,
      width: pane.width,
      height: pane.height,
      centreX: (pane.width / 2 - x) / zoom,
      centreY: (pane.height / 2 - y) / zoom,
    };
  });
}

/** The follower shows the presenter's centre, at the zoom that fits the presenter's whole view. */
async function showsSameView(follower: Page, presenter: Page): Promise<boolean> {
  const [f, p] = await Promise.all([viewOf(follower), viewOf(presenter)]);
  const fit = Math.min(2, (f.width / p.width) * p.zoom, (f.height / p.height) * p.zoom);
  return (
    Math.abs(f.centreX - p.centreX) < 2 &&
    Math.abs(f.centreY - p.centreY) < 2 &&
    Math.abs(f.zoom - fit) < 0.01
  );
}

/** Drags the empty canvas by (dx, dy), as a person pans with the mouse. */
async function pan(page: Page, dx: number, dy: number) {
  const box = (await page.locator('.react-flow').boundingBox())!;
  // Low on the canvas, left of the overview, where the demo map has no cards.
  const from = { x: box.x + box.width * 0.55, y: box.y + box.height - 40 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 8 });
  await page.mouse.up();
}

/**
 * The controls a person can't click because something lies over them: the
 * outline's, above its tree, and the follow banner's (each by its name).
 */
function coveredControls(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Outline' }).evaluate((outline) => {
    const banner = [...document.querySelectorAll('[role="status"]')].find((s) =>
      s.textContent?.startsWith('Following'),
    );
    const controls = [
      ...outline.querySelectorAll(':scope > :not([role="tree"]) :is(button, select)'),
      ...(banner?.querySelectorAll('button') ?? []),
    ];
    return controls
      .filter((control) => {
        const box = control.getBoundingClientRect();
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return !top || !control.contains(top);
      })
      .map((control) =>
        control instanceof HTMLSelectElement
          ? `${control.labels?.[0]?.textContent} (select)`
          : control.textContent!,
      );
  });
}

/** The space between the follow banner and the outline (which fills the rest of the canvas's place). */
async function gapUnderBanner(page: Page): Promise<number> {
  const [banner, outline] = await Promise.all([
    page
      .getByRole('status')
      .filter({ hasText: /^Following / })
      .boundingBox(),
    page.getByRole('region', { name: 'Outline' }).boundingBox(),
  ]);
  return outline!.y - (banner!.y + banner!.height);
}

const live = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /^Live$/ })
    .waitFor();

describe('presenting a map', () => {
  it('students follow the teacher’s view and selection until they step out, and see a spotlight', async () => {
    const url = await demoMapUrl(baseUrl);
    const teacher = await openPage(browser());
    const student = await openPage(browser());
    await signInAsDemo(teacher.page, baseUrl, inject('startupLog'), 'teacher');
    await signInAsDemo(student.page, baseUrl, inject('startupLog'), 'student1');
    await teacher.page.goto(url);
    await student.page.goto(url);
    await Promise.all([live(teacher.page), live(student.page)]);
    // A student has no Present button: only the map's owner or the class's teacher presents.
    expect(await student.page.getByRole('button', { name: 'Present', exact: true }).count()).toBe(
      0,
    );

    const t = teacher.page;
    await t.getByRole('button', { name: 'Present', exact: true }).click();
    await expect
      .poll(() =>
        t.getByRole('button', { name: 'Present', exact: true }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    const banner = student.page.getByRole('status').filter({ hasText: /^Following Ms\. Demo/ });
    await banner.waitFor();
    await expect.poll(() => showsSameView(student.page, t)).toBe(true);

    // The teacher pans and zooms with the mouse: the student's view moves with it.
    const before = await viewOf(student.page);
    await pan(t, -260, -180);
    const canvas = (await t.locator('.react-flow').boundingBox())!;
    await t.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await t.mouse.wheel(0, 300);
    await expect.poll(() => showsSameView(student.page, t)).toBe(true);
    const after = await viewOf(student.page);
    expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeGreaterThan(50);
    expect(after.zoom).not.toBeCloseTo(before.zoom, 2);

    // The teacher selects a card: it is selected for the student too.
    const card = nodeNamed(t, /^claim: /).first();
    const cardName = (await card.getAttribute('aria-label'))!;
    await card.click();
    await expect
      .poll(() =>
        nodeNamed(student.page, new RegExp(`^${escape(cardName)}$`)).evaluate((el) =>
          el.closest('.react-flow__node')!.classList.contains('selected'),
        ),
      )
      .toBe(true);

    // A student who opens the map now follows at once, on a phone-sized screen (which opens
    // on the outline: the banner says who presents there too, and the canvas behind follows).
    const late = await openPage(browser(), { width: 360, height: 740 });
    await signInAsDemo(late.page, baseUrl, inject('startupLog'), 'student2');
    await late.page.goto(url);
    await late.page
      .getByRole('status')
      .filter({ hasText: /^Following Ms\. Demo/ })
      .waitFor();
    await expect.poll(() => showsSameView(late.page, t)).toBe(true);
    await screenshot(late.page, 'presenting-following-360');
    // The banner sits above the outline, not over its toolbar: both can be clicked, at any width.
    const lateBanner = late.page.getByRole('status').filter({ hasText: /^Following Ms\. Demo/ });
    await late.page.getByRole('region', { name: 'Outline' }).getByRole('tree').waitFor();
    expect(await coveredControls(late.page)).toEqual([]);
    expect(await gapUnderBanner(late.page)).toBeGreaterThanOrEqual(0);
    expect(await gapUnderBanner(late.page)).toBeLessThan(16);
    await late.page.setViewportSize({ width: 1440, height: 900 });
    await late.page.getByRole('button', { name: 'Outline', exact: true }).click();
    await late.page.getByRole('region', { name: 'Outline' }).getByRole('tree').waitFor();
    expect(await lateBanner.isVisible()).toBe(true);
    expect(await coveredControls(late.page)).toEqual([]);
    expect(await gapUnderBanner(late.page)).toBeGreaterThanOrEqual(0);
    expect(await gapUnderBanner(late.page)).toBeLessThan(16);
    await screenshot(late.page, 'presenting-following-outline-1440');
    await late.page.setViewportSize({ width: 768, height: 1024 });
    expect(await coveredControls(late.page)).toEqual([]);
    expect(await gapUnderBanner(late.page)).toBeGreaterThanOrEqual(0);
    expect(await gapUnderBanner(late.page)).toBeLessThan(16);
    await screenshot(late.page, 'presenting-following-outline-768');
    expect(await seriousViolations(late.page, 'following, in the outline')).toEqual([]);
    await late.page.setViewportSize({ width: 360, height: 740 });
    expect(await lateBanner.isVisible()).toBe(true);

    // Spotlight: the card is centred and ringed for the students.
    await t.getByRole('button', { name: 'Spotlight' }).click();
    const ring = student.page.locator('[data-spotlight]');
    await ring.waitFor();
    await expect.poll(() => showsSameView(student.page, t)).toBe(true);
    await expect
      .poll(async () => {
        const [box, pane] = [
          (await ring.boundingBox())!,
          (await student.page.locator('.react-flow').boundingBox())!,
        ];
        return (
          Math.abs(box.x + box.width / 2 - (pane.x + pane.width / 2)) < 30 &&
          Math.abs(box.y + box.height / 2 - (pane.y + pane.height / 2)) < 30
        );
      })
      .toBe(true);
    await screenshot(student.page, 'presenting-spotlight-student');
    await screenshot(t, 'presenting-teacher');

    // The student pans themselves: they step out, and the teacher's moves no longer carry them.
    await pan(student.page, 120, 90);
    await student.page
      .getByRole('status')
      .filter({ hasText: /^Ms\. Demo .* is presenting/ })
      .waitFor();
    const own = await viewOf(student.page);
    await pan(t, 200, 150);
    await expect.poll(() => showsSameView(late.page, t)).toBe(true);
    expect(await viewOf(student.page)).toEqual(own);

    // Follow again: back to the teacher's view.
    await student.page.getByRole('button', { name: 'Follow again' }).click();
    await expect.poll(() => showsSameView(student.page, t)).toBe(true);
    // And out with the button.
    await student.page.getByRole('button', { name: 'Stop following' }).click();
    await student.page.getByRole('button', { name: 'Follow again' }).waitFor();
    const stepped = await viewOf(student.page);
    await pan(t, -150, 100);
    await expect.poll(() => showsSameView(late.page, t)).toBe(true);
    expect(await viewOf(student.page)).toEqual(stepped);

    // The teacher stops presenting: the banners go.
    await t.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(() => late.page.getByText(/Following Ms\. Demo/).count()).toBe(0);
    await expect.poll(() => student.page.getByText(/is presenting/).count()).toBe(0);

    expect([...teacher.errors, ...student.errors, ...late.errors]).toEqual([]);
    await Promise.all([t.close(), student.page.close(), late.page.close()]);
  }, 300_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('inviting a class and projecting a map', () => {
  it('the classroom shows the join link as a QR code; after the join deadline a student is refused until the teacher reopens joining', async () => {
    const teacher = await signUpNewPerson(browser(), baseUrl, 'Ms Lindqvist');
    const t = teacher.page;
    await t.goto(`${baseUrl}/classrooms/new`);
    await t.getByLabel('Class name').click();
    await t.keyboard.type('Period 4 Debate');
    await t.getByRole('button', { name: 'Create classroom' }).click();
    await t.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    const classroomUrl = t.url();
    const code = (await t.getByLabel('Join code').textContent())!.trim();
    const qr = t.getByRole('img', { name: `QR code for the join link (code ${code})` });
    await qr.waitFor();
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(200);
    await t.getByText(`Scan to join, or type ${code}`).waitFor();
    await screenshot(t, 'presenting-classroom-qr', { fullPage: true });

    // The teacher closes joining: a moment already past.
    // A date field's segments take keys differently per locale: the focused field is set whole.
    const until = t.getByLabel('New students can join until');
    await until.click();
    await until.fill('2020-01-02T09:00');
    await t.getByRole('button', { name: 'Save deadline' }).click();
    await t.getByText(/Joining closed .*Nobody new can join/).waitFor();

    const student = await signUpNewPerson(browser(), baseUrl, 'Noor');
    await student.page.goto(`${baseUrl}/join/${code.replace('-', '')}`);
    await student.page.getByRole('button', { name: 'Join classroom' }).click();
    await student.page
      .getByRole('alert')
      .filter({ hasText: /no longer taking new students.*reopen/i })
      .waitFor();

    await t.getByRole('button', { name: 'Reopen joining' }).click();
    await t.getByText('The join code works until you close it.').waitFor();
    await student.page.getByRole('button', { name: 'Join classroom' }).click();
    await student.page.waitForURL(classroomUrl);

    const phone = await openPage(browser(), { width: 360, height: 740 });
    await phone.page.context().addCookies(await t.context().cookies());
    await phone.page.goto(classroomUrl);
    await phone.page
      .getByRole('img', { name: /QR code for the join link/ })
      .scrollIntoViewIfNeeded();
    await screenshot(phone.page, 'presenting-classroom-qr-360');
    expect([...teacher.errors, ...student.errors, ...phone.errors]).toEqual([]);
    await Promise.all([t.close(), student.page.close(), phone.page.close()]);
  }, 180_000);

  it('a view link’s projector link shows the map full screen, read-only, following the presenter', async () => {
    const teacher = await signUpNewPerson(browser(), baseUrl, 'Mr Abara');
    const t = teacher.page;
    await t.goto(`${baseUrl}/maps/new`);
    await t.getByLabel('Title').click();
    await t.keyboard.type('Projected map');
    await t.getByLabel('Motion or question under debate').click();
    await t.keyboard.type('Should the projector follow the teacher?');
    await t.getByRole('button', { name: 'Create map' }).click();
    await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const mapUrl = t.url();
    await t.goto(`${mapUrl}/share`);
    await t.getByLabel('Anyone with the link can').selectOption('VIEWER');
    await t.getByRole('button', { name: 'Create link' }).click();
    await t.getByRole('img', { name: 'QR code for the new share link' }).waitFor();
    const projectorLink = await t.getByLabel('Projector link').inputValue();
    expect(projectorLink).toMatch(/\/p\/[A-Za-z0-9_-]+$/);

    await t.goto(mapUrl);
    await live(t);
    await t.getByRole('button', { name: 'Present', exact: true }).click();

    // A signed-out classroom screen.
    const screen = await openPage(browser());
    await screen.page.goto(projectorLink);
    await screen.page.getByRole('heading', { name: 'Projected map' }).waitFor();
    await screen.page
      .getByRole('status')
      .filter({ hasText: /^Following Mr Abara/ })
      .waitFor();
    expect(await screen.page.getByRole('toolbar', { name: 'Map editing' }).count()).toBe(0);
    expect(await screen.page.getByRole('button', { name: 'Present', exact: true }).count()).toBe(0);
    await pan(t, -200, -120);
    await expect.poll(() => showsSameView(screen.page, t)).toBe(true);
    await screenshot(screen.page, 'presenting-projector');

    // On the teacher's own laptop, signed in, the projector still acts as the view link:
    // what a class sees, never what its owner may (it cannot present, for one).
    const api = `${mapUrl.replace('/maps/', '/api/maps/')}/presenting`;
    const token = projectorLink.split('/p/')[1]!;
    const asOwner = await (await t.request.get(api)).json();
    const asProjector = await (
      await t.request.get(api, { headers: { 'x-share-token': `projector.${token}` } })
    ).json();
    expect([asOwner.canPresent, asProjector.canPresent]).toEqual([true, false]);
    expect([...teacher.errors, ...screen.errors]).toEqual([]);
    await Promise.all([t.close(), screen.page.close()]);
  }, 180_000);
});
