import { describe, expect, it } from 'vitest';
import { can, type MapAccess } from '@/lib/server/authz';
import { countsOfNode, meanImpact, meanImpacts, tallyVotes, ZVoteInput } from '@/lib/domain/votes';

const access = (role: MapAccess['role'], isPublic = false): MapAccess => ({
  map: {
    id: 'm',
    isPublic,
    ownerId: 'o',
    classroomId: null,
    requireApproval: false,
    anonymousSince: null,
  },
  role,
});

describe('impact voting', () => {
  it('lets commenters and up vote, never a viewer or a reader of a public map', () => {
    expect(can(access('COMMENTER'), 'map:vote')).toBe(true);
    expect(can(access('EDITOR'), 'map:vote')).toBe(true);
    expect(can(access('OWNER'), 'map:vote')).toBe(true);
    expect(can(access('VIEWER'), 'map:vote')).toBe(false);
    expect(can(access(null, true), 'map:vote')).toBe(false);
  });

  it('tallies votes per claim and perspective, and averages them', () => {
    const tallies = tallyVotes([
      { nodeId: 'a', perspective: 'self', impact: 4 },
      { nodeId: 'a', perspective: 'self', impact: 2 },
      { nodeId: 'a', perspective: 'lay', impact: 0 },
      { nodeId: 'b', perspective: 'self', impact: 1 },
    ]);
    expect(tallies).toEqual([
      { nodeId: 'a', perspective: 'self', counts: [0, 0, 1, 0, 1] },
      { nodeId: 'a', perspective: 'lay', counts: [1, 0, 0, 0, 0] },
      { nodeId: 'b', perspective: 'self', counts: [0, 1, 0, 0, 0] },
    ]);
    expect(countsOfNode(tallies, 'a')).toEqual([1, 0, 1, 0, 1]);
    expect(meanImpact([0, 0, 0, 0, 0])).toBeNull();
    expect(meanImpacts(tallies)).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });

  it('takes an impact from 0 to 4 (or null to clear) and a known kind of perspective', () => {
    const ok = (impact: unknown, perspective = 'self') =>
      ZVoteInput.safeParse({ nodeId: 'n', perspective, impact }).success;
    expect([0, 4, null].map((i) => ok(i))).toEqual([true, true, true]);
    expect([5, -1, 1.5, '2', undefined].map((i) => ok(i))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['team', 'lay', 'p:abc'].map((p) => ok(1, p))).toEqual([true, true, true]);
    expect(['judge', 'p:', 'p:a b', ''].map((p) => ok(1, p))).toEqual([false, false, false, false]);
  });
});
