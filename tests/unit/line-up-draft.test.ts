import { describe, expect, it } from 'vitest';
import { carryOver, sentLineUp, type LineUpDraft } from '@/lib/domain/rounds/line-up-draft';

const format = {
  positions: [
    { key: 'prop', name: 'Proposition', side: 'FOR' as const },
    { key: 'opp', name: 'Opposition', side: 'AGAINST' as const },
  ],
};
const opened: LineUpDraft = {
  motion: 'THB Russia abandoned Armenia',
  seats: { prop: 'red', opp: 'blue' },
  judges: ['ann', 'bob'],
  chairId: 'ann',
};

describe('a correction refused as stale, carried over onto the round as it is now', () => {
  it('keeps what the writer changed and takes the rest from the other person’s correction', () => {
    // The other teacher reworded the motion; this one swapped the benches.
    const now = { ...opened, motion: 'THB Russia abandoned Armenia in 2023' };
    const sent = { ...opened, seats: { prop: 'blue', opp: 'red' } };
    expect(carryOver(opened, sent, now, { format, locked: false })).toEqual({
      draft: { ...now, seats: { prop: 'blue', opp: 'red' } },
      kept: ['Proposition', 'Opposition'],
    });
  });

  it('keeps the writer’s own motion when both reworded it, and says so', () => {
    const now = { ...opened, motion: 'Theirs' };
    const sent = { ...opened, motion: 'Mine' };
    expect(carryOver(opened, sent, now, { format, locked: false })).toEqual({
      draft: { ...now, motion: 'Mine' },
      kept: ['the motion'],
    });
  });

  it('applies the writer’s judges added and removed to today’s judges; a chair no longer judging falls to the first', () => {
    // They added Cy; this writer took Ann off and added Dee.
    const now = { ...opened, judges: ['ann', 'bob', 'cy'] };
    const sent = { ...opened, judges: ['bob', 'dee'], chairId: 'bob' };
    expect(carryOver(opened, sent, now, { format, locked: false }).draft).toMatchObject({
      judges: ['bob', 'cy', 'dee'],
      chairId: 'bob',
    });
    // The other teacher removed the judge this writer made chair: the chair is today's.
    const gone = carryOver(
      opened,
      { ...opened, chairId: 'bob' },
      { ...opened, judges: ['ann'] },
      { format, locked: false },
    );
    expect(gone).toEqual({ draft: { ...opened, judges: ['ann'] }, kept: [] });
  });

  it('leaves the benches and judges as they are once a ballot was released meanwhile', () => {
    const sent = { ...opened, seats: { prop: 'blue', opp: 'red' }, judges: ['ann'] };
    expect(carryOver(opened, sent, opened, { format, locked: true })).toEqual({
      draft: opened,
      kept: [],
    });
  });

  it('reads what the form sent from the refused action’s values', () => {
    expect(
      sentLineUp({
        motion: ['M'],
        'seat:prop': ['red'],
        'seat:opp': ['blue'],
        judge: ['ann', 'bob'],
        chair: ['bob'],
        version: ['v1'],
      }),
    ).toEqual({
      motion: 'M',
      seats: { prop: 'red', opp: 'blue' },
      judges: ['ann', 'bob'],
      chairId: 'bob',
    });
  });
});
