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
    ).toBe('nodes[1].nodeID: "1" appears twice, as two different nodes');
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

describe('AIF kept whole (tests/fixtures/aif/papa-forecast-28010.json, a real OVA3 analysis)', () => {
  type Raw = { AIF: { nodes: { nodeID: string; type: string; text: string }[]; edges: unknown[] } };
  const papa = () => fixture('papa-forecast-28010.json') as Raw;
  const node = (nodeID: string, text: string, type = 'I') => ({ nodeID, text, type });
  const edge = (fromID: string, toID: string) => ({ fromID, toID });

  it('keeps a conflict with two attackers as one attack from both, and writes it back as one CA-node', () => {
    const file = {
      nodes: [
        node('1', 'We should build the bridge.'),
        node('2', 'The bridge costs more than the town has.'),
        node('3', 'No grant will cover the difference.'),
        node('4', 'Default Conflict', 'CA'),
      ],
      edges: [edge('2', '4'), edge('3', '4'), edge('4', '1')],
    };
    const map = parseAif(file, 'Bridge');
    expect(shape(map).edges).toEqual([
      'No grant will cover the difference. ATTACKS We should build the bridge. (linked: No grant will cover the difference. + The bridge costs more than the town has.)',
      'The bridge costs more than the town has. ATTACKS We should build the bridge. (linked: No grant will cover the difference. + The bridge costs more than the town has.)',
    ]);
    const out = exportAif(placed(map));
    const conflicts = out.AIF.nodes.filter((n) => n.type === 'CA');
    expect(conflicts).toHaveLength(1);
    expect(out.AIF.edges.filter((e) => e.toID === conflicts[0]!.nodeID)).toHaveLength(2);
    expect(shape(parseAif(viaFile(out), 'x'))).toEqual(shape(map));
  });

  it('says which conflicts it left out because they attack with nothing', () => {
    const file = {
      nodes: [node('1', 'A claim'), node('2', 'Default Conflict', 'CA')],
      edges: [edge('2', '1')],
    };
    const map = parseAif(file, 'x');
    expect(map.edges).toEqual([]);
    expect(map.ignored).toEqual([
      '1 conflict node (CA) without an attacker or a target was left out.',
    ]);
  });

  it('says which inferences, conflicts and rephrases it left out because they join a claim to itself', () => {
    const file = {
      nodes: [
        node('1', 'A claim'),
        node('2', 'Another claim'),
        node('3', 'Default Conflict', 'CA'),
        node('4', 'Default Inference', 'RA'),
        node('5', 'Default Conflict', 'CA'),
        node('6', 'Default Rephrase', 'MA'),
      ],
      edges: [
        ...[edge('1', '3'), edge('3', '1')],
        ...[edge('2', '4'), edge('4', '2')],
        // A linked conflict one of whose attackers is its target: the other attacker is kept, on its own.
        ...[edge('1', '5'), edge('2', '5'), edge('5', '1')],
        ...[edge('2', '6'), edge('6', '2')],
      ],
    };
    const map = parseAif(file, 'x');
    expect(shape(map).edges).toEqual(['Another claim ATTACKS A claim']);
    expect(map.ignored).toEqual([
      '1 inference node (RA) joins a claim to itself; a claim cannot support itself on a map, so that connection was left out.',
      '2 conflict nodes (CA) join a claim to itself; a claim cannot attack itself on a map, so those connections were left out.',
      '1 rephrase node (MA) joins a claim to itself; a claim cannot rephrase itself on a map, so that connection was left out.',
    ]);
  });

  it('accepts a node written twice the same way, and still refuses two different nodes under one id', () => {
    const raw = papa();
    const twice = structuredClone(raw);
    twice.AIF.nodes.push(structuredClone(raw.AIF.nodes[0]!), structuredClone(raw.AIF.nodes[1]!));
    expect(shape(parseAif(twice, 'x'))).toEqual(shape(parseAif(raw, 'x')));
    const clash = structuredClone(raw);
    clash.AIF.nodes.push({ ...raw.AIF.nodes[0]!, text: 'Something else' });
    expect(() => parseAif(clash, 'x')).toThrow(
      `AIF.nodes[${raw.AIF.nodes.length}].nodeID: "${raw.AIF.nodes[0]!.nodeID}" appears twice, as two different nodes`,
    );
  });

  it('ignores edges to the locutions and illocutions a file leaves out, and says so', () => {
    const raw = papa();
    const without = structuredClone(raw);
    without.AIF.nodes = raw.AIF.nodes.filter((n) => n.type !== 'L' && n.type !== 'YA');
    const map = parseAif(without, 'x');
    expect(shape(map)).toEqual(shape(parseAif(raw, 'x')));
    expect(map.ignored?.[0]).toMatch(
      /^\d+ connections into the argument from nodes the file does not hold/,
    );
    // An inference whose conclusion is missing is part of the argument: refused.
    const broken = structuredClone(without);
    broken.AIF.nodes = broken.AIF.nodes.filter((n) => n.nodeID !== '1_8554957260962216725');
    expect(() => parseAif(broken, 'x')).toThrow(/no node "1_8554957260962216725"/);
  });

  it('keeps the schemes the file names and writes them back on export', () => {
    const file = {
      nodes: [
        node('1', 'The drug is safe.'),
        node('2', 'The regulator’s scientists say it is safe.'),
        node('3', 'Argument From Expert Opinion', 'RA'),
        node('4', 'The scientists were paid by the maker.'),
        node('5', 'Conflict From Bias', 'CA'),
        node('6', 'Default Conflict', 'CA'),
        node('7', 'It caused side effects in trials.'),
      ],
      edges: [
        edge('2', '3'),
        edge('3', '1'),
        edge('4', '5'),
        edge('5', '2'),
        edge('7', '6'),
        edge('6', '1'),
      ],
    };
    const map = parseAif(file, 'x');
    // The support's scheme is the catalogue's expert opinion; the conflict's name is kept as the file wrote it.
    expect(map.edges.map((e) => [e.relation, e.schemeName, e.scheme])).toEqual([
      ['SUPPORTS', 'Argument From Expert Opinion', 'expert-opinion'],
      ['ATTACKS', 'Conflict From Bias', undefined],
      ['ATTACKS', undefined, undefined],
    ]);
    expect(map.ignored).toEqual([]);
    const out = exportAif(placed(map));
    const schemes = (type: string) =>
      out.AIF.nodes
        .filter((n) => n.type === type)
        .map((n) => [n.text, n.scheme])
        .sort();
    expect(schemes('RA')).toEqual([
      ['Argument From Expert Opinion', 'Argument From Expert Opinion'],
    ]);
    expect(schemes('CA')).toEqual([
      ['Conflict From Bias', 'Conflict From Bias'],
      ['Default Conflict', 'Default Conflict'],
    ]);
    // A map's own tag, with no name from a file, is written under AIFdb's name for it.
    const tagged = exportAif({
      ...demo,
      edges: demo.edges.map((e) =>
        e.relation === 'SUPPORTS' ? { ...e, scheme: 'position-to-know' } : e,
      ),
    });
    expect(tagged.AIF.nodes.filter((n) => n.type === 'RA').map((n) => n.text)).toEqual([
      'Argument From Position To Know',
      'Argument From Position To Know',
    ]);
    // A real file's named rephrase ("Evaluation") too.
    const real = exportAif(placed(parseAif(papa(), 'x')));
    expect(real.AIF.nodes.filter((n) => n.type === 'MA').map((n) => n.text)).toContain(
      'Evaluation',
    );
  });

  it('is titled by its file’s name, with the motion left empty, and loses nothing of it', () => {
    const map = parseAif(papa(), 'papa forecast 28010');
    expect([map.title, map.motion]).toEqual(['papa forecast 28010', '']);
    // Its rephrases' scheme ("Evaluation") goes with them (Edge.schemeName).
    expect(map.ignored).toEqual([]);
  });

  it('lays out afresh a file whose claims all sit in one column, though none overlap', () => {
    // The file's claims as OVA leaves them when nobody arranged them: one column, far apart.
    const raw = papa() as Raw & { OVA: { nodes: { nodeID: string; x: number; y: number }[] } };
    const claims = raw.AIF.nodes.filter((n) => n.type === 'I').map((n) => n.nodeID);
    for (const p of raw.OVA.nodes) {
      const row = claims.indexOf(p.nodeID);
      if (row >= 0) Object.assign(p, { x: 300 + (row % 2) * 40, y: 60 + row * 300 });
    }
    const map = parseAif(raw, 'x');
    expect(map.nodes).toHaveLength(9);
    expect(map.nodes.every((n) => n.x === null && n.y === null)).toBe(true);
  });
});

