// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BallotForm } from '@/components/rounds/ballot-form';
import { BallotResults } from '@/components/rounds/ballot-results';
import { ballot, CARD, round } from './round-fixture';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Stubs fetch with one answer; returns the mock to read the request from. */
function serverAnswers(status: number, body: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
    Response.json(body, { status }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('BallotForm', () => {
  it('releases a decision with a reason tied to a map card, after a confirmation', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const fetchMock = serverAnswers(
      200,
      ballot({ releasedAt: '2026-12-01T12:00:00.000Z', ties: [] }),
    );
    render(<BallotForm round={round()} onSaved={onSaved} />);

    await user.click(screen.getByRole('radio', { name: 'Proposition (Team A)' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Reason for decision' }),
      'Prop carried the civilian harm.',
    );
    await user.click(screen.getByRole('button', { name: 'Add a reason' }));
    const reasonBox = screen.getByRole('textbox', { name: 'Reason 1' });
    expect(document.activeElement).toBe(reasonBox);
    await user.type(reasonBox, 'Opp never answered the harm');

    const picker = screen.getByRole('combobox', { name: 'Tie reason 1 to' });
    // The flow's shared entries and the map's cards; a team's private note is not offered.
    expect(within(picker).getByRole('group', { name: 'Flow' }).textContent).toContain(
      'P1: Sanctions starve the poor',
    );
    expect(picker.textContent).not.toContain('Cuba');
    await user.selectOptions(picker, within(picker).getByRole('option', { name: CARD }));
    await user.click(screen.getByRole('button', { name: 'Add tie to reason 1' }));
    expect(screen.getByRole('button', { name: `Remove tie to ${CARD}` })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Release ballot' }));
    const dialog = screen.getByRole('dialog', { name: 'Release the ballot?' });
    expect(dialog.textContent).toContain('Teams will see it; it cannot be changed after');
    expect(fetchMock).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Release' }));

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/rounds/r-1/ballot');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({
      ballot: {
        decision: { winner: 'prop' },
        scores: [],
        reason: 'Prop carried the civilian harm.',
        ties: [{ text: 'Opp never answered the harm', entryIds: [], nodeIds: ['n-card'] }],
      },
      release: true,
    });
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain('Released');
    expect(screen.queryByRole('button', { name: 'Release ballot' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'Proposition (Team A)' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('saves a draft with points from the judge’s own ballot, labelled with the speakers’ names', async () => {
    const user = userEvent.setup();
    const fetchMock = serverAnswers(200, ballot());
    const draft = ballot({
      decision: { winner: 'opp' },
      scores: [{ position: 'prop', speaker: 1, points: 70 }],
    });
    render(<BallotForm round={round({ ballots: [draft] })} onSaved={() => {}} />);

    expect(screen.getByRole('radio', { name: 'Opposition (Team B)' })).toHaveProperty(
      'checked',
      true,
    );
    const first = screen.getByRole('spinbutton', { name: 'Proposition, speaker 1 (Ada Lovelace)' });
    expect(first).toHaveProperty('value', '70');
    expect(first.getAttribute('min')).toBe('60');
    expect(first.getAttribute('max')).toBe('80');
    const reply = screen.getByRole('spinbutton', { name: 'Opposition, reply' });
    expect(reply.getAttribute('step')).toBe('0.5');
    await user.type(reply, '35.5');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const body = JSON.parse(String(fetchMock.mock.calls[0]![1]?.body));
    expect(body.release).toBe(false);
    expect(body.ballot.decision).toEqual({ winner: 'opp' });
    expect(body.ballot.scores).toEqual([
      { position: 'prop', speaker: 1, points: 70 },
      { position: 'opp', speaker: 0, points: 35.5 },
    ]);
  });

  it('shows the server’s refusal and stays editable', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    serverAnswers(409, {
      error: { code: 'CONFLICT', message: 'This ballot is released: it can no longer change.' },
    });
    render(<BallotForm round={round({ ballots: [ballot()] })} onSaved={onSaved} />);

    await user.click(screen.getByRole('button', { name: 'Release ballot' }));
    await user.click(screen.getByRole('button', { name: 'Release' }));

    expect(screen.getByRole('alert').textContent).toBe(
      'This ballot is released: it can no longer change.',
    );
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Release ballot' })).toBeTruthy();
  });

  it('asks for a winner before releasing, without asking the server', async () => {
    const user = userEvent.setup();
    const fetchMock = serverAnswers(200, ballot());
    render(<BallotForm round={round()} onSaved={() => {}} />);

    await user.click(screen.getByRole('button', { name: 'Release ballot' }));

    expect(screen.getByRole('alert').textContent).toBe('Choose the winner.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows a released ballot read-only', () => {
    const released = ballot({
      releasedAt: '2026-12-01T12:00:00.000Z',
      ties: [{ text: 'Opp dropped the harm', entryIds: ['e-shared'], nodeIds: [] }],
    });
    render(<BallotForm round={round({ ballots: [released] })} onSaved={() => {}} />);

    expect(screen.getByRole('status').textContent).toContain('can no longer change');
    expect(screen.getByRole('radio', { name: 'Proposition (Team A)' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getByRole('textbox', { name: 'Reason for decision' })).toHaveProperty(
      'readOnly',
      true,
    );
    expect(screen.getByRole('textbox', { name: 'Reason 1' })).toHaveProperty('readOnly', true);
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Release ballot' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove tie to/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Tie reason 1 to' })).toBeNull();
  });
});

describe('BallotResults', () => {
  it('shows each released ballot: the winner in words and its ties to the flow and the map', async () => {
    const user = userEvent.setup();
    const onShowEntry = vi.fn();
    const released = ballot({
      releasedAt: '2026-12-01T12:00:00.000Z',
      scores: [{ position: 'prop', speaker: 1, points: 72 }],
      ties: [{ text: 'Opp never answered the harm', entryIds: ['e-shared'], nodeIds: ['n-card'] }],
    });
    const draft = ballot({ id: 'b-2', judge: { id: 'u-kim', name: 'Kim Lee' }, releasedAt: null });
    render(
      <BallotResults round={round({ ballots: [released, draft] })} onShowEntry={onShowEntry} />,
    );

    const results = screen.getByRole('region', { name: 'Results' });
    // Kim's ballot is a draft: only Kim sees it.
    expect(within(results).getAllByRole('article').length).toBe(1);
    expect(within(results).getByRole('article', { name: 'Ballot of Jo Judge' })).toBeTruthy();
    expect(results.textContent).toContain('Proposition (Team A) won');
    expect(
      within(screen.getByRole('table', { name: 'Speaker points' }))
        .getByRole('rowheader', { name: 'Proposition, speaker 1 (Ada Lovelace)' })
        .closest('tr')?.textContent,
    ).toContain('72');

    const link = screen.getByRole('link', { name: `Open on the map: ${CARD}` });
    expect(link.getAttribute('href')).toBe('/maps/m-1?node=n-card');
    await user.click(
      screen.getByRole('button', { name: 'Show on the flow: P1: Sanctions starve the poor' }),
    );
    expect(onShowEntry).toHaveBeenCalledWith('e-shared');
  });

  it('says when no ballot is released yet', () => {
    render(<BallotResults round={round({ ballots: [ballot()] })} onShowEntry={() => {}} />);
    expect(screen.getByText('No ballot released yet.')).toBeTruthy();
  });
});
