import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  demoMapUrl,
  findCard,
  nodeNamed,
  openPage,
  screenshot,
  selectPassage,
  signInAsDemoTeacher,
  useBrowser,
} from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('editing the demo map in Chromium', () => {
  it('adds a claim, edits it, undoes and redoes, and finds it after a reload', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemoTeacher(page, baseUrl, inject('startupLog'));
    await page.goto(await demoMapUrl(baseUrl));
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

    // After a reload the first view frames the motion: find the card as a reader would.
    await page.reload();
    const kept = await findCard(
      page,
      'Russia sells arms',
      /^objection: Russia sells arms to Armenia and Azerbaijan alike\.$/,
    );
    await kept.click();
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
    const url = await demoMapUrl(baseUrl);
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
    const url = await demoMapUrl(baseUrl);
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
    // Strakes argues against the motion: evidence cut from his article takes his side.
    expect(made).toMatchObject({ kind: 'EVIDENCE', side: 'AGAINST', anchor: { exact: phrase } });
    const strakes = snapshot.sources.find(
      (s: { author: string }) => s.author === 'Jason E. Strakes',
    );
    expect(strakes.text.slice(made.anchor.start, made.anchor.end)).toBe(phrase);

    // Connect it, as an attack, to Turchenko's claim that Russia lost its credibility.
    await page
      .getByRole('toolbar', { name: 'Map editing' })
      .getByRole('combobox', { name: 'Connect as' })
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
});
