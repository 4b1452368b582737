import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  demoMapId,
  nodeNamed,
  openPage,
  screenshot,
  selectPassage,
  signInAsDemoTeacher,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const demoMapUrl = async () => `${baseUrl}/maps/${await demoMapId(baseUrl)}`;

describe('editing the demo map in Chromium', () => {
  it('adds a claim, edits it, undoes and redoes, and finds it after a reload', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    await page.goto(await demoMapUrl());
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    const editor = page.getByRole('textbox', { name: 'Node text' });
    await editor.fill('Russia armed both sides, so it cannot be a neutral guarantor.');
    await editor.press('Enter');
    await allSaved(page);
    await nodeNamed(page, /^claim: Russia armed both sides/).waitFor();

    // Edit the text again, then undo to the first wording and redo.
    await nodeNamed(page, /^claim: Russia armed both sides/).dblclick();
    await editor.fill('Russia sells arms to Armenia and Azerbaijan alike.');
    await editor.press('Enter');
    await allSaved(page);
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await allSaved(page);
    await nodeNamed(page, /^claim: Russia armed both sides/).waitFor();
    await page.keyboard.press('Control+Shift+Z');
    await allSaved(page);
    await nodeNamed(page, /^claim: Russia sells arms/).waitFor();

    await nodeNamed(page, /^claim: Russia sells arms/).click();
    await toolbar.getByRole('combobox', { name: 'Kind' }).selectOption('OBJECTION');
    await allSaved(page);
    await screenshot(page, 'editor');

    await page.reload();
    await nodeNamed(
      page,
      /^objection: Russia sells arms to Armenia and Azerbaijan alike\.$/,
    ).waitFor();

    await nodeNamed(page, /^objection: Russia sells arms/).click();
    await toolbar.getByRole('button', { name: 'Delete', exact: true }).click();
    await allSaved(page);
    expect(await nodeNamed(page, /Russia sells arms/).count()).toBe(0);
    await page.reload();
    await toolbar.waitFor();
    expect(await nodeNamed(page, /Russia sells arms/).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('places a new claim clear of the others, lays the map out as one undoable move', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    const url = await demoMapUrl();
    const positionOf = async (text: string) => {
      const snapshot = await (await fetch(url.replace('/maps/', '/api/maps/'))).json();
      const node = snapshot.nodes.find((n: { text: string }) => n.text === text);
      return node ? { x: node.x, y: node.y } : null;
    };
    await page.goto(url);
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await page.getByRole('textbox', { name: 'Node text' }).fill('A claim to be arranged');
    await page.getByRole('textbox', { name: 'Node text' }).press('Enter');
    await allSaved(page);

    const boxes = await page
      .locator('.react-flow__node')
      .evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent ?? '', ...el.getBoundingClientRect().toJSON() })),
      );
    const added = boxes.find((b) => b.text.includes('A claim to be arranged'))!;
    for (const other of boxes.filter((b) => b !== added)) {
      const apart =
        added.right <= other.left ||
        other.right <= added.left ||
        added.bottom <= other.top ||
        other.bottom <= added.top;
      expect(apart, `overlaps "${other.text.slice(0, 40)}"`).toBe(true);
    }

    const placed = await positionOf('A claim to be arranged');
    await toolbar.getByRole('button', { name: 'Auto-layout' }).click();
    await toolbar.getByRole('button', { name: 'Auto-layout' }).waitFor();
    await allSaved(page);
    const arranged = await positionOf('A claim to be arranged');
    expect(arranged).not.toEqual(placed);
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await allSaved(page);
    expect(await positionOf('A claim to be arranged')).toEqual(placed);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('makes evidence from a passage selected in the reader, anchored to it, and connects it as an attack', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    const url = await demoMapUrl();
    await page.goto(url);
    const reader = page.getByRole('complementary', { name: 'Source reader' });
    await reader.getByRole('tab', { name: 'Jason E. Strakes' }).click();
    const phrase = 'Kavkaz-2020 exercises to be staged in the Southern Military District';
    await selectPassage(reader, phrase);
    const bar = reader.getByRole('region', { name: 'Selected passage' });
    expect(await bar.textContent()).toContain(phrase);
    await bar.getByRole('button', { name: 'Make evidence' }).click();
    const editor = page.getByRole('textbox', { name: 'Node text' });
    expect(await editor.inputValue()).toBe(phrase);
    await editor.fill('Russia drew 18 states, rivals included, into Kavkaz-2020.');
    await editor.press('Enter');
    await allSaved(page);
    await reader.getByRole('button', { name: /Quote for: Russia drew 18 states/ }).waitFor();

    const snapshot = await (await fetch(url.replace('/maps/', '/api/maps/'))).json();
    const made = snapshot.nodes.find((n: { text: string }) =>
      n.text.startsWith('Russia drew 18 states'),
    );
    expect(made).toMatchObject({ kind: 'EVIDENCE', side: 'FOR', anchor: { exact: phrase } });
    const strakes = snapshot.sources.find(
      (s: { author: string }) => s.author === 'Jason E. Strakes',
    );
    expect(strakes.text.slice(made.anchor.start, made.anchor.end)).toBe(phrase);

    // Connect it, as an attack, to Turchenko's claim that Russia lost its credibility.
    await page
      .getByRole('toolbar', { name: 'Map editing' })
      .getByRole('combobox', { name: 'New connections' })
      .selectOption('ATTACKS');
    const target = snapshot.nodes.find((n: { text: string }) =>
      n.text.startsWith('Russia has lost its credibility'),
    );
    await page.getByRole('searchbox', { name: 'Find a node' }).fill('Russia drew 18');
    await page.getByRole('searchbox', { name: 'Find a node' }).press('Enter');
    await page.waitForTimeout(600);
    await page.getByRole('button', { name: 'fit view' }).click();
    await page.waitForTimeout(400);
    const from = await page
      .locator(`[data-id="${made.id}"] .react-flow__handle.source`)
      .boundingBox();
    const to = await page
      .locator(`[data-id="${target.id}"] .react-flow__handle.target`)
      .boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 12 });
    await page.mouse.up();
    await allSaved(page);
    await expect
      .poll(async () => {
        const after = await (await fetch(url.replace('/maps/', '/api/maps/'))).json();
        return after.edges.some(
          (e: { fromId: string; toId: string; relation: string }) =>
            e.fromId === made.id && e.toId === target.id && e.relation === 'ATTACKS',
        );
      })
      .toBe(true);
    await screenshot(page, 'editor-evidence-from-quote');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds a supporting premise with Tab and an objection with Shift+Tab, connected to the selected node', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    const url = await demoMapUrl();
    await page.goto(url);
    const parent = nodeNamed(page, /^claim: Had Russia fulfilled its duties/);
    await parent.click();
    await page.keyboard.press('Tab');
    const editor = page.getByRole('textbox', { name: 'Node text' });
    await editor.fill('Peacekeepers stood by in September 2023');
    await editor.press('Enter');
    await allSaved(page);
    await parent.click();
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
    const url = await demoMapUrl();
    await page.goto(url);
    const api = url.replace('/maps/', '/api/maps/');
    const connection = page.getByRole('group', {
      name: /^"Azerbaijan buys most of its arms.*" attacks "Russia funds and equips/,
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
      const [from, to] = [id('Azerbaijan buys most of its arms'), id('Russia funds and equips')];
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
    const url = await demoMapUrl();
    const api = url.replace('/maps/', '/api/maps/');
    const count = async () => {
      const snapshot = await (await fetch(api)).json();
      const target = snapshot.nodes.find((n: { text: string }) =>
        n.text.startsWith('Russia also failed to monitor'),
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
    const node = nodeNamed(page, /^evidence: Russia also failed to monitor/);
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
    await page.goto(await demoMapUrl());
    const node = nodeNamed(page, /^claim: Had Russia fulfilled its duties/);
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
    const url = await demoMapUrl();
    await page.goto(url);
    await nodeNamed(page, /^claim: Had Russia fulfilled its duties/).waitFor();
    expect(await page.getByRole('toolbar', { name: 'Map editing' }).count()).toBe(0);
    await page.close();

    const response = await fetch(`${url.replace('/maps/', '/api/maps/')}/ops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ops: [
          { type: 'createNode', id: 'visitor-node', kind: 'CLAIM', text: 'Sneaky', x: 0, y: 0 },
        ],
      }),
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('FORBIDDEN');
  });
});

describe('a new teacher in Chromium', () => {
  it('signs up, creates a map from the demo debate and edits it', async () => {
    const { page, errors } = await openPage(browser());
    await page.goto(`${baseUrl}/sign-up?next=/maps/new`);
    await page.getByLabel('Your name').fill('Mr. New Teacher');
    await page.getByLabel('Email').fill(`teacher-${Date.now()}@example.test`);
    await page.getByLabel('Password').fill('the motion is carried');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${baseUrl}/maps/new`);
    await page.getByLabel('Title').fill('Period 3: the CSTO debate');
    await page
      .getByLabel('Motion or question under debate')
      .fill('Is Russia a credible security guarantor in the South Caucasus?');
    await page.getByRole('radio', { name: /The Turchenko–Strakes debate/ }).check();
    await screenshot(page, 'new-map');
    await page.getByRole('button', { name: 'Create map' }).click();
    await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Period 3: the CSTO debate',
    );
    await nodeNamed(page, /^claim: Russia has lost its credibility/).waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await page.getByRole('textbox', { name: 'Node text' }).fill('Our class claim');
    await page.getByRole('textbox', { name: 'Node text' }).press('Enter');
    await allSaved(page);
    await page.reload();
    await nodeNamed(page, /^claim: Our class claim$/).waitFor();
    // The demo itself is untouched.
    await page.goto(await demoMapUrl());
    await nodeNamed(page, /^claim: Russia has lost its credibility/).waitFor();
    expect(await nodeNamed(page, /Our class claim/).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an empty state on a blank map and puts the first claim in view', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    await page.goto(`${baseUrl}/maps/new`);
    await page.getByLabel('Title').fill('A blank map');
    await page
      .getByLabel('Motion or question under debate')
      .fill('This house would start from nothing');
    await page.getByRole('radio', { name: /A blank map/ }).check();
    await page.getByRole('button', { name: 'Create map' }).click();
    await page.waitForURL(/\/maps\/(?!new)[^/]+$/);
    await page.getByText('This map is empty.').waitFor();
    expect(
      await page.getByRole('complementary', { name: 'Source reader' }).textContent(),
    ).toContain('no source documents yet');
    await screenshot(page, 'blank-map');
    await page
      .getByRole('toolbar', { name: 'Map editing' })
      .getByRole('button', { name: '+ Add claim' })
      .click();
    const editor = page.getByRole('textbox', { name: 'Node text' });
    await editor.fill('The first claim');
    await editor.press('Enter');
    await allSaved(page);
    expect(await page.getByText('This map is empty.').count()).toBe(0);
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const card = (await nodeNamed(page, /^claim: The first claim$/).boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(pane.x);
    expect(card.y).toBeGreaterThanOrEqual(pane.y);
    expect(card.x + card.width).toBeLessThanOrEqual(pane.x + pane.width);
    expect(card.y + card.height).toBeLessThanOrEqual(pane.y + pane.height);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers a blank title with a message and creates nothing', async () => {
    const { page } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    await page.goto(`${baseUrl}/maps/new`);
    await page.getByLabel('Title').fill('   ');
    await page.getByLabel('Motion or question under debate').fill('Anything');
    await page.getByRole('button', { name: 'Create map' }).click();
    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Give the map a title');
    expect(page.url()).toBe(`${baseUrl}/maps/new`);
    await page.close();
  });
});
