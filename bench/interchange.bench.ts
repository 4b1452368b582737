import { beforeAll, bench, describe } from 'vitest';
import { exportAif, parseAif } from '@/lib/domain/aif';
import { exportArgdown, parseArgdown } from '@/lib/domain/argdown';
import type { ExportableMap } from '@/lib/domain/interchange';
import type { Relation } from '@/lib/domain/types';
import { importMap } from '@/lib/server/maps/import-map';
import { createUser } from '../tests/factories';

/**
 * AIF and Argdown for a map of 1,000 nodes (a tree with cross-attacks and
 * some linked premises): the pure conversions an export or import runs on
 * the server's request path, and whole imports through the database (with
 * the file's positions, and without them, when the server lays the map out
 * with ELK). Figures go in docs/PERFORMANCE.md.
 */

const nodes: ExportableMap['nodes'] = Array.from({ length: 1000 }, (_, i) => ({
  id: `n${i}`,
  kind: i === 0 ? 'QUESTION' : i % 7 === 0 ? 'OBJECTION' : 'PREMISE',
  side: i % 2 ? 'FOR' : 'AGAINST',
  text: `Claim number ${i}: a sentence long enough to wrap, with "quotes", 50% and a link https://example.org/${i}.`,
  x: (i % 40) * 300,
  y: Math.floor(i / 40) * 160,
}));
const edges: ExportableMap['edges'] = [];
for (let i = 1; i < 1000; i++) {
  const relation: Relation = i % 7 === 0 ? 'ATTACKS' : 'SUPPORTS';
  edges.push({
    id: `e${i}`,
    fromId: `n${i}`,
    toId: `n${Math.floor((i - 1) / 3)}`,
    relation,
    groupId: relation === 'SUPPORTS' && i % 5 === 0 ? `g${Math.floor((i - 1) / 3)}` : null,
  });
  if (i % 50 === 0)
    edges.push({
      id: `u${i}`,
      fromId: `n${i}`,
      toId: `n${i - 1}`,
      relation: 'UNDERCUTS',
      groupId: null,
    });
}
const map: ExportableMap = {
  title: 'Benchmark',
  motion: 'A motion',
  description: '',
  nodes,
  edges,
};
const argdown = exportArgdown(map);
const aifJson = JSON.stringify(exportAif(map));

describe('interchange, 1,000 nodes', () => {
  bench('export Argdown', () => {
    exportArgdown(map);
  });
  bench('import Argdown (@argdown/core parse + map)', () => {
    parseArgdown(argdown, 'x');
  });
  bench('export AIF (to JSON text)', () => {
    JSON.stringify(exportAif(map));
  });
  bench('import AIF (from JSON text)', () => {
    parseAif(JSON.parse(aifJson), 'x');
  });
});

const withoutPositions = argdown.replace(/, x: -?\d+, y: -?\d+/g, '');
let userId = '';
beforeAll(async () => {
  userId = (await createUser()).id;
});

describe('importing 1,000 nodes into the database', () => {
  bench(
    'AIF with its OVA layout',
    async () => {
      await importMap({ kind: 'user', userId }, { text: aifJson, fileName: 'bench.json' });
    },
    { iterations: 5, warmupIterations: 1 },
  );
  bench(
    'Argdown without positions (ELK layout on the server)',
    async () => {
      await importMap(
        { kind: 'user', userId },
        { text: withoutPositions, fileName: 'bench.argdown' },
      );
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
