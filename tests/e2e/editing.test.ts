import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { demoMapId, openPage, screenshot, signInAsDemoTeacher, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const demoMapUrl = async () => `${baseUrl}/maps/${await demoMapId(baseUrl)}`;

const nodeNamed = (page: Page, pattern: RegExp) => page.getByRole('group', { name: pattern });
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();

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
    await saved(page);
    await nodeNamed(page, /^claim: Russia armed both sides/).waitFor();

    // Edit the text again, then undo to the first wording and redo.
    await nodeNamed(page, /^claim: Russia armed both sides/).dblclick();
    await editor.fill('Russia sells arms to Armenia and Azerbaijan alike.');
    await editor.press('Enter');
    await saved(page);
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await saved(page);
    await nodeNamed(page, /^claim: Russia armed both sides/).waitFor();
    await page.keyboard.press('Control+Shift+Z');
    await saved(page);
    await nodeNamed(page, /^claim: Russia sells arms/).waitFor();

    await nodeNamed(page, /^claim: Russia sells arms/).click();
    await toolbar.getByRole('combobox', { name: 'Kind' }).selectOption('OBJECTION');
    await saved(page);
    await screenshot(page, 'editor');

    await page.reload();
    await nodeNamed(page, /^objection: Russia sells arms to Armenia and Azerbaijan alike\.$/).waitFor();

    await nodeNamed(page, /^objection: Russia sells arms/).click();
    await toolbar.getByRole('button', { name: 'Delete', exact: true }).click();
    await saved(page);
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
    await saved(page);

    const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? '', ...el.getBoundingClientRect().toJSON() })));
    const added = boxes.find((b) => b.text.includes('A claim to be arranged'))!;
    for (const other of boxes.filter((b) => b !== added)) {
      const apart = added.right <= other.left || other.right <= added.left || added.bottom <= other.top || other.bottom <= added.top;
      expect(apart, `overlaps "${other.text.slice(0, 40)}"`).toBe(true);
    }

    const placed = await positionOf('A claim to be arranged');
    await toolbar.getByRole('button', { name: 'Auto-layout' }).click();
    await toolbar.getByRole('button', { name: 'Auto-layout' }).waitFor();
    await saved(page);
    const arranged = await positionOf('A claim to be arranged');
    expect(arranged).not.toEqual(placed);
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await saved(page);
    expect(await positionOf('A claim to be arranged')).toEqual(placed);
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
    expect(await page.getByRole('status').filter({ hasText: 'A node needs some text' }).count()).toBe(1);
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
      body: JSON.stringify({ ops: [{ type: 'createNode', id: 'visitor-node', kind: 'CLAIM', text: 'Sneaky', x: 0, y: 0 }] }),
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('FORBIDDEN');
  });
});
