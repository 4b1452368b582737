import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgdown } from '@/lib/domain/argdown';
import {
  elkGraph,
  estimateNodeHeight,
  layoutGraph,
  NODE_WIDTH,
  type LayoutDirection,
  type LayoutInput,
} from '@/lib/domain/layout';
import { sectionFrames, type Box, type MapSection, type SectionsView } from '@/lib/domain/sections';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/argdown', name), 'utf8');

/** An Argdown file as the importer lays it out: its nodes sized as cards, its sections. */
function layoutInput(name: string): LayoutInput & { sections: SectionsView } {
  const map = parseArgdown(fixture(name), 'x');
  return {
    nodes: map.nodes.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: estimateNodeHeight(n.text, false, n.tags?.length ?? 0),
    })),
    edges: map.layoutEdges ?? map.edges,
    sections: {
      sections: map.sections ?? [],
      nodeSection: Object.fromEntries(
        map.nodes.flatMap((n) => (n.section ? [[n.id, n.section]] : [])),
      ),
    },
  };
}

const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/**
 * Lays `input` out and checks what a reader of its frames depends on: every
 * card placed, no two cards on each other, frames of sections side by side
 * apart, a subsection's frame inside its parent's, and no frame over a card
 * of another section. Returns the whole map's size.
 */
async function checkedLayout(
  input: LayoutInput & { sections: SectionsView },
  direction: LayoutDirection = 'UP',
) {
  const positions = await layoutGraph(input, direction);
  const boxes = new Map<string, Box>();
  for (const n of input.nodes) {
    const at = positions.get(n.id);
    expect(at, `a position for ${n.id}`).toBeDefined();
    boxes.set(n.id, { ...at!, width: n.width, height: n.height });
  }
  const cards = [...boxes.entries()];
  for (const [i, [a, boxA]] of cards.entries())
    for (const [b, boxB] of cards.slice(i + 1))
      expect(apart(boxA, boxB), `cards ${a} and ${b} apart`).toBe(true);

  const { sections, nodeSection } = input.sections;
  const frames = sectionFrames(sections, nodeSection, boxes);
  const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
  const byId = new Map(frames.map((f) => [f.id, f]));
  for (const [i, f] of frames.entries()) {
    const parent = parentOf.get(f.id) ?? null;
    if (parent !== null)
      expect(inside(f, byId.get(parent)!), `${f.title} in its parent`).toBe(true);
    for (const g of frames.slice(i + 1))
      if ((parentOf.get(g.id) ?? null) === parent)
        expect(apart(f, g), `frames ${f.title} and ${g.title} apart`).toBe(true);
  }
  const within = (nodeId: string, sectionId: string) => {
    for (let s: string | null | undefined = nodeSection[nodeId]; s; s = parentOf.get(s))
      if (s === sectionId) return true;
    return false;
  };
  for (const f of frames)
    for (const [id, box] of cards)
      if (!within(id, f.id)) expect(apart(box, f), `${f.title} clear of card ${id}`).toBe(true);

  const all = cards.map(([, b]) => b);
  const width = Math.max(...all.map((b) => b.x + b.width)) - Math.min(...all.map((b) => b.x));
  const height = Math.max(...all.map((b) => b.y + b.height)) - Math.min(...all.map((b) => b.y));
  return { width, height, frames };
}

describe('laying out a map with sections', () => {
  for (const name of ['semmelweis-betz.argdown', 'argdown-intro.argdown'])
    it(`keeps each section of ${name} together: frames apart, nested frames inside their parents, near a screen's shape`, async () => {
      const input = layoutInput(name);
      expect(input.sections.sections.length).toBeGreaterThan(0);
      for (const direction of ['UP', 'LEFT'] as const) {
        const { width, height, frames } = await checkedLayout(input, direction);
        expect(frames.length).toBeGreaterThan(1);
        // Not one long row or column: the first view can show cards one reads.
        expect(width / height).toBeGreaterThan(0.4);
        expect(width / height).toBeLessThan(2.5);
      }
    });

  it('keeps generated sections apart, however they nest and whatever crosses between them', async () => {
    const arbitraryMap = fc
      .record({
        parents: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        members: fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        heights: fc.array(fc.integer({ min: 60, max: 220 }), { minLength: 30, maxLength: 30 }),
      })
      .map(({ parents, members, links, heights }) => {
        // Section i's parent is none or one listed before it; node j is in no section or one.
        const sections: MapSection[] = [];
        for (const [i, p] of parents.entries()) {
          const parent = p % (i + 1) === i ? null : sections[p % (i + 1)]!;
          sections.push({
            id: `s${i}`,
            title: `Section ${i}`,
            level: parent ? parent.level + 1 : 1,
            parentId: parent?.id ?? null,
            data: null,
          });
        }
        const nodes = members.map((_, j) => ({
          id: `n${j}`,
          width: NODE_WIDTH,
          height: heights[j]!,
        }));
        const nodeSection: Record<string, string> = {};
        for (const [j, m] of members.entries())
          if (m % (sections.length + 1) < sections.length)
            nodeSection[`n${j}`] = sections[m % (sections.length + 1)]!.id;
        const edges = links.map(([a, b], k) => ({
          id: `e${k}`,
          fromId: `n${a % nodes.length}`,
          toId: `n${b % nodes.length}`,
        }));
        return { nodes, edges, sections: { sections, nodeSection } };
      });
    await fc.assert(
      fc.asyncProperty(arbitraryMap, async (input) => {
        await checkedLayout(input);
      }),
      { numRuns: 25 },
    );
  });

  it('lays out a map without sections, or none with a card in it, exactly as before', async () => {
    for (const name of [
      'legalisation-softdrugs.argdown',
      'state-censorship.argdown',
      'semmelweis-betz.argdown',
    ]) {
      const { nodes, edges, sections } = layoutInput(name);
      const flat = await layoutGraph({ nodes, edges });
      const empty = { sections: sections.sections, nodeSection: {} };
      expect(await layoutGraph({ nodes, edges, sections: empty })).toEqual(flat);
      expect(
        await layoutGraph({ nodes, edges, sections: { sections: [], nodeSection: {} } }),
      ).toEqual(flat);
      expect(elkGraph({ nodes, edges, sections: empty }, 'LEFT')).toEqual(
        elkGraph({ nodes, edges }, 'LEFT'),
      );
    }
  });

  it('lays out a map of more than 1,000 cards flat, sections or not', () => {
    const nodes = Array.from({ length: 1001 }, (_, i) => ({
      id: `n${i}`,
      width: NODE_WIDTH,
      height: 80,
    }));
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, fromId: n.id, toId: `n${i}` }));
    const sections: MapSection[] = Array.from({ length: 30 }, (_, i) => ({
      id: `s${i}`,
      title: `Section ${i}`,
      level: 1,
      parentId: null,
      data: null,
    }));
    const nodeSection = Object.fromEntries(nodes.map((n, i) => [n.id, `s${i % 30}`]));
    const flat = elkGraph({ nodes, edges });
    expect(elkGraph({ nodes, edges, sections: { sections, nodeSection } })).toEqual(flat);
    // One card fewer: sections kept together.
    const fewer = { nodes: nodes.slice(1), edges: edges.slice(1) };
    expect(elkGraph({ ...fewer, sections: { sections, nodeSection } })).not.toEqual(
      elkGraph(fewer),
    );
  });
});
