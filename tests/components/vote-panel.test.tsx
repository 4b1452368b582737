// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VotePanel } from '@/components/votes/vote-panel';
import type { MapVotes } from '@/lib/client/use-map-votes';
import type { GraphEdge, GraphNode } from '@/lib/domain/types';
import type { VotesView } from '@/lib/domain/votes';

afterEach(cleanup);

const node = (id: string, text: string): GraphNode => ({
  id,
  kind: 'CLAIM',
  text,
  side: 'NEUTRAL',
  x: 0,
  y: 0,
  version: 1,
  anchor: null,
  card: null,
  tags: [],
});
const PARENT = node('n-parent', 'Russia has lost its credibility');
const CLAIM = node('n-claim', 'It stood by in 2022');
const EDGE: GraphEdge = {
  id: 'e-1',
  fromId: CLAIM.id,
  toId: PARENT.id,
  relation: 'SUPPORTS',
  groupId: null,
  scheme: null,
  schemeName: null,
  answers: null,
  version: 1,
};

const view = (overrides: Partial<VotesView> = {}): VotesView => ({
  blind: true,
  manages: false,
  canVote: true,
  perspectives: [
    { key: 'self', label: 'Myself' },
    { key: 'team', label: 'My team' },
    { key: 'lay', label: 'A lay judge' },
  ],
  mine: [],
  tallies: [],
  teams: [],
  myTeam: null,
  ...overrides,
});

function panel(v: VotesView, vote = vi.fn(async () => true)) {
  const votes = { view: v, refresh: vi.fn(), vote, changeSettings: vi.fn() } as MapVotes;
  render(<VotePanel votes={votes} node={CLAIM} nodes={[PARENT, CLAIM]} edges={[EDGE]} />);
  return vote;
}

describe('the impact vote', () => {
  it('rates the claim on what it answers, from the perspective picked', async () => {
    const vote = panel(view());
    const group = screen.getByRole('group', {
      name: 'Impact on “Russia has lost its credibility”, as myself',
    });
    expect(group).toBeTruthy();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Vote as'), 'lay');
    await user.click(screen.getByRole('radio', { name: '3 High impact' }));
    expect(vote).toHaveBeenCalledWith(CLAIM.id, 'lay', 3);
    // Under guided voting, before voting, the others' votes are not shown.
    expect(screen.getByText(/Guided voting: the others’ votes/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: /votes per impact/ })).toBeNull();
  });

  it('shows the distribution once one has voted, and clears one’s vote', async () => {
    const vote = panel(
      view({
        mine: [{ nodeId: CLAIM.id, perspective: 'self', impact: 2 }],
        tallies: [{ nodeId: CLAIM.id, perspective: 'self', counts: [0, 1, 1, 0, 0] }],
      }),
    );
    expect(
      (screen.getByRole('radio', { name: '2 Medium impact' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(screen.getByText('All perspectives: 2 votes, average 1.5')).toBeTruthy();
    expect(screen.queryByText(/Guided voting/)).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Clear my vote' }));
    expect(vote).toHaveBeenCalledWith(CLAIM.id, 'self', null);
  });

  it('says a top claim is rated on the motion, and a reader who may not vote sees no control', () => {
    const votes = (v: VotesView) =>
      ({ view: v, refresh: vi.fn(), vote: vi.fn(), changeSettings: vi.fn() }) as MapVotes;
    const { unmount } = render(
      <VotePanel votes={votes(view())} node={PARENT} nodes={[PARENT, CLAIM]} edges={[EDGE]} />,
    );
    expect(screen.getByRole('group', { name: 'Impact on the motion, as myself' })).toBeTruthy();
    unmount();
    render(
      <VotePanel
        votes={votes(view({ canVote: false }))}
        node={CLAIM}
        nodes={[PARENT, CLAIM]}
        edges={[EDGE]}
      />,
    );
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.getByText('You can see the votes on this map but not vote.')).toBeTruthy();
  });
});
