import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  demoMapUrl,
  findCard,
  nodeNamed,
  openPage,
  signInAsDemoTeacher,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('editing the demo map’s structure in Chromium', () => {
  it('adds a supporting premise with Tab and an objection with Shift+Tab, connected to the selected node', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    const url = await demoMapUrl(baseUrl);
    await page.goto(url);
    const parent = await findCard(
      page,
      'fulfilled its duties',
      /^claim: Had Russia fulfilled its duties/,
    );
    await parent.click();
    await page.keyboard.press('Tab');
    const editor = page.getByRole('textbox', { name: 'Node text' });
    await editor.fill('Peacekeepers stood by in September 2023');
    await editor.press('Enter');
    await allSaved(page);
    // The new premise was brought into view: find the claim again.
    await (
      await findCard(page, 'fulfilled its duties', /^claim: Had Russia fulfilled its duties/)
    ).click();
    await page.keyboard.press('Shift+Tab');
    await editor.fill('Peacekeeping was never Russia’s treaty duty');
    await editor.press('Enter');
    await allSaved(page);
    const snapshot = await (await fetch(url.replace('/maps/', '/api/maps/'))).json();
    const byText = (t: string) => snapshot.nodes.find((n: { text: string }) => n.text === t);
    const target = snapshot.nodes.find((n: { text: string }) =>
      n.text.startsWith('Had Russia fulfilled its duties'),
    );
    const premise = byText('Peacekeepers stood by in September 2023');
    const objection = byText('Peacekeeping was never Russia’s treaty duty');
    expect(premise.kind).toBe('PREMISE');
    expect(objection.kind).toBe('OBJECTION');
    const edge = (from: string) =>
      snapshot.edges.find(
        (e: { fromId: string; toId: string }) => e.fromId === from && e.toId === target.id,
      );
    expect(edge(premise.id).relation).toBe('SUPPORTS');
    expect(edge(objection.id).relation).toBe('ATTACKS');
    // The first undo takes back the wording; the next removes the objection and its connection together.
    const undo = page
      .getByRole('toolbar', { name: 'Map editing' })
      .getByRole('button', { name: 'Undo' });
    await undo.click();
    await allSaved(page);
    await nodeNamed(page, /^objection: New objection$/).waitFor();
    await undo.click();
    await allSaved(page);
    expect(await nodeNamed(page, /New objection|Peacekeeping was never/).count()).toBe(0);
    const after = await (await fetch(url.replace('/maps/', '/api/maps/'))).json();
    expect(after.edges.some((e: { fromId: string }) => e.fromId === objection.id)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changes the relation of a selected connection, deletes it and brings it back with undo', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    const url = await demoMapUrl(baseUrl);
    await page.goto(url);
    const api = url.replace('/maps/', '/api/maps/');
    const connection = page.getByRole('group', {
      name: /^"Unlike NATO's 1949 Charter.*" attacks "In this respect the CSTO has some/,
    });
    await connection.focus();
    await page.keyboard.press('Enter');
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    const relation = toolbar.getByRole('combobox', { name: 'Selected connection' });
    await relation.selectOption('UNDERCUTS');
    await allSaved(page);
    const edgeOf = async () => {
      const snapshot = await (await fetch(api)).json();
      const id = (start: string) =>
        snapshot.nodes.find((n: { text: string }) => n.text.startsWith(start)).id;
      const [from, to] = [
        id("Unlike NATO's 1949 Charter"),
        id('In this respect the CSTO has some'),
      ];
      return (
        snapshot.edges.find(
          (e: { fromId: string; toId: string }) => e.fromId === from && e.toId === to,
        ) ?? null
      );
    };
    expect((await edgeOf())?.relation).toBe('UNDERCUTS');
    await toolbar.getByRole('button', { name: 'Delete connection' }).click();
    await allSaved(page);
    expect(await edgeOf()).toBeNull();
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await allSaved(page);
    expect((await edgeOf())?.relation).toBe('UNDERCUTS');
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await allSaved(page);
    expect((await edgeOf())?.relation).toBe('ATTACKS');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('deletes a node with the Delete key together with its connections, and one undo brings all back', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    const url = await demoMapUrl(baseUrl);
    const api = url.replace('/maps/', '/api/maps/');
    const count = async () => {
      const snapshot = await (await fetch(api)).json();
      const target = snapshot.nodes.find((n: { text: string }) =>
        n.text.startsWith('In the 2022 clashes on the Kyrgyz–Tajik border'),
      );
      return {
        node: !!target,
        edges: target
          ? snapshot.edges.filter(
              (e: { fromId: string; toId: string }) =>
                e.fromId === target.id || e.toId === target.id,
            ).length
          : 0,
      };
    };
    const before = await count();
    expect(before.edges).toBeGreaterThan(0);
    await page.goto(url);
    const node = await findCard(
      page,
      'Kyrgyz–Tajik border',
      /^evidence: In the 2022 clashes on the Kyrgyz–Tajik border/,
    );
    await node.click();
    await page.keyboard.press('Delete');
    await allSaved(page);
    expect(await count()).toEqual({ node: false, edges: 0 });
    await page
      .getByRole('toolbar', { name: 'Map editing' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await allSaved(page);
    expect(await count()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses an empty text with a message and keeps the old one', async () => {
    const { page } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    await page.goto(await demoMapUrl(baseUrl));
    const node = await findCard(
      page,
      'fulfilled its duties',
      /^claim: Had Russia fulfilled its duties/,
    );
    await node.dblclick();
    await page.getByRole('textbox', { name: 'Node text' }).fill('   ');
    await page.getByRole('textbox', { name: 'Node text' }).press('Enter');
    expect(
      await page.getByRole('status').filter({ hasText: 'A node needs some text' }).count(),
    ).toBe(1);
    await node.waitFor();
    await page.close();
  });

  it('shows a visitor no editing controls, and the op route refuses their changes', async () => {
    const { page } = await openPage(browser());
    const url = await demoMapUrl(baseUrl);
    await page.goto(url);
    await nodeNamed(page, /^claim: Had Russia fulfilled its duties/).waitFor();
    expect(await page.getByRole('toolbar', { name: 'Map editing' }).count()).toBe(0);
    await page.close();

    // Sent as a page of this site would (a foreign site's write is refused before any lookup).
    const response = await fetch(`${url.replace('/maps/', '/api/maps/')}/ops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({
        ops: [
          { type: 'createNode', id: 'visitor-node', kind: 'CLAIM', text: 'Sneaky', x: 0, y: 0 },
        ],
      }),
    });
    expect(response.status).toBe(403);
    const { error } = await response.json();
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).not.toMatch(/another site/);
  });
});
