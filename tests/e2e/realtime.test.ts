import { describe, expect, inject, it } from 'vitest';
import {
  allSaved,
  demoMapId,
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

describe('two people on one map', () => {
  it('an edit in one browser appears in the other without a reload, and each sees the other’s presence, selection and cursor', async () => {
    const url = await demoMapUrl(baseUrl);
    const teacher = await openPage(browser());
    const student = await openPage(browser());
    await signInAsDemo(teacher.page, baseUrl, inject('startupLog'), 'teacher');
    await signInAsDemo(student.page, baseUrl, inject('startupLog'), 'student1');
    await teacher.page.goto(url);
    await student.page.goto(url);
    const live = (page: typeof teacher.page) =>
      page
        .getByRole('status')
        .filter({ hasText: /^Live$/ })
        .waitFor();
    await Promise.all([live(teacher.page), live(student.page)]);

    // Presence, both ways.
    await teacher.page.getByRole('list', { name: /Also here: Ana \(student\)/ }).waitFor();
    await student.page.getByRole('list', { name: /Also here: Ms\. Demo \(teacher\)/ }).waitFor();

    // The teacher adds a claim; the student sees it arrive.
    const toolbar = teacher.page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    const editor = teacher.page.getByRole('textbox', { name: 'Node text' });
    await editor.fill('Arrives live in the other browser');
    await editor.press('Enter');
    await allSaved(teacher.page);
    await nodeNamed(student.page, /^claim: Arrives live in the other browser$/).waitFor({
      timeout: 5000,
    });

    // An edit of its text travels too.
    await nodeNamed(teacher.page, /^claim: Arrives live/).dblclick();
    await editor.fill('Edited, and still live');
    await editor.press('Enter');
    await allSaved(teacher.page);
    await nodeNamed(student.page, /^claim: Edited, and still live$/).waitFor({ timeout: 5000 });

    // The student's selection and cursor show on the teacher's canvas.
    await nodeNamed(student.page, /^claim: Edited, and still live$/).click();
    await teacher.page
      .locator('[data-watchers]', { hasText: 'Ana (student)' })
      .waitFor({ timeout: 5000 });
    const pane = (await student.page.locator('.react-flow__pane').boundingBox())!;
    await student.page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await student.page.mouse.move(pane.x + pane.width / 2 + 40, pane.y + pane.height / 2 + 30, {
      steps: 5,
    });
    await teacher.page
      .locator('[data-remote-cursor]', { hasText: 'Ana (student)' })
      .waitFor({ timeout: 5000 });
    await screenshot(teacher.page, 'realtime-teacher');
    await screenshot(student.page, 'realtime-student');

    // Leaving is seen too.
    await student.page.close();
    await expect
      .poll(() => teacher.page.getByRole('list', { name: /Also here/ }).count(), {
        timeout: 10_000,
      })
      .toBe(0);
    expect([...teacher.errors, ...student.errors]).toEqual([]);
    await teacher.page.close();
  });

  it('a reader whose tab goes without saying goodbye (a crash, a killed tab) is seen leaving soon, not 30 s later', async () => {
    const url = await demoMapUrl(baseUrl);
    const teacher = await openPage(browser());
    const student = await openPage(browser());
    await signInAsDemo(teacher.page, baseUrl, inject('startupLog'), 'teacher');
    await signInAsDemo(student.page, baseUrl, inject('startupLog'), 'student1');
    await teacher.page.goto(url);
    await student.page.goto(url);
    await teacher.page.getByRole('list', { name: /Also here: Ana \(student\)/ }).waitFor();

    // The goodbye the page sends as it goes never arrives, as when a tab is
    // killed or the browser crashes: only its closed connection tells.
    await student.page.route('**/presence', (route) =>
      (route.request().postDataJSON() as { left?: boolean }).left
        ? route.abort()
        : route.continue(),
    );
    await student.page.close();
    await expect
      .poll(() => teacher.page.getByRole('list', { name: /Also here: Ana \(student\)/ }).count(), {
        timeout: 10_000,
      })
      .toBe(0);
    expect(teacher.errors).toEqual([]);
    await teacher.page.close();
  });

  it('a signed-out holder of a view link gets edits live, and the token never rides in a URL', async () => {
    const teacher = await signUpNewPerson(browser(), baseUrl, 'Ms Varga');
    const t = teacher.page;
    await t.goto(`${baseUrl}/maps/new`);
    await t.getByLabel('Title').fill('Streamed to a link');
    await t.getByLabel('Motion or question under debate').fill('Should the stream log tokens?');
    await t.getByRole('button', { name: 'Create map' }).click();
    await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
    const mapUrl = t.url();
    await t.goto(`${mapUrl}/share`);
    await t.getByLabel('Anyone with the link can').selectOption('VIEWER');
    await t.getByRole('button', { name: 'Create link' }).click();
    const link = await t.getByLabel('New share link').inputValue();
    const token = link.split('/s/')[1]!;

    const visitor = await openPage(browser());
    const requests: { url: string; shareHeader: string | undefined }[] = [];
    visitor.page.on('request', (r) =>
      requests.push({ url: r.url(), shareHeader: r.headers()['x-share-token'] }),
    );
    await visitor.page.goto(link);
    await visitor.page
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();

    await t.goto(mapUrl);
    await t
      .getByRole('toolbar', { name: 'Map editing' })
      .getByRole('button', { name: '+ Add claim' })
      .click();
    const editor = t.getByRole('textbox', { name: 'Node text' });
    await editor.fill('Seen through the link');
    await editor.press('Enter');
    await allSaved(t);
    await nodeNamed(visitor.page, /^claim: Seen through the link$/).waitFor({ timeout: 5000 });

    const streams = requests.filter((r) => new URL(r.url).pathname.endsWith('/events'));
    expect(streams.length).toBeGreaterThan(0);
    for (const stream of streams) expect(stream.shareHeader).toBe(token);
    // Only the page's own address (/s/TOKEN, which the holder was given) names it.
    expect(
      requests.filter((r) => r.url.includes(token) && !r.url.startsWith(link)).map((r) => r.url),
    ).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.page.close();
    await t.context().close();
  });

  it('a stream answers a garbage Last-Event-ID with a full snapshot, and replays missed batches in order after a good one', async () => {
    const mapId = await demoMapId(baseUrl);
    // Two batches of its own, so there is something to replay.
    const { page } = await openPage(browser());
    await signInAsDemo(page, baseUrl, inject('startupLog'), 'teacher');
    for (const n of [1, 2]) {
      // Not a page's fetch: it names the origin as a browser would.
      const response = await page.request.post(`${baseUrl}/api/maps/${mapId}/ops`, {
        headers: { origin: baseUrl },
        data: {
          ops: [
            {
              type: 'createNode',
              id: `replay-${Date.now()}-${n}`,
              kind: 'CLAIM',
              text: `Replayed ${n}`,
              x: 0,
              y: 2000 + n * 200,
            },
          ],
        },
      });
      expect(response.status()).toBe(200);
    }
    await page.close();
    const read = async (headers: Record<string, string>, until: (text: string) => boolean) => {
      const controller = new AbortController();
      const response = await fetch(`${baseUrl}/api/maps/${mapId}/events`, {
        headers,
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body!.getReader();
      let text = '';
      while (!until(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      controller.abort();
      return text;
    };
    const garbage = await read({ 'last-event-id': 'not-a-number' }, (t) =>
      t.includes('event: ready'),
    );
    expect(garbage).toMatch(/event: snapshot\ndata: \{"id":"/);
    const snapshot = JSON.parse(/event: snapshot\ndata: (.*)\n/.exec(garbage)![1]!) as {
      seq: number;
    };
    expect(snapshot.seq).toBeGreaterThanOrEqual(2);
    const replay = await read(
      { 'last-event-id': String(snapshot.seq - 2) },
      (t) => (t.match(/event: ops/g) ?? []).length >= 2,
    );
    const ids = [...replay.matchAll(/id: (\d+)\nevent: ops/g)].map((m) => Number(m[1]));
    expect(ids).toEqual([snapshot.seq - 1, snapshot.seq]);
    expect(replay).toContain('Replayed 2');
  });

  it('lists the map’s changes in its history, and shows the map as it was before one of them', async () => {
    const { page, errors } = await openPage(browser());
    await signInAsDemo(page, baseUrl, inject('startupLog'), 'teacher');
    await page.goto(await demoMapUrl(baseUrl));
    const toolbar = page.getByRole('toolbar', { name: 'Map editing' });
    await toolbar.waitFor();
    // The demo map is shared by the browser tests: other tests may have left blank cards on it.
    const blankCards = await nodeNamed(page, /^claim: New claim$/).count();
    await toolbar.getByRole('button', { name: '+ Add claim' }).click();
    await page.getByRole('textbox', { name: 'Node text' }).fill('A claim with a past');
    await page.getByRole('textbox', { name: 'Node text' }).press('Enter');
    await allSaved(page);

    await page.getByRole('button', { name: 'History' }).click();
    const dialog = page.getByRole('dialog', { name: 'History of this map' });
    const newest = dialog
      .getByRole('list', { name: 'Changes, newest first' })
      .getByRole('listitem')
      .first();
    await newest.getByText('Ms. Demo (teacher)').waitFor();
    expect(await newest.textContent()).toContain('A claim with a past');
    await screenshot(page, 'history');
    // Adding the claim took two changes (a new claim, then its text); the third entry is the map before it existed.
    expect(await dialog.getByRole('listitem').nth(1).textContent()).toContain(
      'added claim “A claim with a past”',
    );
    await dialog
      .getByRole('list', { name: 'Changes, newest first' })
      .getByRole('listitem')
      .nth(2)
      .getByRole('button', { name: /^Show map then \(after change/ })
      .click();
    await page.getByRole('status').filter({ hasText: 'The map as it was after change' }).waitFor();
    await expect.poll(() => nodeNamed(page, /A claim with a past/).count()).toBe(0);
    expect(await nodeNamed(page, /^claim: New claim$/).count()).toBe(blankCards);
    expect(await page.getByRole('toolbar', { name: 'Map editing' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Back to now' }).click();
    await nodeNamed(page, /^claim: A claim with a past$/).waitFor();
    await page.getByRole('toolbar', { name: 'Map editing' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
