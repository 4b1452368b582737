import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAif, parseAif } from '@/lib/domain/aif';
import { ImportFormatError } from '@/lib/domain/interchange';
import { demo, placed, shape } from '../support/interchange';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/aif', name), 'utf8'));
/** A JSON round trip, as a download and an upload make. */
const viaFile = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('AIF export', () => {
  const doc = exportAif(demo);
  const byType = (type: string) => doc.AIF.nodes.filter((n) => n.type === type);
  const isI = (id: string) => doc.AIF.nodes.some((n) => n.nodeID === id && n.type === 'I');
  const from = (id: string) =>
    doc.AIF.edges.filter((e) => e.toID === id && isI(e.fromID)).map((e) => e.fromID);
  const to = (id: string) => doc.AIF.edges.filter((e) => e.fromID === id).map((e) => e.toID);
  const iNode = (text: string) =>
    doc.AIF.nodes.find((n) => n.type === 'I' && n.text === text)!.nodeID;

  it('writes claims as I-nodes, and supports, attacks, undercuts and rephrases as RA, CA and MA nodes', () => {
    expect(byType('I')).toHaveLength(demo.nodes.length);
    // Two linked premises share one RA-node; the evidence for one premise has its own.
    expect(byType('RA')).toHaveLength(2);
    const linked = byType('RA').find((ra) => from(ra.nodeID).length === 2)!;
    expect(from(linked.nodeID).sort()).toEqual(
      [
        iNode('Armenia asked for help [Article 4] and got none.'),
        iNode('Russia was busy in Ukraine.'),
      ].sort(),
    );
    expect(to(linked.nodeID)).toEqual([iNode('The CSTO did not help Armenia in 2022.')]);
    // The undercut's CA-node points at that RA-node, not at a claim.
    const undercut = byType('CA').find((ca) =>
      from(ca.nodeID).includes(iNode('Being busy does not excuse a treaty duty.')),
    )!;
    expect(to(undercut.nodeID)).toEqual([linked.nodeID]);
    const attack = byType('CA').find((ca) => ca !== undercut)!;
    expect(to(attack.nodeID)).toEqual([iNode('The CSTO did not help Armenia in 2022.')]);
    expect(byType('MA')).toHaveLength(1);
  });

  it('keeps the layout in the OVA section, S-nodes between the nodes they join', () => {
    for (const n of demo.nodes) {
      expect(doc.OVA.nodes.find((p) => p.nodeID === iNode(n.text))).toMatchObject({
        x: n.x,
        y: n.y,
        visible: true,
      });
    }
    expect(doc.OVA.nodes).toHaveLength(doc.AIF.nodes.length);
  });

  it('round-trips: export → import keeps the graph, positions and titles; export → import → export is identical', () => {
    const back = parseAif(viaFile(doc), 'fallback');
    expect(shape(back)).toEqual(shape(demo));
    expect(back.nodes.map((n) => `${n.text}@${n.x},${n.y}`).sort()).toEqual(
      demo.nodes.map((n) => `${n.text}@${n.x},${n.y}`).sort(),
    );
    expect([back.title, back.motion, back.description]).toEqual([
      demo.title,
      demo.motion,
      demo.description,
    ]);
    expect(exportAif(placed(back))).toEqual(doc);
  });

  it('keeps an undercut of a premise that supports nothing yet', () => {
    const map = {
      ...demo,
      edges: [{ id: 'u', fromId: 'e', toId: 'h', relation: 'UNDERCUTS' as const, groupId: null }],
    };
    expect(shape(parseAif(viaFile(exportAif(map)), 'x')).edges).toEqual([
      'Being busy does not excuse a treaty duty. UNDERCUTS What does Article 4 require?',
    ]);
  });
});

