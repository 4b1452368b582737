import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countingCards,
  describeQuota,
  progressOf,
  ZQuota,
  type CountedEdge,
  type CountedNode,
  type Quota,
} from '@/lib/domain/tasks/quota';
import { NODE_KINDS, type NodeKind, type Side } from '@/lib/domain/types';

const SET = new Date('2026-12-03T10:00:00Z');
const AFTER = new Date('2026-12-03T10:05:00Z');
const BEFORE = new Date('2026-12-03T09:00:00Z');

const node = (
  id: string,
  kind: NodeKind,
  side: Side = 'NEUTRAL',
  createdById: string | null = 'amira',
  createdAt = AFTER,
): CountedNode => ({ id, kind, side, createdById, createdAt });
const attacks = (fromId: string, toId: string): CountedEdge => ({
  fromId,
  toId,
  relation: 'ATTACKS',
});
const supports = (fromId: string, toId: string): CountedEdge => ({
  fromId,
  toId,
  relation: 'SUPPORTS',
});

const OBJECTIONS: Quota = { count: 2, kind: 'OBJECTION', withEvidence: true, target: 'other-side' };
const amira = { id: 'amira', side: 'FOR' as const };
const theirs = node('theirs', 'CLAIM', 'AGAINST', 'teacher', BEFORE);
const ours = node('ours', 'CLAIM', 'FOR', 'teacher', BEFORE);

const ids = (cards: CountedNode[]) => cards.map((c) => c.id).sort();

