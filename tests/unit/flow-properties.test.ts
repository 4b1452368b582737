import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowMarks, layoutFlow } from '@/lib/domain/rounds/flow';
import type { FlowEntry, FlowRelation } from '@/lib/domain/rounds/types';
import { policy, ws } from './flow-fixtures';

const randomFlow = fc
  .array(
    fc.record({
      speech: fc.nat({ max: 11 }),
      answer: fc.option(fc.oneof(fc.nat({ max: 40 }), fc.constant(-1)), { nil: null }),
      relation: fc.constantFrom<FlowRelation>('ATTACKS', 'SUPPORTS', 'UNDERCUTS'),
      node: fc.option(fc.constantFrom('n1', 'n2', 'n3'), { nil: null }),
      team: fc.option(fc.constantFrom('t1', 't2'), { nil: null }),
      minute: fc.nat({ max: 5 }),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map((r, i): FlowEntry => {
      // Ops answer an entry that exists: an earlier one, or one deleted since (-1).
      const answersId =
        r.answer === null || i === 0 ? null : r.answer < 0 ? 'gone' : `e${r.answer % i}`;
      return {
        id: `e${i}`,
        speech: r.speech,
        answersId,
        relation: answersId === null ? null : r.relation,
        nodeId: r.node,
        text: 'x',
        teamId: r.team,
        authorId: null,
        createdAt: `2026-01-01T09:0${r.minute}:00.000Z`,
        version: 1,
      };
    }),
  );

describe('any flow', () => {
  it('places every entry once, on its own cell, beside or below what it answers', () => {
    fc.assert(
      fc.property(randomFlow, fc.constantFrom(ws, policy), (entries, format) => {
        const layout = layoutFlow(format, entries);
        expect(layout.cells.map((c) => c.entryId).sort()).toEqual(entries.map((e) => e.id).sort());
        const spots = new Set(layout.cells.map((c) => `${c.column}:${c.row}`));
        expect(spots.size).toBe(layout.cells.length);
        const cell = new Map(layout.cells.map((c) => [c.entryId, c]));
        const rows = layout.cells.map((c) => c.row);
        expect(layout.rows).toBe(rows.length === 0 ? 0 : Math.max(...rows) + 1);
        const flowed = (s: number) => format.speeches[s]?.flowed === true;
        for (const e of entries) {
          const parent = entries.find((p) => p.id === e.answersId);
          if (!parent) continue;
          const [mine, theirs] = [cell.get(e.id)!, cell.get(parent.id)!];
          expect(mine.row).toBeGreaterThanOrEqual(theirs.row);
          if (parent.speech < e.speech) expect(mine.column).toBeGreaterThanOrEqual(theirs.column);
          if (parent.speech < e.speech && flowed(parent.speech) && flowed(e.speech))
            expect(mine.column).toBeGreaterThan(theirs.column);
          if (parent.speech === e.speech && parent.id !== e.id)
            expect(mine.row).toBeGreaterThan(theirs.row);
        }
      }),
    );
  });

  it('does not depend on the order the entries are given in', () => {
    fc.assert(
      fc.property(randomFlow, fc.constantFrom(ws, policy), (entries, format) => {
        const byId = (layout: ReturnType<typeof layoutFlow>) =>
          [...layout.cells].sort((x, y) => x.entryId.localeCompare(y.entryId));
        expect(byId(layoutFlow(format, [...entries].reverse()))).toEqual(
          byId(layoutFlow(format, entries)),
        );
      }),
    );
  });

  it('keeps new arguments of a column in the order they were written', () => {
    fc.assert(
      fc.property(randomFlow, (entries) => {
        const cell = new Map(layoutFlow(ws, entries).cells.map((c) => [c.entryId, c]));
        const fresh = entries
          .filter((e) => e.answersId === null || e.answersId === 'gone')
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
        for (const [i, a] of fresh.entries())
          for (const b of fresh.slice(i + 1))
            if (a.speech === b.speech)
              expect(cell.get(a.id)!.row).toBeLessThan(cell.get(b.id)!.row);
      }),
    );
  });

  it('marks public entries only, and private notes change no one’s marks', () => {
    fc.assert(
      fc.property(randomFlow, fc.nat({ max: 12 }), (entries, reached) => {
        const marks = flowMarks(policy, entries, reached);
        const open = entries.filter((e) => e.teamId === null);
        expect([...marks.keys()].sort()).toEqual(open.map((e) => e.id).sort());
        expect(flowMarks(policy, open, reached)).toEqual(marks);
      }),
    );
  });
});