describe('AIF import of real-world files (tests/fixtures/aif, see SOURCES.md)', () => {
  it('reads an OVA3 export: the dialogue layer is skipped, the rebuttal and the undercut kept, with OVA’s layout', () => {
    const map = parseAif(fixture('ova3-rebut-undercut.json'), 'Rebut and undercut');
    expect(map.title).toBe('Rebut and undercut');
    expect(map.nodes.map((n) => `${n.kind}:${n.text}@${n.x},${n.y}`).sort()).toEqual([
      'CLAIM:A@664,152',
      'OBJECTION:A and B are totally unrelated@527,364',
      'OBJECTION:not B@629,476',
      'PREMISE:B@790,301',
    ]);
    expect(shape(map).edges).toEqual([
      'A and B are totally unrelated UNDERCUTS B',
      'B SUPPORTS A',
      'not B ATTACKS B',
    ]);
  });

  it('reads xAIF with integer ids and no layout, leaving positions to the importer’s layout', () => {
    const map = parseAif(fixture('xaif-snp-dialogue.json'), 'SNP');
    expect(map.nodes).toHaveLength(3);
    expect(map.nodes.every((n) => n.x === null && n.y === null)).toBe(true);
    expect(shape(map).edges).toEqual([
      "disagreements between party members are entirely to be expected. SUPPORTS it's not uncommon for there to be disagreements between party members.",
    ]);
  });

  it('reads a file whose OVA section has no layout', () => {
    const map = parseAif(
      {
        nodes: [{ nodeID: '1', text: 'A claim', type: 'I' }],
        edges: [],
        OVA: { firstname: 'Anon', surname: 'User', url: '' },
      },
      'x',
    );
    expect(map.nodes.map((n) => [n.text, n.x])).toEqual([['A claim', null]]);
  });

  it('drops a layout that puts every node on one spot', () => {
    const map = parseAif(fixture('papa-xaif-basic.json'), 'Energy');
    expect(map.nodes.every((n) => n.x === null)).toBe(true);
    expect(shape(map).edges).toEqual([
      'Fossil fuels are more reliable ATTACKS We should invest in renewable energy',
      'Wind power has become cost effective SUPPORTS We should invest in renewable energy',
    ]);
  });

  for (const name of [
    'ova3-rebut-undercut.json',
    'xaif-snp-dialogue.json',
    'papa-xaif-basic.json',
  ]) {
    it(`round-trips ${name}: import → export → import keeps the graph, and the second export is identical`, () => {
      const first = placed(parseAif(fixture(name), name));
      const exported = exportAif(first);
      const second = parseAif(viaFile(exported), 'x');
      expect(shape(second)).toEqual(shape(first));
      expect(exportAif(placed(second))).toEqual(exported);
    });
  }
});

describe('AIF import of malformed files', () => {
  const fails = (raw: unknown) => {
    try {
      parseAif(raw, 'x');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportFormatError);
      return (error as Error).message;
    }
    throw new Error('expected the import to fail');
  };

  it('names the field at fault', () => {
    expect(fails([1, 2])).toMatch(/^file: /);
    expect(fails({ nodes: 'x', edges: [] })).toBe('nodes: must be a list of nodes');
    expect(fails({ AIF: { nodes: [{ nodeID: '1', type: 'I' }], edges: [] } })).toBe(
      'AIF.nodes[0].text: must be text',
    );
    expect(
      fails({
        AIF: {
          nodes: [{ nodeID: '1', text: 'a', type: 'I' }],
          edges: [{ fromID: '1', toID: '9' }],
        },
      }),
    ).toBe('AIF.edges[0].toID: no node "9"');
    expect(
      fails({
        nodes: [
          { nodeID: '1', text: 'a', type: 'I' },
          { nodeID: 1, text: 'b', type: 'I' },
        ],
        edges: [],
      }),
    ).toBe('nodes[1].nodeID: "1" appears twice');
    expect(fails({ nodes: [{ nodeID: '1', text: '  ', type: 'I' }], edges: [] })).toBe(
      'nodes[0].text: an I-node needs text',
    );
    expect(
      fails({ nodes: [{ nodeID: '1', text: 'Default Inference', type: 'RA' }], edges: [] }),
    ).toBe('nodes: the file has no I-nodes (claims) to import');
    expect(
      fails({
        nodes: [{ nodeID: '1', text: 'a', type: 'I' }],
        edges: [],
        OVA: { nodes: [{ nodeID: '1', x: 'left', y: 0 }] },
      }),
    ).toMatch(/^OVA\.nodes\[0\]\.x: /);
  });
});
