import { bench, describe } from 'vitest';
import { layoutGraph, NODE_WIDTH, type LayoutInput } from '@/lib/domain/layout';
import type { MapSection, SectionsView } from '@/lib/domain/sections';

/**
 * The section-aware layout beside the flat one, on the largest map it takes
 * (1,000 cards): a tree (three reasons per card, every seventh an attack)
 * in 30 sections, as an Argdown file's headings would group it: a section
 * per subtree under each of the three top reasons, and nine subsections each
 * for the subtrees two levels further down. Figures go in docs/PERFORMANCE.md.
 */

const nodes = Array.from({ length: 1000 }, (_, i) => ({
  id: `n${i}`,
  width: NODE_WIDTH,
  height: 84,
}));
const parent = (i: number) => Math.floor((i - 1) / 3);
const edges: LayoutInput['edges'] = nodes
  .slice(1)
  .map((n, i) => ({ id: `e${i}`, fromId: n.id, toId: `n${parent(i + 1)}` }));
const sections: MapSection[] = [];
for (let top = 1; top <= 3; top++) {
  sections.push({ id: `s${top}`, title: `Part ${top}`, level: 1, parentId: null, data: null });
  for (let sub = 0; sub < 9; sub++)
    sections.push({
      id: `s${top}-${sub}`,
      title: `Part ${top}.${sub}`,
      level: 2,
      parentId: `s${top}`,
      data: null,
    });
}
/** Node i's ancestors, itself first, up to a child of the root. */
const line = (i: number): number[] => (i <= 3 ? [i] : [i, ...line(parent(i))]);
const nodeSection: SectionsView['nodeSection'] = {};
for (let i = 1; i < nodes.length; i++) {
  const up = line(i);
  const top = up.at(-1)!;
  // Depth 3 and below: the subsection of its ancestor at depth 3 (13–39, nine under each top reason).
  const third = up.length >= 3 ? up.at(-3)! : null;
  nodeSection[`n${i}`] = third === null ? `s${top}` : `s${top}-${(third - 13) % 9}`;
}

/** The same tree in nine sections of about 110 cards (the subtrees at depth 2): each small enough for NETWORK_SIMPLEX, the slow placement. */
const nineSections: MapSection[] = Array.from({ length: 9 }, (_, k) => ({
  id: `t${k}`,
  title: `Branch ${k}`,
  level: 1,
  parentId: null,
  data: null,
}));
const nineNodeSection: SectionsView['nodeSection'] = {};
for (let i = 4; i < nodes.length; i++) {
  const up = line(i);
  nineNodeSection[`n${i}`] = `t${up.at(-2)! - 4}`;
}

describe('auto-layout of 1,000 cards in 30 sections', () => {
  bench(
    'flat (sections ignored)',
    async () => {
      await layoutGraph({ nodes, edges });
    },
    { iterations: 10, warmupIterations: 2 },
  );
  bench(
    'section-aware',
    async () => {
      await layoutGraph({ nodes, edges, sections: { sections, nodeSection } });
    },
    { iterations: 10, warmupIterations: 2 },
  );
  bench(
    'section-aware, 9 sections of ~110 cards',
    async () => {
      await layoutGraph({
        nodes,
        edges,
        sections: { sections: nineSections, nodeSection: nineNodeSection },
      });
    },
    { iterations: 10, warmupIterations: 2 },
  );
});
