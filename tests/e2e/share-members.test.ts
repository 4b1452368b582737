import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allSaved, nodeNamed, openPage, screenshot, signInAsDemo, useBrowser } from './browser';
import { ownDebate } from './new-cards';

const baseUrl = inject('baseUrl');
const startupLog = inject('startupLog');
const browser = useBrowser();

/** The owner makes a named edit link on the share page, clicking and typing, and reads it off the page. */
async function newEditLink(owner: Page, mapId: string, name: string): Promise<string> {
  await owner.goto(`${baseUrl}/maps/${mapId}/share`);
  await owner.getByLabel('Name (optional)').click();
  await owner.keyboard.type(name);
  await owner.getByLabel('Anyone with the link can').selectOption('EDITOR');
  await owner.getByRole('button', { name: 'Create link' }).click();
  return owner.getByLabel('New share link').inputValue();
}

/** The member adds a claim from the toolbar, typing its text. */
async function addClaim(member: Page, text: string): Promise<void> {
  await member
    .getByRole('toolbar', { name: 'Map editing' })
    .getByRole('button', { name: '+ Add claim' })
    .click();
  await member.getByRole('textbox', { name: 'Node text' }).waitFor();
  await member.keyboard.type(text);
  await member.keyboard.press('Enter');
}

/** A claim posted from the member's page as the page posts edits: the answer's status. */
const postClaim = (member: Page, mapId: string, text: string): Promise<number> =>
  member.evaluate(
    async ({ mapId, text }) => {
      const response = await fetch(`/api/maps/${mapId}/ops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ops: [{ type: 'createNode', id: crypto.randomUUID(), kind: 'CLAIM', text, x: 0, y: 0 }],
        }),
      });
      return response.status;
    },
    { mapId, text },
  );

/** The map's cards, as its owner's session reads them. */
const cardTexts = async (owner: Page, mapId: string): Promise<string[]> =>
  (
    (await (await owner.request.get(`${baseUrl}/api/maps/${mapId}`)).json()) as {
      nodes: { text: string }[];
    }
  ).nodes.map((n) => n.text);

describe('people who joined a map through a link', () => {
  it('lose it when the owner revokes the link, or removes them: their open page says so and their next edit is refused', async () => {
    const owner = await openPage(browser());
    const ana = await openPage(browser());
    const ben = await openPage(browser());
    const mapId = await ownDebate(owner.page, baseUrl, startupLog, 'Links that end');

    // Ana joins through an edit link and edits.
    const clubLink = await newEditLink(owner.page, mapId, 'Debate club');
    await signInAsDemo(ana.page, baseUrl, startupLog, 'student1');
    await ana.page.goto(clubLink);
    await ana.page.waitForURL(`${baseUrl}/maps/${mapId}`);
    await addClaim(ana.page, 'Ana was here through the link');
    await allSaved(ana.page);

    // The owner sees her on the share page, and how she joined.
    await owner.page.reload();
    const people = owner.page.getByRole('table', { name: 'People on this map' });
    await people
      .getByRole('row', { name: /Ana \(student\).*Through the link “Debate club”/ })
      .waitFor();
    await screenshot(owner.page, 'share-members');

    // Revoked: Ana's open page loses the map at once, and her next edit is refused.
    await owner.page
      .getByRole('form', { name: 'Revoke the link “Debate club”' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await people.getByRole('row', { name: /Ana \(student\).*revoked · no access/ }).waitFor();
    await ana.page
      .getByRole('alert')
      .filter({ hasText: 'You no longer have access to this map.' })
      .waitFor();
    // Her page has turned read-only; an edit sent as it would send one is refused.
    expect(await postClaim(ana.page, mapId, 'Ana after the revoke')).toBe(404);
    await ana.page.reload();
    await ana.page.getByText('We couldn’t find that page').waitFor();
    expect(await cardTexts(owner.page, mapId)).toContain('Ana was here through the link');
    expect(await cardTexts(owner.page, mapId)).not.toContain('Ana after the revoke');

    // Ben joins through another link; the owner makes him a viewer, then removes him.
    const benLink = await newEditLink(owner.page, mapId, 'Ben only');
    await signInAsDemo(ben.page, baseUrl, startupLog, 'student2');
    await ben.page.goto(benLink);
    await ben.page.waitForURL(`${baseUrl}/maps/${mapId}`);
    await nodeNamed(ben.page, /^claim: Ana was here through the link$/).waitFor();
    await owner.page.reload();
    await owner.page
      .getByRole('combobox', { name: 'Role of Ben (student)', exact: true })
      .selectOption('VIEWER');
    await owner.page.getByRole('button', { name: 'Change role of Ben (student)' }).click();
    await owner.page.getByRole('status').filter({ hasText: 'Role changed.' }).waitFor();
    await people.getByRole('row', { name: /Ben \(student\).*Role set by the owner/ }).waitFor();
    expect(await postClaim(ben.page, mapId, 'Ben')).toBe(403);

    await owner.page.getByRole('button', { name: 'Remove Ben (student)' }).click();
    await owner.page
      .getByRole('dialog', { name: 'Remove Ben (student) from “Links that end”?' })
      .getByRole('button', { name: 'Remove Ben (student)' })
      .click();
    await people.getByRole('row', { name: /Ben \(student\)/ }).waitFor({ state: 'detached' });
    await ben.page
      .getByRole('alert')
      .filter({ hasText: 'You no longer have access to this map.' })
      .waitFor();
    await ben.page.reload();
    await ben.page.getByText('We couldn’t find that page').waitFor();

    expect(owner.errors).toEqual([]);
    await Promise.all([owner, ana, ben].map((p) => p.page.context().close()));
  });
});
