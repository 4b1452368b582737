import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { findCard, nodeNamed, screenshot, signUpNewPerson, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const newPerson = (b: Browser, name: string) =>
  signUpNewPerson(b, baseUrl, name, { width: 1440, height: 900 });

const TEAMS = ['Team Turchenko', 'Team Strakes'];
const CLAIM = /^claim: Russia has lost its credibility/;
const STUDENTS = ['Amira', 'Ben', 'Carla', 'Dev'];
/** A late joiner with a long name, to see that the flag and the panel wrap it. */
const LATE = 'Eve Featherstonehaugh-Oyelaran Maximiliana';

/** Clicks a text field and types into it, as a person does. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.page().keyboard.type(text);
}

const chosen = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).locator('option:checked').textContent();

/** Who the "Team sides" table lists as members of each team. */
async function membersColumn(page: Page): Promise<Record<string, string>> {
  const members: Record<string, string> = {};
  for (const team of TEAMS) {
    const row = page.getByRole('table', { name: 'Team sides' }).getByRole('row', { name: team });
    members[team] = (await row.getByRole('cell').nth(2).textContent()) ?? '';
  }
  return members;
}

/** The page at a desktop, a tablet and a phone size, then back to the desktop. */
async function screenshots(page: Page, name: string) {
  for (const [width, height] of [
    [768, 1024],
    [360, 740],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}`);
  }
}

let teacher: Page;
let classroomUrl: string;
let mapId: string;
let joinLink: string;
/** The late joiner's open map page and the team she was put on. */
let eveOn: { page: Page; team: string } | undefined;
const errors: string[][] = [];

/** A new student who joins the class by its link. */
async function joinAs(name: string) {
  const student = await newPerson(browser(), name);
  errors.push(student.errors);
  await student.page.goto(joinLink);
  await student.page.getByRole('button', { name: 'Join classroom' }).click();
  await student.page.waitForURL(classroomUrl);
  return student.page;
}

describe('teams and the roster', () => {
  beforeAll(async () => {
    const person = await newPerson(browser(), 'Ms Okonjo');
    errors.push(person.errors);
    teacher = person.page;
    await teacher.goto(`${baseUrl}/classrooms/new`);
    await typeInto(teacher.getByLabel('Class name'), 'Year 10 Debate');
    await teacher.getByRole('button', { name: 'Create classroom' }).click();
    await teacher.waitForURL(/\/classrooms\/(?!new)[^/]+$/);
    classroomUrl = teacher.url();
    const code = (await teacher.getByLabel('Join code').textContent())!.trim();
    joinLink = `${baseUrl}/join/${code.replace('-', '')}`;
    await teacher.getByRole('link', { name: 'New map for this class' }).click();
    await typeInto(teacher.getByLabel('Title'), 'Teams debate');
    await typeInto(
      teacher.getByLabel('Motion or question under debate'),
      'Is Russia a credible security guarantor?',
    );
    await teacher.getByRole('button', { name: 'Create map' }).click();
    await teacher.waitForURL(/\/maps\/(?!new)[^/]+$/);
    mapId = new URL(teacher.url()).pathname.split('/').at(-1)!;
    for (const name of STUDENTS) await (await joinAs(name)).context().close();
  }, 180_000);

  it('"Split at random" fills in the form, and "Save teams" keeps the split and the sides', async () => {
    await teacher.goto(`${baseUrl}/maps/${mapId}/teams`);
    await teacher.getByRole('button', { name: 'Split at random' }).click();
    await teacher
      .getByRole('status')
      .filter({ hasText: 'Everyone is on a team, at random and evenly.' })
      .waitFor();

    // Every dropdown shows the team the split chose, as the Members column does.
    const split: Record<string, string> = {};
    for (const name of STUDENTS) {
      await expect.poll(() => chosen(teacher, `Team of ${name}`)).not.toBe('No team');
      split[name] = (await chosen(teacher, `Team of ${name}`))!;
    }
    const members = await membersColumn(teacher);
    for (const name of STUDENTS) expect(members[split[name]!]).toContain(name);
    expect(Object.values(split).filter((t) => t === TEAMS[0])).toHaveLength(2);

    const turchenkoSide = await chosen(teacher, 'Side of Team Turchenko');
    await teacher.getByLabel('Side of Team Strakes').selectOption({ label: 'Neutral' });
    await teacher.getByRole('button', { name: 'Save teams' }).click();
    await teacher.getByRole('status').filter({ hasText: 'Teams saved.' }).waitFor();
    await screenshot(teacher, 'teams-after-split-and-save');
    // The form still shows what was saved ...
    for (const name of STUDENTS) expect(await chosen(teacher, `Team of ${name}`)).toBe(split[name]);
    expect(await chosen(teacher, 'Side of Team Strakes')).toBe('Neutral');

    // ... and so does a fresh page.
    await teacher.reload();
    for (const name of STUDENTS) expect(await chosen(teacher, `Team of ${name}`)).toBe(split[name]);
    expect(await chosen(teacher, 'Side of Team Strakes')).toBe('Neutral');
    expect(await chosen(teacher, 'Side of Team Turchenko')).toBe(turchenkoSide);
    expect(await membersColumn(teacher)).toEqual(members);
  });

  it('a student who joins late is told why they have no team notes; the teacher sees them flagged and places them with one click', async () => {
    const eve = await joinAs(LATE);
    await eve.goto(`${baseUrl}/maps/${mapId}`);
    await nodeNamed(eve, CLAIM).waitFor();
    await eve.getByRole('tab', { name: 'Team notes' }).click();
    const notes = eve.getByRole('tabpanel', { name: 'Team notes' });
    await notes.getByText('You are not on a team yet').waitFor();
    expect(await notes.textContent()).not.toContain('Select a claim to rate it');
    await screenshots(eve, 'team-notes-no-team-yet');

    await teacher.goto(`${baseUrl}/maps/${mapId}/teams`);
    const flagged = teacher.getByRole('region', { name: /Not on a team yet/ });
    await flagged.getByText(LATE, { exact: true }).waitFor();
    await screenshots(teacher, 'teams-late-joiner');
    await flagged.getByRole('button', { name: new RegExp(`^Put ${LATE} on Team`) }).click();
    await teacher
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${LATE} is on Team`) })
      .waitFor();
    const placed = await chosen(teacher, `Team of ${LATE}`);
    expect(TEAMS).toContain(placed);
    expect(await teacher.getByRole('region', { name: /Not on a team yet/ }).count()).toBe(0);
    await teacher.reload();
    expect(await chosen(teacher, `Team of ${LATE}`)).toBe(placed);

    // Eve's open panel now offers her team's notes, without a reload.
    await notes.getByText(`Our team (${placed})`).waitFor();
    expect(await notes.textContent()).not.toContain('You are not on a team yet');
    eveOn = { page: eve, team: placed! };
  });

  it('moving a student to the other team says, before saving, that their notes stay with the old team; the student is told too', async () => {
    const { page: eve, team: from } = eveOn!;
    const to = TEAMS.find((t) => t !== from)!;
    // Eve writes a note in her team's layer.
    await (await findCard(eve, 'has lost its credibility', CLAIM)).click();
    const notes = eve.getByRole('tabpanel', { name: 'Team notes' });
    await typeInto(
      notes
        .getByRole('group', { name: /^Our notes on/ })
        .getByRole('textbox', { name: 'Team note' }),
      'Ask them about the 2022 summit',
    );
    await notes.getByRole('button', { name: 'Save note' }).click();
    await nodeNamed(eve, CLAIM).getByRole('list', { name: 'Team notes' }).waitFor();

    await teacher.goto(`${baseUrl}/maps/${mapId}/teams`);
    const eveTeam = teacher.getByLabel(`Team of ${LATE}`, { exact: true });
    await eveTeam.selectOption({ label: to });
    const said = `Everything ${LATE} wrote on the map stays theirs; their 1 note in ${from}’s layer stays with ${from}.`;
    await teacher.getByText(said).waitFor();
    await screenshots(teacher, 'teams-move-keeps-notes');
    await teacher.getByRole('button', { name: 'Save teams' }).click();
    await teacher.getByRole('status').filter({ hasText: 'Teams saved.' }).waitFor();
    await teacher.reload();
    expect(await chosen(teacher, `Team of ${LATE}`)).toBe(to);

    // Eve's open panel moves to her new team's layer and says where her note is.
    await notes.getByText(`Our team (${to})`).waitFor();
    await notes
      .getByText(
        `The note you wrote in ${from}’s layer stays with ${from}, now that you are on another team.`,
        {
          exact: false,
        },
      )
      .waitFor();
    expect(await notes.textContent()).not.toContain('Ask them about the 2022 summit');
    // Her Undo no longer reaches into the layer she left: no note steps to undo or redo.
    await expect.poll(() => eve.getByRole('toolbar', { name: 'Your notes' }).count()).toBe(0);
    await screenshot(eve, 'team-notes-after-a-move');
    await eve.context().close();
  });

  it('"Remove" a student asks first; Escape and Cancel keep them', async () => {
    await teacher.goto(classroomUrl);
    const roster = teacher.getByRole('table', { name: 'Roster' });
    const ben = roster.getByRole('cell', { name: 'Ben', exact: true });

    await roster.getByRole('button', { name: 'Remove Ben' }).click();
    const confirm = teacher.getByRole('dialog', { name: 'Remove Ben from the class?' });
    await confirm.waitFor();
    await screenshots(teacher, 'roster-remove-confirm');
    await teacher.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });

    await roster.getByRole('button', { name: 'Remove Ben' }).click();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await teacher.reload();
    await ben.waitFor();

    await roster.getByRole('button', { name: 'Remove Ben' }).click();
    await confirm.getByRole('button', { name: 'Remove Ben' }).click();
    await ben.waitFor({ state: 'detached' });
    await teacher.reload();
    await roster.getByRole('cell', { name: 'Amira', exact: true }).waitFor();
    expect(await ben.count()).toBe(0);

    expect(errors.flat()).toEqual([]);
  });
});
