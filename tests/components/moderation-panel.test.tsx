// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModerationPanel } from '@/components/moderation/moderation-panel';
import type { Moderation } from '@/lib/client/use-moderation';
import type { ModerationView, SuggestionView } from '@/lib/domain/moderation/suggestions';

afterEach(cleanup);

const PROBLEM = 'A suggested card cannot have tags: a moderator adds them.';

const common = {
  nodeKind: null,
  relation: null,
  parent: null,
  beforeText: null,
  status: 'WAITING',
  reason: null,
  createdAt: '2026-11-02T09:00:00.000Z',
  decidedAt: null,
} as const;

/** A suggestion of Ana's that today's rules no longer read (a card with tags, say). */
const UNREADABLE: SuggestionView = {
  ...common,
  id: 's-old',
  kind: 'unreadable',
  problem: PROBLEM,
  nodeId: 'n-old',
  author: { id: 'ana', name: 'Ana' },
  text: 'Homework teaches patience',
};
/** A new claim of Ben's, as any suggestion is. */
const READABLE: SuggestionView = {
  ...common,
  id: 's-new',
  kind: 'new',
  nodeKind: 'CLAIM',
  nodeId: 'n-new',
  author: { id: 'ben', name: 'Ben' },
  text: 'Sleep matters more',
};

const view = (overrides: Partial<ModerationView>): ModerationView => ({
  me: 'teacher',
  requireApproval: true,
  moderator: true,
  manager: false,
  held: false,
  queue: [],
  flags: [],
  mine: [],
  myFlags: [],
  people: [],
  ...overrides,
});

function panel(v: ModerationView) {
  const decide = vi.fn(async () => null);
  const moderation = { view: v, decide } as unknown as Moderation;
  render(
    <ModerationPanel
      moderation={moderation}
      selected={undefined}
      canFlag={false}
      onJump={vi.fn()}
    />,
  );
  return { decide, user: userEvent.setup() };
}

describe('a suggestion that can no longer be applied', () => {
  it('shows the teacher who made it, its words and why, offers Decline but not Approve, and A does nothing', async () => {
    const { decide, user } = panel(view({ queue: [UNREADABLE, READABLE] }));
    const queue = screen.getByRole('group', { name: /^Suggestions waiting for approval/ });
    const [old] = within(queue).getAllByRole('listitem');
    expect(within(old!).getByText('Ana suggests a change')).toBeTruthy();
    expect(within(old!).getByText('Homework teaches patience')).toBeTruthy();
    const note = within(old!).getByRole('note', {
      name: 'This suggestion can no longer be applied',
    });
    expect(note.textContent).toContain(PROBLEM);
    expect(note.textContent).toContain('Decline it with a reason.');
    expect(within(old!).queryByRole('button', { name: /^Approve/ })).toBeNull();

    // The queue's A on it sends nothing (on the next one, it approves); D asks for a reason and declines.
    await user.click(queue);
    await user.keyboard('a');
    expect(decide).not.toHaveBeenCalled();
    await user.keyboard('ja');
    expect(decide).toHaveBeenCalledWith('s-new', { action: 'approve' });
    await user.keyboard('k');
    await user.click(within(old!).getByRole('button', { name: /^Decline/ }));
    await user.click(screen.getByRole('textbox', { name: /Why is it declined/ }));
    await user.keyboard('Suggest it again without tags{Enter}');
    expect(decide).toHaveBeenCalledWith('s-old', {
      action: 'decline',
      reason: 'Suggest it again without tags',
    });
  });

  it('tells its writer under My suggestions, who may withdraw it', async () => {
    const { decide, user } = panel(
      view({ me: 'ana', moderator: false, held: true, mine: [UNREADABLE] }),
    );
    const mine = screen.getByRole('region', { name: 'My suggestions' });
    expect(within(mine).getByText('You suggested a change')).toBeTruthy();
    expect(within(mine).getByText('Waiting for approval')).toBeTruthy();
    const note = within(mine).getByRole('note', {
      name: 'This suggestion can no longer be applied',
    });
    expect(note.textContent).toContain(PROBLEM);
    expect(note.textContent).toContain('Withdraw it');
    await user.click(within(mine).getByRole('button', { name: 'Withdraw' }));
    expect(decide).toHaveBeenCalledWith('s-old', { action: 'withdraw' });
  });

  it('says nothing of applying once it is decided', () => {
    panel(
      view({
        me: 'ana',
        moderator: false,
        mine: [{ ...UNREADABLE, status: 'DECLINED', reason: 'Without tags, please' }],
      }),
    );
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByText('Reason: Without tags, please')).toBeTruthy();
  });

  it('once decided, still shows its words, the decision and when, and why nothing more can be shown', () => {
    const decidedAt = '2026-11-03T14:30:00.000Z';
    panel(
      view({
        me: 'ana',
        moderator: false,
        mine: [
          {
            ...UNREADABLE,
            status: 'DECLINED',
            reason: 'Without tags, please',
            decidedAt,
          },
          {
            ...UNREADABLE,
            id: 's-edit',
            status: 'APPROVED',
            beforeText: 'Homework builds habits',
            text: 'Homework builds good habits',
            problem: 'It holds a change this version of Counterpoint cannot read.',
            decidedAt,
          },
        ],
      }),
    );
    const [declined, approved] = within(
      screen.getByRole('region', { name: 'My suggestions' }),
    ).getAllByRole('listitem');
    expect(
      within(declined!).getByText(
        'You suggested a change (details can no longer be shown: A suggested card cannot have tags: a moderator adds them)',
      ),
    ).toBeTruthy();
    expect(within(declined!).getByText('Homework teaches patience')).toBeTruthy();
    expect(within(declined!).getByText('Declined')).toBeTruthy();
    expect(within(declined!).getByText('Reason: Without tags, please')).toBeTruthy();
    const when = declined!.querySelector('time');
    expect(when?.getAttribute('dateTime')).toBe(decidedAt);
    expect(when?.textContent).toMatch(/2026/);

    expect(
      within(approved!).getByText(
        'You suggested a change (details can no longer be shown: It holds a change this version of Counterpoint cannot read)',
      ),
    ).toBeTruthy();
    expect(within(approved!).getByText('Approved')).toBeTruthy();
    expect([...approved!.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'Before: Homework builds habits',
      'After: Homework builds good habits',
    ]);
    expect(approved!.querySelector('time')?.getAttribute('dateTime')).toBe(decidedAt);
  });
});