describe('AIF and contradictions', () => {
  // The demo map with a claim that contradicts its main claim, and one that contradicts its objection.
  const map = {
    ...demo,
    nodes: [
      ...demo.nodes,
      {
        id: 'x',
        kind: 'CLAIM' as const,
        side: 'AGAINST' as const,
        text: 'The CSTO did help Armenia in 2022.',
        x: 300,
        y: 0,
      },
    ],
    edges: [
      ...demo.edges,
      { id: '7', fromId: 'x', toId: 'a', relation: 'CONTRADICTS' as const, groupId: null },
      { id: '8', fromId: 'h', toId: 'd', relation: 'CONTRADICTS' as const, groupId: null },
    ],
  };
  const doc = exportAif(map);
  const textOf = (id: string) => doc.AIF.nodes.find((n) => n.nodeID === id)?.text;
  const conflicts = doc.AIF.nodes
    .filter((n) => n.type === 'CA')
    .map((ca) => {
      const from = doc.AIF.edges.filter((e) => e.toID === ca.nodeID).map((e) => textOf(e.fromID));
      const to = doc.AIF.edges.filter((e) => e.fromID === ca.nodeID).map((e) => textOf(e.toID));
      return `${from.join(' + ')} -> ${to.join(' + ')}`;
    });

  it('writes a contradiction as two conflicts, one each way, that AIF tools read as a mutual attack', () => {
    expect(conflicts).toEqual(
      expect.arrayContaining([
        'The CSTO did help Armenia in 2022. -> The CSTO did not help Armenia in 2022.',
        'The CSTO did not help Armenia in 2022. -> The CSTO did help Armenia in 2022.',
        'What does Article 4 require? -> The border clashes were not an "attack" under the treaty.',
        'The border clashes were not an "attack" under the treaty. -> What does Article 4 require?',
      ]),
    );
    // The demo's attack and undercut, and two per contradiction.
    expect(conflicts).toHaveLength(2 + 4);
    expect(doc.counterpoint.contradictions).toHaveLength(2);
  });

  it('reads them back as one contradiction each, not two attacks, and writes the same file again', () => {
    const back = parseAif(viaFile(doc), 'x');
    expect(shape(back)).toEqual(shape(map));
    expect(back.edges.filter((e) => e.relation === 'CONTRADICTS')).toHaveLength(2);
    // Neither end became an objection (the file's kinds aside, inference says so too).
    const bare = parseAif(
      viaFile({ ...doc, counterpoint: { ...doc.counterpoint, nodes: {} } }),
      'x',
    );
    const kindOf = (text: string) => bare.nodes.find((n) => n.text === text)!.kind;
    expect(kindOf('The CSTO did help Armenia in 2022.')).toBe('CLAIM');
    expect(kindOf('What does Article 4 require?')).toBe('CLAIM');
    expect(exportAif(placed(back))).toEqual(doc);
  });

  it('without our section (another tool’s copy), each pair is still one contradiction, and a mutual attack two attacks', () => {
    // A map where two claims attack each other (two attacks, not a contradiction) as well.
    const mutual = {
      ...map,
      edges: [
        ...map.edges,
        { id: '9', fromId: 'c', toId: 'e', relation: 'ATTACKS' as const, groupId: null },
        { id: '10', fromId: 'e', toId: 'c', relation: 'ATTACKS' as const, groupId: null },
      ],
    };
    const { counterpoint: _ours, ...plain } = exportAif(mutual);
    const back = parseAif(viaFile(plain), 'x');
    // Our own file keeps them apart; another tool's copy cannot, and reads the mutual attack as one more.
    expect(shape(parseAif(viaFile(exportAif(mutual)), 'x')).edges).toEqual(shape(mutual).edges);
    expect(shape(back).edges.filter((e) => e.includes(' CONTRADICTS '))).toEqual([
      'Being busy does not excuse a treaty duty. CONTRADICTS Russia was busy in Ukraine.',
      'The CSTO did help Armenia in 2022. CONTRADICTS The CSTO did not help Armenia in 2022.',
      'The border clashes were not an "attack" under the treaty. CONTRADICTS What does Article 4 require?',
    ]);
  });
});

