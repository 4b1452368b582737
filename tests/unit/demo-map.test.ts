import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startingView } from '@/components/map/map-sides';
import { anchorQuote } from '@/lib/domain/anchor';
import {
  DEMO_EDGES,
  DEMO_MAP,
  DEMO_NODES,
  DEMO_SOURCES,
  DEMO_TEAMS,
  nodeSide,
  type DemoNode,
  type DemoSourceKey,
} from '@/prisma/seed/demo-map';
import { readDemoSourceText } from '@/prisma/seed/seed';

const keys = Object.keys(DEMO_SOURCES) as DemoSourceKey[];
const byKey = new Map(DEMO_NODES.map((n) => [n.key, n]));
/** The day a node's author wrote it, as the map shows it: its article's date. */
const nodeDate = (node: DemoNode) => (node.source ? DEMO_SOURCES[node.source].publishedOn : null);
const surname = (key: DemoSourceKey) => DEMO_SOURCES[key].author.split(' ').at(-1)!;

/** The originals as we received them, kept beside the cleaned texts as the record of what was cleaned. */
const ORIGINALS: Record<DemoSourceKey, string> = {
  turchenko: '000_67ddbf10ccdab2bc.txt',
  strakes: '004_7d1634c26d0e5d5f.txt',
};
const readOriginal = (key: DemoSourceKey) =>
  readFileSync(
    path.join(import.meta.dirname, '../../prisma/seed/sources/originals', ORIGINALS[key]),
    'utf8',
  );

/**
 * The normalisation of prisma/seed/sources/README.md, step by step: what
 * turns an original into its cleaned text. Anything the cleaning changed
 * that is not here makes the sentence comparison below fail.
 */
const DROPPED_LINES: Record<DemoSourceKey, RegExp[]> = {
  // Title, byline and date (kept as the source's metadata), the two
  // "Related article" navigation lines, the URL footer (kept as metadata).
  turchenko: [
    /^## Nagorno-Karabakh Shows Russia Has No Credibility as a Regional Peacekeeper$/,
    /^By Mikhail Turchenko$/,
    /^September 21, 2023$/,
    /Related article/,
    /^Original url:$/,
    /^https:\/\/www\.themoscowtimes\.com\//,
  ],
  strakes: [
    /^## Russia and the Nagorno-Karabakh Conflict: Genuine Threat or Misconception\?$/,
    /^by Jason E\. Strakes$/,
    /^BESA Center Perspectives Paper No\. 1,798, November 4, 2020$/,
  ],
};
/** Typing slips of the conversion, corrected (not the authors' own typos, which stay). */
const CORRECTIONS: [string, string][] = [['TheCSTO', 'The CSTO']];

function normaliseOriginal(key: DemoSourceKey, original: string): string {
  let text = original
    .split('\n')
    .filter((line) => !DROPPED_LINES[key].some((re) => re.test(line.trim())))
    .join('\n');
  text = text
    .replace(/<\/?u>/g, '') // underline markup
    .replace(/\[((?:[^\]\\]|\\.)*)\]\(#\)/g, '$1') // [text](#) link stubs
    .replace(/\\_/g, ' ') // an escaped underscore stood for a space ("it\_pivoted")
    .replace(/\\([()[\]])/g, '$1') // escaped brackets
    .replace(/\*\*/g, '') // bold
    .replace(/\*/g, ''); // italics
  for (const [from, to] of CORRECTIONS) text = text.replaceAll(from, to);
  // A line broken mid-sentence: the next paragraph starts in lower case.
  text = text.replace(/[ \t]*\n\s*\n(?=[a-z])/g, ' ');
  return text;
}

/** The cleaned text's one addition: the photo caption is labelled. */
const normaliseCleaned = (cleaned: string) => cleaned.replace(/^Photo: /, '');

/** Sentences, paragraph by paragraph, with runs of spaces made one. */
function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .flatMap((p) => p.split(/(?<=[.?!]["”)]?) (?=["“]?[A-Z])/));
}

