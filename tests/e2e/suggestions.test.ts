import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe';
import { nodeNamed, openPage, screenshot, signInAsDemo, useBrowser } from './browser';
import { canvasControlsCoveredBy, ownDebate, snapshotOf } from './new-cards';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

const APPROVED = 'Pipeline tariffs bind Yerevan to Moscow more than treaties';
const DECLINED = 'Treaties are just paper anyway';
const EDITED = 'Pipeline tariffs bind Yerevan to Moscow';
const FINAL = 'Gas pipeline tariffs bind Yerevan to Moscow';
const REASON = 'Say which treaty, and why it fails';
const NOT_SUPPORT = 'Treaties and tariffs are separate levers: say how one supports the other';
const TARIFFS = 'Gas tariffs tie Armenia to Moscow';
const TREATIES = 'Treaties bind Yerevan less than trade does';
const LONG =
  'Gazprom’s ownership of Armenia’s gas network, its pricing discounts tied to membership of the Eurasian Economic Union, and the absence of any alternative supplier through Georgia or Iran together give Moscow a lever over Yerevan that outlasts any single security guarantee, so credibility is the wrong frame for this debate entirely';
const SIZES = [
  { name: '1440', width: 1440, height: 900 },
  { name: '768', width: 768, height: 1024 },
  { name: '360', width: 360, height: 740 },
];

/** The owner makes an edit link on the share page, clicking and typing, and reads it off the page. */
async function newEditLink(owner: Page, mapId: string): Promise<string> {
  await owner.goto(`${baseUrl}/maps/${mapId}/share`);
  await owner.getByLabel('Name (optional)').click();
  await owner.keyboard.type('Moderated class');
  await owner.getByLabel('Anyone with the link can').selectOption('EDITOR');
  await owner.getByRole('button', { name: 'Create link' }).click();
  return owner.getByLabel('New share link').inputValue();
}

/** Shows the Review tab (the side panel is a drawer under 1024 px). */
async function openReview(page: Page) {
  const drawer = page.getByRole('button', { name: /Sources & discussion/ });
  if (await drawer.isVisible()) {
    if ((await drawer.getAttribute('aria-expanded')) !== 'true') await drawer.click();
  }
  await page.getByRole('tab', { name: /^Review/ }).click();
}

const review = (page: Page) => page.getByRole('tabpanel', { name: /^Review/ });
const queue = (page: Page) =>
  page.getByRole('group', { name: /^Suggestions waiting for approval/ });

/** Student: "+ Add claim", then type the words into the suggestion dialog and press Enter. */
async function suggestClaim(page: Page, text: string) {
  await page.getByRole('button', { name: '+ Add claim' }).click();
  await page.getByRole('dialog', { name: 'Suggest a claim' }).waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Suggest a claim' }).waitFor({ state: 'detached' });
}

/**
 * The teacher and a student (each in a browser context of their own) on
 * the teacher's own copy of the debate, the student joined through an edit
 * link and the teacher having turned approval on from the Review tab.
 */
async function moderatedDebate(title: string) {
  const teacher = await openPage(browser());
  const student = await openPage(browser());
  const t = teacher.page;
  const s = student.page;
  const mapId = await ownDebate(t, baseUrl, startupLog, title);
  const link = await newEditLink(t, mapId);
  await signInAsDemo(s, baseUrl, startupLog, 'student1');
  await s.goto(link);
  await s.waitForURL(`${baseUrl}/maps/${mapId}`);
  await t.goto(`${baseUrl}/maps/${mapId}`);
  await t.getByRole('toolbar', { name: 'Map editing' }).waitFor();
  await openReview(t);
  await review(t).getByRole('checkbox', { name: 'Require approval for students’ changes' }).click();
  await review(t).getByText('Nothing is waiting for approval.').waitFor();
  await openReview(s);
  await review(s)
    .getByText(/This map asks for approval/)
    .waitFor();
  return { teacher, student, t, s, mapId };
}

/** The teacher approves the suggestion the queue shows first, with its Approve button. */
async function approveFirst(t: Page, showing: RegExp | string) {
  await queue(t).getByText(showing).waitFor();
  await queue(t)
    .getByRole('button', { name: /^Approve/ })
    .click();
  await queue(t).getByText(showing).waitFor({ state: 'detached' });
}

/** Screenshots of the page at the three sizes, the Review tab open. */
async function atEverySize(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openReview(page);
    await screenshot(page, `${name}-${size.name}`);
  }
  await page.setViewportSize(SIZES[0]!);
}