describe('counting a quota', () => {
  it('counts a student’s objections to the other side’s case that have evidence under them', () => {
    const graph = {
      nodes: [
        theirs,
        ours,
        node('o1', 'OBJECTION'),
        node('e1', 'EVIDENCE', 'NEUTRAL', 'ben'),
        node('o2', 'OBJECTION'),
        node('o3', 'OBJECTION'),
        node('e3', 'EVIDENCE'),
        node('o4', 'OBJECTION', 'NEUTRAL', 'ben'),
        node('e4', 'EVIDENCE'),
        node('o5', 'OBJECTION', 'NEUTRAL', 'amira', BEFORE),
        node('e5', 'EVIDENCE'),
        node('p6', 'PREMISE'),
        node('e6', 'EVIDENCE'),
      ],
      edges: [
        // Counts: evidence (a teammate's) under it, attacks their case.
        attacks('o1', 'theirs'),
        supports('e1', 'o1'),
        // No evidence.
        attacks('o2', 'theirs'),
        // Attacks our own case.
        attacks('o3', 'ours'),
        supports('e3', 'o3'),
        // Ben's, not Amira's.
        attacks('o4', 'theirs'),
        supports('e4', 'o4'),
        // Made before the task was set.
        attacks('o5', 'theirs'),
        supports('e5', 'o5'),
        // Not an objection.
        attacks('p6', 'theirs'),
        supports('e6', 'p6'),
      ],
    };
    expect(ids(countingCards(graph, OBJECTIONS, amira, SET))).toEqual(['o1']);
    expect(ids(countingCards(graph, { ...OBJECTIONS, withEvidence: false }, amira, SET))).toEqual([
      'o1',
      'o2',
    ]);
    expect(ids(countingCards(graph, { ...OBJECTIONS, target: 'own-side' }, amira, SET))).toEqual([
      'o3',
    ]);
    expect(ids(countingCards(graph, { ...OBJECTIONS, target: 'any' }, amira, SET))).toEqual([
      'o1',
      'o3',
    ]);
    // Evidence that attacks rather than supports is not evidence for it.
    const attacked = { nodes: graph.nodes, edges: [attacks('o2', 'theirs'), attacks('e1', 'o2')] };
    expect(countingCards(attacked, OBJECTIONS, amira, SET)).toEqual([]);
  });

  it('gives a student on no team of a side nothing for a side-bound quota, and everything for “any”', () => {
    const graph = { nodes: [theirs, node('o1', 'OBJECTION')], edges: [attacks('o1', 'theirs')] };
    const quota = { ...OBJECTIONS, withEvidence: false };
    expect(countingCards(graph, quota, { id: 'amira', side: null }, SET)).toEqual([]);
    expect(countingCards(graph, quota, { id: 'amira', side: 'NEUTRAL' }, SET)).toEqual([]);
    expect(
      ids(countingCards(graph, { ...quota, target: 'any' }, { id: 'amira', side: null }, SET)),
    ).toEqual(['o1']);
  });

  it('a card answering a card that is not in the graph (deleted) does not count', () => {
    const graph = { nodes: [node('o1', 'OBJECTION')], edges: [attacks('o1', 'theirs')] };
    expect(countingCards(graph, { ...OBJECTIONS, withEvidence: false }, amira, SET)).toEqual([]);
  });

  it('progress stops at the quota and is done when it is met', () => {
    expect(progressOf(0, OBJECTIONS)).toEqual({ done: 0, of: 2, complete: false });
    expect(progressOf(1, OBJECTIONS)).toEqual({ done: 1, of: 2, complete: false });
    expect(progressOf(3, OBJECTIONS)).toEqual({ done: 2, of: 2, complete: true });
  });

  it('describes the quota in words', () => {
    expect(describeQuota(OBJECTIONS)).toBe(
      'Add 2 objections with evidence to the other side’s case',
    );
    expect(describeQuota({ count: 1, kind: 'EVIDENCE', withEvidence: false, target: 'any' })).toBe(
      'Add 1 piece of evidence anywhere on the map',
    );
  });

  it('the quota schema refuses a count out of range and an unknown kind or target', () => {
    expect(ZQuota.safeParse({ ...OBJECTIONS, count: 0 }).success).toBe(false);
    expect(ZQuota.safeParse({ ...OBJECTIONS, count: 51 }).success).toBe(false);
    expect(ZQuota.safeParse({ ...OBJECTIONS, count: 1.5 }).success).toBe(false);
    expect(ZQuota.safeParse({ ...OBJECTIONS, kind: 'SPEECH' }).success).toBe(false);
    expect(ZQuota.safeParse({ ...OBJECTIONS, target: 'theirs' }).success).toBe(false);
    expect(ZQuota.parse({ ...OBJECTIONS, count: '3' }).count).toBe(3);
  });

  it('properties: counted cards are the student’s own, of the kind, made since the task; “any” counts at least as many as a side', () => {
    const arbNode = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      kind: fc.constantFrom(...NODE_KINDS),
      side: fc.constantFrom<Side>('FOR', 'AGAINST', 'NEUTRAL'),
      createdById: fc.constantFrom('amira', 'ben', null),
      createdAt: fc.constantFrom(BEFORE, AFTER),
    });
    const arbEdge = fc.record({
      fromId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      toId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      relation: fc.constantFrom('SUPPORTS' as const, 'ATTACKS' as const),
    });
    const arbQuota = fc.record({
      count: fc.integer({ min: 1, max: 5 }),
      kind: fc.constantFrom(...NODE_KINDS),
      withEvidence: fc.boolean(),
      target: fc.constantFrom('other-side' as const, 'own-side' as const, 'any' as const),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbNode, { selector: (n) => n.id }),
        fc.array(arbEdge, { maxLength: 12 }),
        arbQuota,
        fc.constantFrom<Side | null>('FOR', 'AGAINST', null),
        (nodes, edges, quota, side) => {
          const graph = { nodes, edges };
          const counted = countingCards(graph, quota, { id: 'amira', side }, SET);
          for (const card of counted) {
            expect(card.createdById).toBe('amira');
            expect(card.kind).toBe(quota.kind);
            expect(card.createdAt).toBe(AFTER);
          }
          const any = countingCards(graph, { ...quota, target: 'any' }, { id: 'amira', side }, SET);
          expect(any.length).toBeGreaterThanOrEqual(counted.length);
          const noEvidence = countingCards(
            graph,
            { ...quota, withEvidence: false },
            { id: 'amira', side },
            SET,
          );
          expect(noEvidence.length).toBeGreaterThanOrEqual(counted.length);
        },
      ),
    );
  });
});
