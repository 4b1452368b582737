// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActionForm } from '@/components/ui/action-form';
import { formAction } from '@/lib/server/form-action';

afterEach(cleanup);

/** The server's answer to a form it refuses, as every form action gives it. */
const refuse = formAction(
  z.object({ motion: z.string().min(10, 'Write the whole motion') }),
  async () => ({ notice: 'Saved' }),
);

describe('a form refused by its server action', () => {
  it('puts back every box as it was ticked, and the words as typed', async () => {
    const user = userEvent.setup();
    render(
      <ActionForm action={refuse} submitLabel="Save">
        <label>
          Motion <input name="motion" defaultValue="" />
        </label>
        {['Ana', 'Ben', 'Cleo'].map((name) => (
          <label key={name}>
            <input type="checkbox" name="judge" value={name} defaultChecked={name !== 'Ben'} />
            {name}
          </label>
        ))}
        <label>
          <input type="checkbox" name="release" defaultChecked /> Release it
        </label>
      </ActionForm>,
    );
    await user.click(screen.getByRole('textbox', { name: 'Motion' }));
    await user.keyboard('Too short');
    // Two judges ticked, one unticked, and the release unticked.
    await user.click(screen.getByRole('checkbox', { name: 'Ben' }));
    await user.click(screen.getByRole('checkbox', { name: 'Cleo' }));
    await user.click(screen.getByRole('checkbox', { name: 'Release it' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Write the whole motion');

    const ticked = (name: string) =>
      (screen.getByRole('checkbox', { name }) as HTMLInputElement).checked;
    expect({ Ana: ticked('Ana'), Ben: ticked('Ben'), Cleo: ticked('Cleo') }).toEqual({
      Ana: true,
      Ben: true,
      Cleo: false,
    });
    expect(ticked('Release it')).toBe(false);
    expect(screen.getByRole('textbox', { name: 'Motion' })).toHaveProperty('value', 'Too short');
  });
});
