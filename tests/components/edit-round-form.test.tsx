// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EditRoundForm } from '@/components/rounds/edit-round-form';
import type { RoundView } from '@/lib/domain/rounds/views';
import type { FormAction } from '@/lib/domain/form-state';
import { round } from './round-fixture';

afterEach(cleanup);

const opened: RoundView = round({
  me: { ...round().me, manage: true },
  lineUp: {
    teams: [
      { id: 't-a', name: 'Team A', side: 'FOR' },
      { id: 't-b', name: 'Team B', side: 'AGAINST' },
    ],
    people: [{ id: 'u-judge', name: 'Jo Judge' }],
    judgeIds: ['u-judge'],
    chairId: 'u-judge',
    locked: false,
    version: 'v1',
  },
});
/** The round once a co-teacher has reworded its motion. */
const reworded: RoundView = {
  ...opened,
  motion: 'This house would lift the sanctions on medicine',
  lineUp: { ...opened.lineUp!, version: 'v2' },
};

/**
 * The server as the edit action answers (lib/server/form-action): a save on
 * an older version is refused with its code and what was sent; each save's
 * fields are kept.
 */
function server() {
  const sent: Record<string, string>[] = [];
  const action: FormAction = async (_state, form) => {
    const values: Record<string, string> = {};
    const chosen: Record<string, string[]> = {};
    for (const [name, value] of form.entries())
      if (typeof value === 'string') (chosen[name] ??= []).push((values[name] = value));
    sent.push(values);
    if (values.version !== 'v2')
      return {
        error: 'Someone else changed this round after you opened the form, so nothing was saved.',
        code: 'STALE_VERSION',
        values,
        chosen,
      };
    return { notice: 'Round saved' };
  };
  return { sent, action };
}

/** The round page around the form: its view changes live, or when read again after a refusal. */
function Page({
  action,
  live,
}: {
  action: FormAction;
  /** The co-teacher's change reaches the page before the save (else only when it is read again). */
  live: boolean;
}) {
  const [view, setView] = useState(opened);
  return (
    <>
      <button type="button" onClick={() => live && setView(reworded)}>
        Co-teacher saves
      </button>
      <EditRoundForm
        round={view}
        lineUp={view.lineUp!}
        action={action}
        onDone={() => {}}
        onStale={() => setView(reworded)}
      />
    </>
  );
}

describe('the edit-round form when someone else corrected the round meanwhile', () => {
  for (const live of [true, false])
    it(`is refused, then shows the round as it is now with the writer's swap kept, and saves it on the new version (the change ${live ? 'came live before the save' : 'is read after the refusal'})`, async () => {
      const user = userEvent.setup();
      const { sent, action } = server();
      render(<Page action={action} live={live} />);
      // She swaps the benches; meanwhile her co-teacher rewords the motion.
      await user.selectOptions(screen.getByLabelText(/^Proposition/), 'Team B');
      await user.selectOptions(screen.getByLabelText(/^Opposition/), 'Team A');
      await user.click(screen.getByRole('button', { name: 'Co-teacher saves' }));
      if (live)
        await screen.findByText(/Someone else changed this round since you opened the form/);
      await user.click(screen.getByRole('button', { name: 'Save round' }));
      await screen.findByText(/^Someone else changed this round after you opened the form/);
      await screen.findByText(
        /with your own changes put back on it: Proposition and Opposition\. Save again/,
      );
      // The motion as it is now; her swap still chosen.
      expect(screen.getByRole('textbox', { name: 'Motion' })).toHaveProperty(
        'value',
        reworded.motion,
      );
      expect(screen.getByLabelText(/^Proposition/)).toHaveProperty('value', 't-b');
      expect(screen.getByLabelText(/^Opposition/)).toHaveProperty('value', 't-a');
      expect(sent).toHaveLength(1);

      await user.click(screen.getByRole('button', { name: 'Save round' }));
      await screen.findByText('Round saved');
      expect(sent[1]).toMatchObject({
        version: 'v2',
        motion: reworded.motion,
        'seat:prop': 't-b',
        'seat:opp': 't-a',
      });
    });

  it('keeps the writer’s own motion when both reworded it, and says what the round’s reads now', async () => {
    const user = userEvent.setup();
    const { sent, action } = server();
    render(<Page action={action} live />);
    const motion = screen.getByRole('textbox', { name: 'Motion' });
    await user.click(motion);
    await user.keyboard('{Control>}a{/Control}This house would end the sanctions');
    await user.click(screen.getByRole('button', { name: 'Co-teacher saves' }));
    await user.click(screen.getByRole('button', { name: 'Save round' }));
    await screen.findByText(/with your own changes put back on it: the motion\./);
    screen.getByText(/The motion now reads “This house would lift the sanctions on medicine”/);
    expect(screen.getByRole('textbox', { name: 'Motion' })).toHaveProperty(
      'value',
      'This house would end the sanctions',
    );
    await user.click(screen.getByRole('button', { name: 'Save round' }));
    await screen.findByText('Round saved');
    expect(sent[1]).toMatchObject({ version: 'v2', motion: 'This house would end the sanctions' });
  });
});
