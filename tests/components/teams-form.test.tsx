// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamsForm } from '@/components/ui/teams-form';
import type { FormAction, FormState } from '@/lib/domain/form-state';

afterEach(cleanup);

const teams = [
  { id: 't1', name: 'Team Turchenko', side: 'FOR' as const, color: '#1d4ed8' },
  { id: 't2', name: 'Team Strakes', side: 'AGAINST' as const, color: '#c2410c' },
];
const people: {
  id: string;
  name: string;
  teamId: string | null;
  notesByTeam: Record<string, number>;
}[] = [
  { id: 'u1', name: 'Amira', teamId: 't1', notesByTeam: { t1: 3 } },
  { id: 'u2', name: 'Ben', teamId: null, notesByTeam: {} },
];

/** The server action at the component's boundary: records what the form sent, answers `state`. */
function fakeAction(state: FormState = { notice: 'Teams saved.' }) {
  const sent: Record<string, FormDataEntryValue>[] = [];
  let release: () => void = () => {};
  const action = vi.fn<FormAction>(async (_previous, form) => {
    sent.push(Object.fromEntries(form.entries()));
    await new Promise<void>((resolve) => (release = resolve));
    return state;
  });
  return { action, sent, release: () => release() };
}

const chosen = (select: HTMLElement) => (select as HTMLSelectElement).selectedOptions[0]?.text;

describe('the teams form', () => {
  it('shows each person on their team and each team on its side, with its members', () => {
    render(<TeamsForm mapId="m1" teams={teams} people={people} action={fakeAction().action} />);
    expect(chosen(screen.getByLabelText('Team of Amira'))).toBe('Team Turchenko');
    expect(chosen(screen.getByLabelText('Team of Ben'))).toBe('No team');
    expect(chosen(screen.getByLabelText('Side of Team Strakes'))).toBe('Against the motion');
    const sides = screen.getByRole('table', { name: 'Team sides' });
    const turchenko = within(sides).getByRole('row', { name: /Team Turchenko/ });
    expect(within(turchenko).getByRole('cell', { name: 'Amira' })).toBeTruthy();
    const strakes = within(sides).getByRole('row', { name: /Team Strakes/ });
    expect(within(strakes).getByRole('cell', { name: '—' })).toBeTruthy();
  });

  it('saves every choice at once: who is on which team, no team, and each side', async () => {
    const user = userEvent.setup();
    const { action, sent, release } = fakeAction();
    render(<TeamsForm mapId="m1" teams={teams} people={people} action={action} />);
    await user.selectOptions(screen.getByLabelText('Team of Amira'), 'No team');
    await user.selectOptions(screen.getByLabelText('Team of Ben'), 'Team Strakes');
    await user.selectOptions(screen.getByLabelText('Side of Team Turchenko'), 'Neutral');
    await user.click(screen.getByRole('button', { name: 'Save teams' }));

    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(sent[0]).toEqual({
      mapId: 'm1',
      'side:t1': 'NEUTRAL',
      'side:t2': 'AGAINST',
      'team:u1': '',
      'team:u2': 't2',
    });
    release();
  });

  it('says it is saving, cannot be sent twice meanwhile, and then says the teams are saved', async () => {
    const user = userEvent.setup();
    const { action, release } = fakeAction();
    render(<TeamsForm mapId="m1" teams={teams} people={people} action={action} />);
    await user.click(screen.getByRole('button', { name: 'Save teams' }));
    const saving = await screen.findByRole('button', { name: 'Saving…' });
    expect((saving as HTMLButtonElement).disabled).toBe(true);
    release();
    expect((await screen.findByRole('status')).textContent).toBe('Teams saved.');
    expect((screen.getByRole('button', { name: 'Save teams' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('says, before saving, that a moved person keeps their work and their notes stay with the team', async () => {
    const user = userEvent.setup();
    render(<TeamsForm mapId="m1" teams={teams} people={people} action={fakeAction().action} />);
    const amira = screen.getByLabelText('Team of Amira');
    expect(amira.getAttribute('aria-describedby')).toBeNull();
    await user.selectOptions(amira, 'Team Strakes');
    const note = document.getElementById(amira.getAttribute('aria-describedby')!);
    expect(note?.textContent).toBe(
      'Everything Amira wrote on the map stays theirs; their 3 notes in Team Turchenko’s layer stay with Team Turchenko.',
    );
    await user.selectOptions(amira, 'Team Turchenko');
    expect(amira.getAttribute('aria-describedby')).toBeNull();
  });

  it('moves a person in the Members column as soon as their team is chosen', async () => {
    const user = userEvent.setup();
    render(<TeamsForm mapId="m1" teams={teams} people={people} action={fakeAction().action} />);
    await user.selectOptions(screen.getByLabelText('Team of Ben'), 'Team Strakes');
    const sides = screen.getByRole('table', { name: 'Team sides' });
    const strakes = within(sides).getByRole('row', { name: /Team Strakes/ });
    expect(within(strakes).getByRole('cell', { name: 'Ben' })).toBeTruthy();
  });

  it('shows the teams saved elsewhere (a random split) in every dropdown, so saving keeps them', async () => {
    const user = userEvent.setup();
    const { action, sent, release } = fakeAction();
    const { rerender } = render(
      <TeamsForm mapId="m1" teams={teams} people={people} action={action} />,
    );
    const split = [
      { id: 'u1', name: 'Amira', teamId: 't2', notesByTeam: {} },
      { id: 'u2', name: 'Ben', teamId: 't1', notesByTeam: {} },
    ];
    rerender(<TeamsForm mapId="m1" teams={teams} people={split} action={action} />);
    expect(chosen(screen.getByLabelText('Team of Amira'))).toBe('Team Strakes');
    expect(chosen(screen.getByLabelText('Team of Ben'))).toBe('Team Turchenko');
    await user.click(screen.getByRole('button', { name: 'Save teams' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(sent[0]).toMatchObject({ 'team:u1': 't2', 'team:u2': 't1' });
    release();
  });

  it('after a refused save, shows why and keeps the choices made, to correct and resend', async () => {
    const user = userEvent.setup();
    const { action, release } = fakeAction({
      error: 'That team is not one of this map’s teams.',
      values: { mapId: 'm1', 'side:t1': 'FOR', 'side:t2': 'FOR', 'team:u1': 't2', 'team:u2': 't2' },
    });
    render(<TeamsForm mapId="m1" teams={teams} people={people} action={action} />);
    await user.selectOptions(screen.getByLabelText('Team of Amira'), 'Team Strakes');
    await user.selectOptions(screen.getByLabelText('Team of Ben'), 'Team Strakes');
    await user.selectOptions(screen.getByLabelText('Side of Team Strakes'), 'For the motion');
    await user.click(screen.getByRole('button', { name: 'Save teams' }));
    release();

    expect((await screen.findByRole('alert')).textContent).toBe(
      'That team is not one of this map’s teams.',
    );
    expect(chosen(screen.getByLabelText('Team of Amira'))).toBe('Team Strakes');
    expect(chosen(screen.getByLabelText('Team of Ben'))).toBe('Team Strakes');
    expect(chosen(screen.getByLabelText('Side of Team Strakes'))).toBe('For the motion');
  });
});