describe('the demo sources', () => {
  it.each(keys)(
    'keeps every sentence of %s and adds none, after the documented normalisation',
    (key) => {
      const original = sentences(normaliseOriginal(key, readOriginal(key)));
      const cleaned = sentences(normaliseCleaned(readDemoSourceText(key)));
      expect(original.length).toBeGreaterThan(20);
      // Both directions, every sentence: none lost, none added or changed.
      expect(cleaned.filter((s) => !original.includes(s))).toEqual([]);
      expect(original.filter((s) => !cleaned.includes(s))).toEqual([]);
      expect(cleaned).toHaveLength(original.length);
    },
  );

  it.each(keys)('ships %s cleaned of conversion noise', (key) => {
    const text = readDemoSourceText(key);
    for (const noise of ['<u>', '</u>', '\\_', '](#)', '**', '\\(', '\\[', 'TheCSTO']) {
      expect(text, noise).not.toContain(noise);
    }
    // Paragraphs are separated by one blank line and sentences are not cut by line breaks.
    expect(text).not.toMatch(/\n{3,}/);
    expect(text).not.toMatch(/[a-z,]\n\n[a-z]/);
  });

  it('keeps what the original wrote, where an earlier cleaning had changed it', () => {
    const text = readDemoSourceText('turchenko');
    expect(text).toContain('Marut Vanyan / X (formerly-Twitter)');
    expect(text).toContain("in return for their support of Moscow's policies\n");
    expect(text).toContain('Kassym–Jomart Tokayev');
    expect(text).toContain('influence in the post–Soviet space');
    expect(text).toContain('humanitarian crisis in Nagorno–Karabakh');
  });
});

