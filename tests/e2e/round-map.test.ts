import { describe, expect, inject, it } from 'vitest';
import { openPage, signInAsDemo, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('from the flow to the map and back', () => {
  it(
    'an entry flowed in a round becomes a card of the map with one action, and the card says which round it came up in',
    { timeout: 120_000 },
    async () => {
      const teacher = await openPage(browser(), { width: 1280, height: 800 });
      const t = teacher.page;
      await signInAsDemo(t, baseUrl, inject('startupLog'), 'teacher');
      // A map of her own from the demo debate (the demo map itself stays as it is).
      await t.goto(`${baseUrl}/maps/new`);
      await t.getByLabel('Title').fill('Flow to map');
      await t.getByLabel('Motion or question under debate').fill('Did Russia abandon Armenia?');
      await t.getByRole('radio', { name: /The Turchenko–Strakes debate/ }).check();
      await t.getByRole('button', { name: 'Create map' }).click();
      await t.waitForURL(/\/maps\/(?!new)[^/]+$/);
      await t.getByText('Manage', { exact: true }).click();
      await t.getByRole('link', { name: 'Practice rounds' }).click();
      await t.getByLabel('Format').selectOption({ label: 'Simple classroom debate' });
      await t.getByRole('button', { name: 'Create round' }).click();
      await t.waitForURL(/\/rounds\/[^/]+$/);

      // She flows a new argument in the first speech, then puts it on the map.
      await t.getByRole('gridcell').first().click();
      await t.keyboard.type('Armenia turned to the EU monitors instead');
      await t.keyboard.press('Enter');
      const entry = t
        .getByRole('gridcell')
        .filter({ hasText: 'Armenia turned to the EU monitors instead' });
      await entry.waitFor();
      await t.getByRole('button', { name: 'Add to the map' }).click();
      await entry.getByText('On the map').waitFor();

      // The card, opened from the entry, says where it came up.
      await t.getByRole('link', { name: 'Armenia turned to the EU monitors instead' }).click();
      await t.waitForURL(/\/maps\/[^/]+\?node=/);
      await t.getByRole('tab', { name: /^Discussion/ }).click();
      await expect
        .poll(
          async () => (await t.getByRole('tabpanel', { name: /^Discussion/ }).textContent()) ?? '',
        )
        .toMatch(/Came up in Round 1 \(\w+/);

      // Done with it: she deletes the round (it asks first); the card stays on the map.
      await t.goBack();
      await t.getByText('Live', { exact: true }).waitFor();
      await t.getByRole('button', { name: 'Delete round 1' }).click();
      await t
        .getByRole('dialog', { name: 'Delete round 1?' })
        .getByRole('button', { name: 'Delete round 1' })
        .click();
      await t.waitForURL(/\/rounds$/);
      await t.getByText('No rounds yet').waitFor();
      expect(teacher.errors).toEqual([]);
    },
  );
});
