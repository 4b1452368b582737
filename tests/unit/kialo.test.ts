import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportFormatError, type ImportedMap } from '@/lib/domain/interchange';
import { looksLikeKialo, parseKialo } from '@/lib/domain/kialo';
import {
  numbered,
  printKialo,
  type KialoChild,
  type KialoClaim,
  type KialoDiscussion,
} from '../support/kialo';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../fixtures/kialo', name), 'utf8');

/** The graph as text: each node's kind, side and text, each edge by its ends' texts. */
const edgesOf = (map: ImportedMap) => {
  const text = new Map(map.nodes.map((n) => [n.id, n.text]));
  return map.edges.map((e) => `${text.get(e.fromId)} ${e.relation} ${text.get(e.toId)}`).sort();
};
const refusal = (text: string) => {
  try {
    parseKialo(text, 'fallback');
    return 'accepted';
  } catch (error) {
    if (error instanceof ImportFormatError) return error.message;
    throw error;
  }
};

describe('reading a Kialo discussion export', () => {
  it('reads the thesis, pros and cons, multi-line claims, escapes and links of a real-shaped file', () => {
    const map = parseKialo(fixture('school-phone-ban.txt'), 'school-phone-ban');
    expect(map.title).toBe('Should secondary schools ban mobile phones during the school day?');
    expect(map.motion).toBe(
      "Secondary schools should ban pupils' mobile phones from the start to the end of the school day.",
    );
    expect(map.nodes).toHaveLength(22);
    expect(map.edges).toHaveLength(23);
    // The layout follows the tree alone: the two links are left out of it.
    expect(map.layoutEdges).toHaveLength(21);
    const node = (start: string) => map.nodes.find((n) => n.text.startsWith(start))!;
    expect(node('Secondary schools should')).toMatchObject({ kind: 'CLAIM', side: 'NEUTRAL' });
    expect(node('Phones in pockets')).toMatchObject({ kind: 'PREMISE', side: 'FOR' });
    expect(node('Parents want')).toMatchObject({ kind: 'OBJECTION', side: 'AGAINST' });
    // A con of a con answers an objection: a rebuttal, on the other side from its target.
    expect(node('A ban during the school day')).toMatchObject({ kind: 'REBUTTAL', side: 'FOR' });
    expect(node('A lesson-time rule').text).toBe(
      'A lesson-time rule (phones away in bags) removes the distraction without a full-day ban.',
    );
    expect(node('In a lockdown').text).toBe(
      'In a lockdown, hundreds of phone calls can overload the network and give away where pupils are hiding.\nThe school office, not the pupils, should be the single channel to parents.',
    );
    // "-> See" puts the same claim in a second place: one node, a second connection.
    expect(map.nodes.filter((n) => n.text.startsWith('A lesson-time rule'))).toHaveLength(1);
    const edges = edgesOf(map);
    expect(edges).toContain(
      `${node('A lesson-time rule').text} SUPPORTS ${node('Pupils need to learn').text}`,
    );
    expect(edges).toContain(
      `${node('A lesson-time rule').text} ATTACKS ${node('Phones in pockets').text}`,
    );
    expect(edges).toContain(
      `${node('Incidents filmed at school').text} SUPPORTS ${node('Secondary schools should').text}`,
    );
    expect(edges).not.toContainEqual(expect.stringContaining('-> See'));
    // No positions: the importer lays the map out.
    expect(map.nodes.every((n) => n.x === null && n.y === null)).toBe(true);
  });

  it('reads newer exports: blank lines between claims, Thesis:, Discussion Name: and a Sources list', () => {
    const map = parseKialo(
      [
        'Discussion Name: Uniforms',
        '',
        '1. Thesis: Schools should require uniforms.',
        '',
        '1.1. Pro: Uniforms hide differences in family income.[1]',
        '',
        '1.1.1. Con: Branded coats and shoes still show them.',
        '',
        'Sources:',
        '[1] https://example.org/uniform-costs',
      ].join('\r\n'),
      'fallback',
    );
    expect(map.title).toBe('Uniforms');
    expect(map.nodes.map((n) => `${n.kind}|${n.side}|${n.text}`)).toEqual([
      'CLAIM|NEUTRAL|Schools should require uniforms.',
      'PREMISE|FOR|Uniforms hide differences in family income.[1]',
      'OBJECTION|AGAINST|Branded coats and shoes still show them.',
    ]);
    // The sources are not cards: the import summary says they were left out.
    expect(map.ignored).toEqual([
      'Line 9: the discussion’s list of sources (1 source) was left out; the claims keep their footnote marks, such as [1].',
    ]);
  });

  it('recognises a Kialo file by its first line', () => {
    expect(looksLikeKialo(fixture('school-phone-ban.txt'))).toBe(true);
    expect(looksLikeKialo('\n\nDiscussion Title: x\n')).toBe(true);
    expect(looksLikeKialo('[Claim]: Discussion Title: x')).toBe(false);
    expect(looksLikeKialo('{"nodes": []}')).toBe(false);
  });

  it('refuses a broken file with the line at fault', () => {
    expect(refusal(fixture('broken-unknown-link.txt'))).toBe(
      'Line 7: claim 1.2.1. links to 1.4.2., which is not in the file.',
    );
    expect(refusal(fixture('broken-orphan.txt'))).toBe(
      'Line 5: claim 1.3.1. comes before the claim it answers, 1.3.',
    );
    const head = 'Discussion Title: T\n\n1. Thesis text\n';
    expect(refusal('')).toBe('The file is empty.');
    expect(refusal('1. Thesis')).toBe(
      'Line 1: a Kialo export starts with "Discussion Title:", then the discussion\'s claims.',
    );
    expect(refusal('Discussion Title: T\n\nSome words\n1. x')).toBe(
      'Line 3: expected the discussion\'s first claim, numbered "1.", but found "Some words".',
    );
    expect(refusal('Discussion Title: T\n')).toBe('The file has no claims to import.');
    expect(refusal(`${head}1.1. Pro: a\n1.1. Con: b`)).toBe(
      'Line 5: claim 1.1. is numbered twice.',
    );
    expect(refusal(`${head}1.1. Maybe: a`)).toBe(
      'Line 4: claim 1.1. says neither "Pro:" nor "Con:" after its number.',
    );
    expect(refusal(`${head}2. Another thesis`)).toMatch(/^Line 4: a second thesis, 2\./);
    expect(refusal(`${head}1.1. Pro:`)).toBe('Line 4: claim 1.1. has no text.');
    expect(refusal(`${head}1.1. Pro: -> See 1.`)).toBe(
      'Line 4: claim 1.1. links to 1., the claim it answers.',
    );
    expect(refusal(`${head}1.1. Pro: -> See 1.\nmore words`)).toBe(
      'Line 5: claim 1.1. links to another claim ("-> See …") and can have no text of its own.',
    );
    expect(refusal(`${head}1.1. Pro: -> See 1.2.\n1.1.1. Con: x\n1.2. Pro: y`)).toBe(
      'Line 5: claim 1.1.1. answers 1.1., which only links to another claim.',
    );
    expect(refusal(`${head}1.1. Pro: ${'x'.repeat(5001)}`)).toBe(
      'Line 4: claim 1.1. is longer than 5000 characters.',
    );
  });

  it('prints and reads back any discussion tree, links included (property)', () => {
    const word = fc.oneof(
      fc.stringMatching(/^[A-Za-zé“”0-9]{1,8}$/),
      fc.constantFrom(
        'Pro:',
        'Con:',
        'Thesis:',
        '->',
        'See',
        '1.',
        '2.3.',
        'Sources:',
        '\\',
        '\\(',
        '(x)',
        '[a](b)',
        '*',
        '#',
        '-',
      ),
    );
    const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const text = fc
      .tuple(line, fc.array(fc.oneof(line, fc.constant('')), { maxLength: 2 }), fc.option(line))
      .map(([first, middle, last]) =>
        // A claim's text as a file can hold it: no blank lines at its end.
        [first, ...middle, ...(last ? [last] : [])].join('\n').replace(/\n+$/, ''),
      );
    const claimOf = (depth: number): fc.Arbitrary<KialoClaim> =>
      fc.record({
        text,
        children:
          depth === 0
            ? fc.constant([])
            : fc.array(
                fc.record({
                  stance: fc.constantFrom('Pro' as const, 'Con' as const),
                  claim: claimOf(depth - 1),
                }),
                { maxLength: 3 },
              ),
      });
    const tree = claimOf(3);
    const discussion = fc
      .tuple(
        tree,
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('Pro' as const, 'Con' as const)), {
          maxLength: 3,
        }),
      )
      .map(([thesis, titleWords, linkPicks]): KialoDiscussion => {
        // A copy to add links to: fast-check shrinks the generated value, which must stay as made.
        const copy = (c: KialoClaim): KialoClaim => ({
          text: c.text,
          children: c.children.map((child) =>
            'claim' in child ? { stance: child.stance, claim: copy(child.claim) } : child,
          ),
        });
        const d: KialoDiscussion = {
          title: titleWords.join(' ').slice(0, 100).trim(),
          thesis: copy(thesis),
        };
        // Place some claims a second time, under a claim that is not their parent.
        const { claims } = numbered(d);
        for (const [at, target, stance] of linkPicks) {
          const host = claims[at % claims.length]!;
          const placed = claims[target % claims.length]!;
          if (placed.claim === host.claim || placed.parent === host.number) continue;
          if (host.claim.children.some((c) => 'see' in c && c.see === placed.claim)) continue;
          host.claim.children.push({ stance, see: placed.claim } as KialoChild);
        }
        return d;
      })
      .filter((d) => d.title.length > 0);

    fc.assert(
      fc.property(discussion, (d) => {
        const map = parseKialo(printKialo(d), 'fallback');
        const { claims, links } = numbered(d);
        // Nodes are numbered n1, n2, … in the file's order.
        const ids = new Map(claims.map((c, i) => [c.number, `n${i + 1}`]));
        const id = (number: string) => ids.get(number)!;
        const cons = (number: string): number =>
          claims
            .filter((c) => number.startsWith(c.number) && c.stance === 'Con')
            .map(() => 1)
            .reduce((a, b) => a + b, 0);
        expect(map.title).toBe(d.title.replace(/\s+/g, ' '));
        // A pro is a premise; a con an objection, or a rebuttal when it answers an objection.
        const kinds = new Map<string, string>();
        for (const c of claims)
          kinds.set(
            c.number,
            c.stance === null
              ? 'CLAIM'
              : c.stance === 'Pro'
                ? 'PREMISE'
                : kinds.get(c.parent!) === 'OBJECTION'
                  ? 'REBUTTAL'
                  : 'OBJECTION',
          );
        expect(map.nodes.map((n) => [n.id, n.text, n.kind, n.side])).toEqual(
          claims.map((c) => [
            id(c.number),
            c.claim.text,
            kinds.get(c.number),
            c.stance === null ? 'NEUTRAL' : cons(c.number) % 2 ? 'AGAINST' : 'FOR',
          ]),
        );
        const relation = (stance: 'Pro' | 'Con') => (stance === 'Pro' ? 'SUPPORTS' : 'ATTACKS');
        const expected = new Set([
          ...claims
            .filter((c) => c.parent)
            .map((c) => `${id(c.number)} ${relation(c.stance!)} ${id(c.parent!)}`),
          ...links.map((l) => `${id(l.target)} ${relation(l.stance)} ${id(l.parent)}`),
        ]);
        expect(map.edges.map((e) => `${e.fromId} ${e.relation} ${e.toId}`).sort()).toEqual(
          [...expected].sort(),
        );
      }),
      { numRuns: 300 },
    );
  });
});