describe('suggestions and moderation', () => {
  it('holds a student’s claims and edits for the teacher, who approves with A, edits with E and declines with D and a reason; a flag reaches the queue', async () => {
    // The teacher turns approval on; the queue is empty. The student's page
    // hears it live: "+ Add claim" now asks for a suggestion.
    const { teacher, student, t, s } = await moderatedDebate('Moderated debate');
    expect(await seriousViolations(t, 'empty queue')).toEqual([]);
    await atEverySize(t, 'moderation-queue-empty');

    await suggestClaim(s, APPROVED);
    await review(s).getByText(APPROVED).waitFor();
    await review(s).getByText('Waiting for approval').waitFor();
    expect(await nodeNamed(s, new RegExp(`^claim: ${APPROVED}`)).count()).toBe(0);

    // It is in the teacher's queue, not on the teacher's map; A approves it.
    await queue(t).getByText(APPROVED).waitFor();
    expect(await nodeNamed(t, new RegExp(`^claim: ${APPROVED}`)).count()).toBe(0);
    expect(await seriousViolations(t, 'queue with a suggestion')).toEqual([]);
    await queue(t).click({ position: { x: 4, y: 4 } });
    await t.keyboard.press('a');
    await nodeNamed(t, new RegExp(`^claim: ${APPROVED}`)).waitFor();
    await nodeNamed(s, new RegExp(`^claim: ${APPROVED}`)).waitFor();
    await review(s).getByText('Approved').waitFor();
    await review(t).getByText('Nothing is waiting for approval.').waitFor();

    // New words for a card on the map are a suggestion too; the teacher edits them (E) and approves (Enter).
    await nodeNamed(s, new RegExp(`^claim: ${APPROVED}`)).click();
    await s.getByRole('button', { name: 'Edit text' }).click();
    await s.keyboard.press('ControlOrMeta+A');
    await s.keyboard.type(EDITED);
    await s.keyboard.press('Enter');
    await s.getByText(/were sent as a suggestion/).waitFor();
    await queue(t).getByText(`After: ${EDITED}`, { exact: true }).waitFor();
    await queue(t).getByText(`Before: ${APPROVED}`, { exact: true }).waitFor();
    await queue(t).click({ position: { x: 4, y: 4 } });
    await t.keyboard.press('e');
    await t.getByRole('textbox', { name: /Approve with this text/ }).waitFor();
    await t.keyboard.press('ControlOrMeta+A');
    await t.keyboard.type(FINAL);
    await t.keyboard.press('Enter');
    await nodeNamed(s, new RegExp(`^claim: ${FINAL}`)).waitFor();
    await nodeNamed(t, new RegExp(`^claim: ${FINAL}`)).waitFor();

    // A second one, declined with D and a typed reason: the student sees the reason.
    await suggestClaim(s, DECLINED);
    await queue(t).getByText(DECLINED).waitFor();
    await queue(t).click({ position: { x: 4, y: 4 } });
    await t.keyboard.press('d');
    await t.getByRole('textbox', { name: /Why is it declined/ }).waitFor();
    await t.keyboard.type(REASON);
    await t.keyboard.press('Enter');
    await review(s).getByText(`Reason: ${REASON}`).waitFor();
    await review(s).getByText('Declined').waitFor();
    expect(await nodeNamed(t, new RegExp(`^claim: ${DECLINED}`)).count()).toBe(0);

    // A long suggestion, for the screenshots of the queue and of the student's list.
    await suggestClaim(s, LONG);
    await queue(t).getByText(LONG).waitFor();
    await atEverySize(t, 'moderation-queue-long');
    await atEverySize(s, 'moderation-my-suggestions');

    // The student flags the approved card; the teacher's queue lists it and the card shows a flag.
    await nodeNamed(s, new RegExp(`^claim: ${FINAL}`)).click();
    await openReview(s);
    await review(s)
      .getByRole('textbox', { name: /Why should a moderator look/ })
      .click();
    await s.keyboard.type('Needs a source');
    await review(s).getByRole('button', { name: 'Flag for review' }).click();
    await review(s).getByText('You flagged this card for review.').waitFor();
    await review(t)
      .getByText(/flagged: Needs a source/)
      .waitFor();
    await nodeNamed(t, new RegExp(`^claim: ${FINAL}`))
      .getByRole('img', { name: /Flagged for review/ })
      .waitFor();
    expect(await seriousViolations(t, 'queue with a flag')).toEqual([]);
    await screenshot(t, 'moderation-flag-1440');

    expect(teacher.errors).toEqual([]);
    expect(student.errors).toEqual([]);
  }, 300_000);

  it('holds a student’s new kind, connection and deletion for the teacher, who approves each from the queue; the student sees each change live', async () => {
    const { teacher, student, t, s, mapId } = await moderatedDebate('Moderated kinds');
    const toolbar = s.getByRole('toolbar', { name: 'Map editing' });
    // Two claims of the student's, approved, to work on.
    await suggestClaim(s, TARIFFS);
    await approveFirst(t, TARIFFS);
    await suggestClaim(s, TREATIES);
    await approveFirst(t, TREATIES);
    await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).waitFor();

    // A new kind from the toolbar's Kind select: sent as a suggestion, the card stays a claim.
    await nodeNamed(s, new RegExp(`^claim: ${TARIFFS}`)).click();
    await toolbar.getByRole('combobox', { name: 'Kind' }).selectOption('REBUTTAL');
    await s.getByText(/The new kind was sent as a suggestion/).waitFor();
    const mine = review(s)
      .getByRole('listitem')
      .filter({ hasText: /You suggested making/ });
    await mine.getByText(`You suggested making “${TARIFFS}” a rebuttal`).waitFor();
    await mine.getByText('Waiting for approval').waitFor();
    expect(await nodeNamed(s, new RegExp(`^claim: ${TARIFFS}`)).count()).toBe(1);
    await queue(t).getByText(`suggests making “${TARIFFS}” a rebuttal`).waitFor();
    expect(await queue(t).getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(await seriousViolations(t, 'queue with a new kind')).toEqual([]);
    await approveFirst(t, /suggests making/);
    await nodeNamed(s, new RegExp(`^rebuttal: ${TARIFFS}`)).waitFor();
    await mine.getByText('Approved').waitFor();

    // A connection, made with "Connect to…" (K): nothing on the map until approved.
    const edge = (page: Page) =>
      page.locator(`.react-flow__edge[aria-label='"${TREATIES}" supports "${TARIFFS}"']`);
    await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).click();
    await s.keyboard.press('k');
    await s.getByRole('dialog', { name: /^Connect/ }).waitFor();
    await s.keyboard.type(TARIFFS);
    await s.keyboard.press('Enter');
    await s.getByText(/The connection was sent as a suggestion/).waitFor();
    await queue(t)
      .getByText(`suggests connecting “${TREATIES}” → supports → “${TARIFFS}”`)
      .waitFor();
    expect(await edge(s).count()).toBe(0);
    await approveFirst(t, /suggests connecting/);
    await edge(s).waitFor({ state: 'attached' });
    await edge(t).waitFor({ state: 'attached' });

    // Deleting a card from the toolbar: waiting, shown to the teacher in words, then gone for both.
    await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).click();
    await toolbar.getByRole('button', { name: 'Delete', exact: true }).click();
    await s.getByText(/Deleting the card was sent as a suggestion/).waitFor();
    await review(s).getByText(`You suggested deleting “${TREATIES}”`).waitFor();
    await queue(t).getByText(`suggests deleting “${TREATIES}”`).waitFor();
    expect(await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).count()).toBe(1);
    await atEverySize(t, 'moderation-queue-delete');
    await atEverySize(s, 'moderation-my-suggestions-kinds');
    await approveFirst(t, /suggests deleting/);
    await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).waitFor({ state: 'detached' });
    await nodeNamed(t, new RegExp(`^claim: ${TREATIES}`)).waitFor({ state: 'detached' });
    await edge(s).waitFor({ state: 'detached' });

    // The map as stored: the rebuttal, and neither the deleted claim nor its connection.
    const map = await snapshotOf(t, baseUrl, mapId);
    expect(map.nodes.filter((n) => n.text === TARIFFS).map((n) => n.kind)).toEqual(['REBUTTAL']);
    expect(map.nodes.some((n) => n.text === TREATIES)).toBe(false);
    expect(teacher.errors).toEqual([]);
    expect(student.errors).toEqual([]);
  }, 300_000);

  it('lets a student withdraw a new kind or a deletion while it waits, and shows them live the teacher declining their connection, with the reason; the map stays as drawn', async () => {
    const { teacher, student, t, s, mapId } = await moderatedDebate('Moderated declines');
    const toolbar = s.getByRole('toolbar', { name: 'Map editing' });
    await suggestClaim(s, TARIFFS);
    await approveFirst(t, TARIFFS);
    await suggestClaim(s, TREATIES);
    await approveFirst(t, TREATIES);
    await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).waitFor();

    // A new kind, waiting in the student's list and the teacher's queue; the student withdraws it.
    await nodeNamed(s, new RegExp(`^claim: ${TARIFFS}`)).click();
    const kind = toolbar.getByRole('combobox', { name: 'Kind' });
    await kind.selectOption('REBUTTAL');
    await s.getByText(/The new kind was sent as a suggestion/).waitFor();
    const rekind = review(s)
      .getByRole('listitem')
      .filter({ hasText: `You suggested making “${TARIFFS}” a rebuttal` });
    await rekind.getByText('Waiting for approval').waitFor();
    await queue(t).getByText(`suggests making “${TARIFFS}” a rebuttal`).waitFor();
    await rekind.getByRole('button', { name: 'Withdraw' }).click();
    // Gone from both lists, live; the card is a claim still, and its Kind select says so.
    await rekind.waitFor({ state: 'detached' });
    await review(t).getByText('Nothing is waiting for approval.').waitFor();
    expect(await nodeNamed(s, new RegExp(`^claim: ${TARIFFS}`)).count()).toBe(1);
    expect(await kind.inputValue()).toBe('CLAIM');

    // Another: a connection, made with "Connect to…" (K), which the teacher declines with D and a reason.
    await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).click();
    await s.keyboard.press('k');
    await s.getByRole('dialog', { name: /^Connect/ }).waitFor();
    await s.keyboard.type(TARIFFS);
    await s.keyboard.press('Enter');
    await s.getByText(/The connection was sent as a suggestion/).waitFor();
    const connecting = review(s)
      .getByRole('listitem')
      .filter({ hasText: `You suggested connecting “${TREATIES}”` });
    await connecting.getByText('Waiting for approval').waitFor();
    await queue(t)
      .getByText(`suggests connecting “${TREATIES}” → supports → “${TARIFFS}”`)
      .waitFor();
    await queue(t).click({ position: { x: 4, y: 4 } });
    await t.keyboard.press('d');
    await t.getByRole('textbox', { name: /Why is it declined/ }).waitFor();
    await t.keyboard.type(NOT_SUPPORT);
    await t.keyboard.press('Enter');
    await review(t).getByText('Nothing is waiting for approval.').waitFor();
    // The student's list says so without a reload: declined, when, and why.
    await connecting.getByText('Declined').waitFor();
    await connecting.getByText(`Reason: ${NOT_SUPPORT}`).waitFor();
    expect(await connecting.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-/);
    expect(await connecting.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    const edge = (page: Page) =>
      page.locator(`.react-flow__edge[aria-label='"${TREATIES}" supports "${TARIFFS}"']`);
    expect(await edge(s).count()).toBe(0);
    expect(await edge(t).count()).toBe(0);
    const map = await snapshotOf(t, baseUrl, mapId);
    const idOf = (text: string) => map.nodes.find((n) => n.text === text)!.id;
    expect(
      map.edges.filter((e) => e.fromId === idOf(TREATIES) || e.toId === idOf(TREATIES)),
    ).toEqual([]);
    expect(map.nodes.filter((n) => n.text === TARIFFS).map((n) => n.kind)).toEqual(['CLAIM']);

    // A deletion with the Delete key: the card stays drawn on the student's canvas while it
    // waits, until they withdraw it.
    await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).click();
    await s.keyboard.press('Delete');
    await s.getByText(/Deleting the card was sent as a suggestion/).waitFor();
    const deleting = review(s)
      .getByRole('listitem')
      .filter({ hasText: `You suggested deleting “${TREATIES}”` });
    await deleting.getByText('Waiting for approval').waitFor();
    expect(await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).count()).toBe(1);
    await queue(t).getByText(`suggests deleting “${TREATIES}”`).waitFor();
    await deleting.getByRole('button', { name: 'Withdraw' }).click();
    await deleting.waitFor({ state: 'detached' });
    await review(t).getByText('Nothing is waiting for approval.').waitFor();
    expect(await nodeNamed(s, new RegExp(`^claim: ${TREATIES}`)).count()).toBe(1);

    // What cannot be suggested (deleting a connection) is said in a long word at the canvas's
    // foot, which covers neither the zoom controls nor the Overview at any width.
    const connection = s.getByRole('group', {
      name: /^"Unlike NATO's 1949 Charter.*" attacks "In this respect the CSTO has some/,
    });
    const notice = s
      .getByRole('status')
      .filter({ hasText: /^This map asks for approval: you can move cards/ });
    for (const size of SIZES) {
      await s.setViewportSize(size);
      // A phone opens on the outline: the student switches to the map.
      const mapView = s.getByRole('button', { name: 'Map', exact: true }).first();
      if ((await mapView.getAttribute('aria-pressed')) !== 'true') await mapView.click();
      await connection.focus();
      await s.keyboard.press('Enter');
      await s.keyboard.press('Delete');
      await notice.waitFor();
      // The connection is still drawn: nothing left the map.
      expect(await connection.count(), size.name).toBe(1);
      expect(await canvasControlsCoveredBy(notice), size.name).toEqual([]);
      await screenshot(s, `map-notice-long-${size.name}`);
      await notice.getByRole('button', { name: 'Dismiss message' }).click();
      await notice.waitFor({ state: 'detached' });
    }
    await s.setViewportSize(SIZES[0]!);
    await atEverySize(s, 'moderation-my-suggestions-declined');

    expect(teacher.errors).toEqual([]);
    expect(student.errors).toEqual([]);
  }, 300_000);
});
