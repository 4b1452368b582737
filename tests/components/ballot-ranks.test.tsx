// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BallotForm } from '@/components/rounds/ballot-form';
import { BallotResults } from '@/components/rounds/ballot-results';
import { presetByKey } from '@/lib/domain/formats';
import { ballot, round } from './round-fixture';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TEAMS = ['Alpha', 'Bravo', 'Charlie', 'Delta'];

/** A British Parliamentary round: four benches, ranked, no winner. */
const bpRound = (ballots = [ballot({ decision: {} })]) =>
  round({
    format: presetByKey('british-parliamentary')!,
    seats: ['og', 'oo', 'cg', 'co'].map((position, i) => ({
      position,
      team: { id: `t-${i}`, name: TEAMS[i]!, color: '#1d4ed8', members: [] },
    })),
    ballots,
  });

describe('a ballot that ranks the benches', () => {
  it('saves a rank per bench, and refuses two benches on one rank before asking the server', async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
      Response.json(ballot(), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(<BallotForm round={bpRound()} onSaved={() => {}} />);
    expect(screen.queryByRole('radio')).toBeNull();

    const rank = (bench: string) => screen.getByRole('combobox', { name: bench });
    await user.selectOptions(rank('Opening Government (Alpha)'), '2nd');
    await user.selectOptions(rank('Opening Opposition (Bravo)'), '2nd');
    await user.selectOptions(rank('Closing Government (Charlie)'), '1st');
    await user.selectOptions(rank('Closing Opposition (Delta)'), '4th');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(screen.getByRole('alert').textContent).toBe('Give each bench a different rank, 1 to 4.');
    expect(fetchMock).not.toHaveBeenCalled();

    await user.selectOptions(rank('Opening Opposition (Bravo)'), '3rd');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toMatchObject({
      ballot: { decision: { ranks: { og: 2, oo: 3, cg: 1, co: 4 } } },
      release: false,
    });
  });

  it('shows a released ranking in order, best first', () => {
    const released = ballot({
      decision: { ranks: { og: 2, oo: 3, cg: 1, co: 4 } },
      releasedAt: '2026-12-01T12:00:00.000Z',
    });
    render(<BallotResults round={bpRound([released])} onShowEntry={() => {}} />);
    const ballotBox = screen.getByRole('article', { name: 'Ballot of Jo Judge' });
    const ranking = within(ballotBox).getByRole('list', { name: 'Ranking' });
    expect(
      within(ranking)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Closing Government (Charlie)',
      'Opening Government (Alpha)',
      'Opening Opposition (Bravo)',
      'Closing Opposition (Delta)',
    ]);
  });
});