describe('the demo debate', () => {
  it.each(keys)(
    'draws at least 12 nodes from %s, each quoting one passage at its offsets',
    (key) => {
      const text = readDemoSourceText(key);
      const nodes = DEMO_NODES.filter((n) => n.source === key);
      expect(nodes.length).toBeGreaterThanOrEqual(12);
      for (const node of nodes) {
        expect(node.quote, node.key).toBeTruthy();
        const anchor = anchorQuote(key, text, node.quote!);
        expect(text.slice(anchor.start, anchor.end), node.key).toBe(node.quote);
        expect(text.indexOf(node.quote!), node.key).toBe(anchor.start);
      }
    },
  );

  it('puts every node on its author’s side, a reported view and the map’s own nodes on neither', () => {
    const sideOf = (n: DemoNode) => nodeSide(n);
    for (const node of DEMO_NODES) {
      if (!node.source) {
        expect(sideOf(node), node.key).toBe('NEUTRAL');
        expect(node.quote, node.key).toBeUndefined();
      } else if (node.attributedTo) {
        // A third party's view the author reports: attributed in its text, on no side.
        expect(sideOf(node), node.key).toBe('NEUTRAL');
        expect(node.text, node.key).toMatch(
          new RegExp(`^${node.attributedTo} \\(as reported by ${surname(node.source)}\\): `),
        );
      } else {
        expect(sideOf(node), node.key).toBe(DEMO_SOURCES[node.source].side);
      }
    }
    expect(DEMO_NODES.filter((n) => n.attributedTo).map((n) => n.key)).toEqual([
      's-alleged',
      's-border',
    ]);
  });

  it('has Turchenko for the motion and Strakes against it, teams included', () => {
    expect(DEMO_MAP.motion).toBe('The CSTO failed Armenia');
    expect(DEMO_SOURCES.turchenko.side).toBe('FOR');
    expect(DEMO_SOURCES.strakes.side).toBe('AGAINST');
    for (const key of keys) {
      const team = DEMO_TEAMS.find((t) => t.name === `Team ${surname(key)}`);
      expect(team?.side, key).toBe(DEMO_SOURCES[key].side);
    }
    // What bears on the motion directly takes its author's side: supports for, attacks against.
    for (const [from, relation, to] of DEMO_EDGES.filter(([, , to]) => to === 'motion')) {
      const side = nodeSide(byKey.get(from)!);
      expect(`${from} ${relation} ${to}`).toBe(
        `${from} ${side === 'FOR' ? 'SUPPORTS' : 'ATTACKS'} ${to}`,
      );
    }
  });

  it('dates every node drawn from an article by its article; the map’s own nodes are questions or its note', () => {
    for (const node of DEMO_NODES) {
      if (node.source) {
        expect(nodeDate(node), node.key).toBe(DEMO_SOURCES[node.source].publishedOn);
        expect(nodeDate(node), node.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else {
        expect(nodeDate(node), node.key).toBeNull();
        expect(
          node.kind === 'QUESTION' || node.text.startsWith('Common ground (the map’s note'),
          node.key,
        ).toBe(true);
      }
    }
    expect(DEMO_SOURCES.turchenko.publishedOn).toBe('2023-09-21');
    expect(DEMO_SOURCES.strakes.publishedOn).toBe('2020-11-04');
  });

  it('never lets an earlier article answer a later event without saying when its author wrote', () => {
    const yearsIn = (text: string) => [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => +m[0]);
    for (const [from, relation, to] of DEMO_EDGES) {
      const a = byKey.get(from)!;
      const b = byKey.get(to)!;
      if (!a.source) continue;
      const wrote = +DEMO_SOURCES[a.source].publishedOn.slice(0, 4);
      if (!yearsIn(b.text).some((y) => y > wrote)) continue;
      // The node answered speaks of an event after the answer was written: it must say so.
      expect(b.text, `${from} ${relation} ${to}`).toContain(
        `${surname(a.source)} wrote in November ${wrote}`,
      );
    }
  });

  it('asks a question at each clash point, answered by both authors', () => {
    const questions = DEMO_NODES.filter((n) => n.kind === 'QUESTION' && n.key !== 'motion');
    expect(questions.map((q) => q.key)).toEqual([
      'q-article4',
      'q-asked',
      'q-nato',
      'q-arms',
      'q-purpose',
    ]);
    for (const q of questions) {
      const answers = DEMO_EDGES.filter(([, , to]) => to === q.key);
      const authors = new Set(
        answers
          .map(([from]) => byKey.get(from)!)
          .flatMap((n) => (n.attributedTo ? [] : [n.source])),
      );
      expect([...authors].sort(), q.key).toEqual(['strakes', 'turchenko']);
      // A yes and a no, so there is something to cross-examine.
      expect(new Set(answers.map(([, r]) => r)), q.key).toEqual(new Set(['SUPPORTS', 'ATTACKS']));
    }
  });

  it('records the point both authors agree on, with each author’s evidence for it', () => {
    const common = byKey.get('common-ground')!;
    expect(common.text).toContain('the CSTO did not intervene for Armenia');
    const from = DEMO_EDGES.filter(([, , to]) => to === 'common-ground').map(
      ([key, relation]) => `${byKey.get(key)!.source} ${relation}`,
    );
    expect(new Set(from)).toEqual(new Set(['turchenko SUPPORTS', 'strakes SUPPORTS']));
  });

  it('joins the two authors where they meet head-on, and names only known nodes', () => {
    const cross = DEMO_EDGES.filter(([from, , to]) => {
      const [a, b] = [byKey.get(from)?.source, byKey.get(to)?.source];
      return a && b && a !== b;
    });
    expect(new Set(cross.map(([, r]) => r))).toEqual(
      new Set(['SUPPORTS', 'ATTACKS', 'UNDERCUTS', 'REPHRASES']),
    );
    expect(new Set(DEMO_NODES.map((n) => n.key)).size).toBe(DEMO_NODES.length);
    const seen = new Set<string>();
    for (const [from, relation, to] of DEMO_EDGES) {
      expect(byKey.has(from), from).toBe(true);
      expect(byKey.has(to), to).toBe(true);
      expect(from).not.toBe(to);
      expect(seen.has(`${from}→${to}`), `${from} ${relation} ${to} twice`).toBe(false);
      seen.add(`${from}→${to}`);
    }
    // Every node takes part in the debate.
    const linked = new Set(DEMO_EDGES.flatMap(([from, , to]) => [from, to]));
    expect(DEMO_NODES.filter((n) => !linked.has(n.key)).map((n) => n.key)).toEqual([]);
  });

  it('opens on the motion: it has more of the map beneath it than any clash question', () => {
    const nodes = DEMO_NODES.map((n, i) => ({
      id: n.key,
      kind: n.kind,
      text: n.text,
      side: nodeSide(n),
      x: i,
      y: 0,
      version: 1,
      anchor: null,
      card: null,
      tags: [],
    }));
    const edges = DEMO_EDGES.map(([fromId, relation, toId, groupId], i) => ({
      id: String(i),
      fromId,
      toId,
      relation,
      groupId: groupId ?? null,
      scheme: null,
      schemeName: null,
      answers: null,
      version: 1,
    }));
    const [first, ...reasons] = startingView({ nodes, edges });
    expect(first).toBe('motion');
    expect(reasons.sort()).toEqual(
      DEMO_EDGES.filter(([, , to]) => to === 'motion')
        .map(([from]) => from)
        .sort(),
    );
  });

  it('uses each kind for its role: objections attack, rebuttals answer objections', () => {
    for (const node of DEMO_NODES) {
      const out = DEMO_EDGES.filter(([from]) => from === node.key);
      if (node.kind === 'OBJECTION') {
        expect(
          out.some(([, r]) => r === 'ATTACKS' || r === 'UNDERCUTS'),
          node.key,
        ).toBe(true);
      }
      if (node.kind === 'REBUTTAL') {
        expect(
          out.some(([, r, to]) => r === 'ATTACKS' && byKey.get(to)!.kind === 'OBJECTION'),
          node.key,
        ).toBe(true);
      }
    }
  });
});