describe('AIF from other tools: a conflict each way between two claims is one contradiction', () => {
  const node = (nodeID: string, text: string, type = 'I') => ({ nodeID, text, type });
  const edge = (fromID: string, toID: string) => ({ fromID, toID });
  const [yes, no, late] = [
    'The library should open on Sundays.',
    'The library should stay closed on Sundays.',
    'Nobody visits on Sunday mornings.',
  ];
  /** As OVA writes it: one CA-node each way between yes and no, and a one-way conflict from late. */
  const file = (names: [string, string] = ['Default Conflict', 'Default Conflict']) => ({
    nodes: [
      node('1', yes),
      node('2', no),
      node('3', late),
      node('4', names[0], 'CA'),
      node('5', names[1], 'CA'),
      node('6', 'Default Conflict', 'CA'),
    ],
    edges: [
      ...[edge('1', '4'), edge('4', '2'), edge('2', '5'), edge('5', '1')],
      ...[edge('3', '6'), edge('6', '1')],
    ],
  });
  const kinds = (map: ReturnType<typeof parseAif>) =>
    Object.fromEntries(map.nodes.map((n) => [n.text, n.kind]));

  it('reads the pair as one contradiction, neither side an objection, and a one-way conflict still as an attack', () => {
    const map = parseAif(file(), 'Library');
    expect(shape(map).edges).toEqual([`${late} ATTACKS ${yes}`, `${yes} CONTRADICTS ${no}`]);
    expect(kinds(map)).toEqual({ [yes]: 'CLAIM', [no]: 'CLAIM', [late]: 'OBJECTION' });
    expect(map.ignored).toEqual([]);
  });

  it('round-trips: import → export → import keeps one contradiction, and the second export is identical', () => {
    const first = parseAif(file(), 'Library');
    const exported = exportAif(placed(first));
    // Written back as two conflicts, one each way, that our section pairs.
    expect(exported.AIF.nodes.filter((n) => n.type === 'CA')).toHaveLength(3);
    expect(exported.counterpoint.contradictions).toHaveLength(1);
    const second = parseAif(viaFile(exported), 'x');
    expect(shape(second)).toEqual(shape(first));
    expect(second.edges.filter((e) => e.relation === 'CONTRADICTS')).toHaveLength(1);
    expect(exportAif(placed(second))).toEqual(exported);
  });

  it('keeps a scheme both conflicts name on the contradiction, and writes it on both again', () => {
    const map = parseAif(file(['Logical Conflict', 'Logical Conflict']), 'x');
    expect(map.edges.map((e) => [e.relation, e.schemeName])).toEqual([
      ['CONTRADICTS', 'Logical Conflict'],
      ['ATTACKS', undefined],
    ]);
    expect(map.ignored).toEqual([]);
    const out = exportAif(placed(map));
    expect(
      out.AIF.nodes
        .filter((n) => n.type === 'CA')
        .map((n) => n.text)
        .sort(),
    ).toEqual(['Default Conflict', 'Logical Conflict', 'Logical Conflict']);
    expect(shape(parseAif(viaFile(out), 'x'))).toEqual(shape(map));
    expect(parseAif(viaFile(out), 'x').edges[0]).toMatchObject({
      relation: 'CONTRADICTS',
      schemeName: 'Logical Conflict',
    });
  });

  it('keeps two conflicts that name different schemes as two attacks, each with its scheme', () => {
    const map = parseAif(file(['Conflict From Bias', 'Default Conflict']), 'x');
    expect(map.edges.map((e) => `${e.relation} ${e.schemeName ?? '-'}`).sort()).toEqual([
      'ATTACKS -',
      'ATTACKS -',
      'ATTACKS Conflict From Bias',
    ]);
    expect(map.ignored).toEqual([]);
  });

  it('reads a conflict each way that is part of something larger as attacks', () => {
    // The way back is made by two claims together (a linked conflict): not a contradiction.
    const linked = file();
    linked.edges.push(edge('3', '5'));
    expect(shape(parseAif(linked, 'x')).edges.filter((e) => e.includes('CONTRADICTS'))).toEqual([]);
    // One conflict attacks both the claim and an inference: not a contradiction.
    const wider = file();
    wider.nodes.push(node('7', 'Opening costs little.'), node('8', 'Default Inference', 'RA'));
    wider.edges.push(edge('7', '8'), edge('8', '1'), edge('4', '8'));
    expect(shape(parseAif(wider, 'x')).edges.filter((e) => e.includes('CONTRADICTS'))).toEqual([]);
  });

  it('reads the real pairs in OVA3 analyses (tests/fixtures/aif) as contradictions', () => {
    const small = parseAif(fixture('papa-forecast-28010.json'), 'x');
    const text = (id: string) => small.nodes.find((n) => n.id === id)!.text;
    const contradictions = small.edges.filter((e) => e.relation === 'CONTRADICTS');
    expect(contradictions.map((e) => [text(e.fromId), text(e.toId)].sort())).toEqual([
      [
        expect.stringMatching(/^Algeria's Prime Minister Noureddine Bedoui will experience /),
        expect.stringMatching(/^Algeria's Prime Minister Noureddine Bedoui will not experience /),
      ],
    ]);
    expect(small.edges.filter((e) => e.relation === 'ATTACKS')).toEqual([]);
    expect(small.ignored).toEqual([]);
    // Five forecasts that exclude each other, a conflict each way between every two.
    const large = parseAif(fixture('papa-forecast-28106.json'), 'x');
    const ranges = large.edges.filter((e) => e.relation === 'CONTRADICTS');
    expect(ranges).toHaveLength(10);
    expect(new Set(ranges.flatMap((e) => [e.fromId, e.toId])).size).toBe(5);
    expect(large.edges.filter((e) => e.relation === 'ATTACKS')).toEqual([]);
    // Round trip: one contradiction each still.
    const again = parseAif(viaFile(exportAif(placed(large))), 'x');
    expect(shape(again)).toEqual(shape(large));
  });
});
