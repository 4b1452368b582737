import type { ExportableMap, ImportedMap } from '@/lib/domain/interchange';

/** Shared by the AIF and Argdown tests. */

/** An imported graph placed on a grid where the file had no positions, as the importer's layout step would. */
export const placed = (map: ImportedMap): ExportableMap => ({
  ...map,
  nodes: map.nodes.map((n, i) => ({
    ...n,
    x: n.x ?? (i % 5) * 300,
    y: n.y ?? Math.floor(i / 5) * 200,
  })),
});

/** The graph as text, ids replaced by node texts (linked premises named with their group): what a round trip must keep. */
export const shape = (map: ExportableMap | ImportedMap) => {
  const text = new Map(map.nodes.map((n) => [n.id, n.text]));
  const members = (e: ExportableMap['edges'][number]) =>
    map.edges
      .filter((x) => x.groupId === e.groupId && x.toId === e.toId)
      .map((x) => text.get(x.fromId))
      .sort()
      .join(' + ');
  return {
    nodes: map.nodes.map((n) => `${n.kind}|${n.side}|${n.text}|${(n.tags ?? []).join(',')}`).sort(),
    edges: map.edges
      .map((e) => {
        // A contradiction has no direction: its ends in text order.
        const ends = [text.get(e.fromId)!, text.get(e.toId)!];
        const [from, to] = e.relation === 'CONTRADICTS' ? ends.sort() : ends;
        return `${from} ${e.relation} ${to}${e.groupId ? ` (linked: ${members(e)})` : ''}`;
      })
      .sort(),
  };
};

export const demo: ExportableMap = {
  title: 'Is Russia a reliable ally?',
  motion: 'This house believes the CSTO failed Armenia',
  description: 'Two articles that disagree.',
  nodes: [
    {
      id: 'a',
      kind: 'CLAIM',
      side: 'FOR',
      text: 'The CSTO did not help Armenia in 2022.',
      x: 0,
      y: 0,
    },
    {
      id: 'b',
      kind: 'PREMISE',
      side: 'FOR',
      text: 'Armenia asked for help [Article 4] and got none.',
      x: -300,
      y: 200,
    },
    { id: 'c', kind: 'PREMISE', side: 'FOR', text: 'Russia was busy in Ukraine.', x: 0, y: 200 },
    {
      id: 'd',
      kind: 'OBJECTION',
      side: 'AGAINST',
      text: 'The border clashes were not an "attack" under the treaty.',
      x: 300,
      y: 200,
    },
    {
      id: 'e',
      kind: 'REBUTTAL',
      side: 'FOR',
      text: 'Being busy does not excuse a treaty duty.',
      x: 0,
      y: 400,
    },
    {
      id: 'f',
      kind: 'EVIDENCE',
      side: 'FOR',
      text: 'See https://www.themoscowtimes.com/ — 50% of *voters* agree #poll',
      x: -300,
      y: 400,
    },
    {
      id: 'g',
      kind: 'CLAIM',
      side: 'NEUTRAL',
      text: 'The CSTO did not come to Armenia’s aid.',
      x: 600,
      y: 0,
    },
    {
      id: 'h',
      kind: 'QUESTION',
      side: 'NEUTRAL',
      text: 'What does Article 4 require?',
      x: 600,
      y: 400,
    },
  ],
  edges: [
    { id: '1', fromId: 'b', toId: 'a', relation: 'SUPPORTS', groupId: 'G' },
    { id: '2', fromId: 'c', toId: 'a', relation: 'SUPPORTS', groupId: 'G' },
    { id: '3', fromId: 'd', toId: 'a', relation: 'ATTACKS', groupId: null },
    { id: '4', fromId: 'e', toId: 'c', relation: 'UNDERCUTS', groupId: null },
    { id: '5', fromId: 'f', toId: 'b', relation: 'SUPPORTS', groupId: null },
    { id: '6', fromId: 'g', toId: 'a', relation: 'REPHRASES', groupId: null },
  ],
};
