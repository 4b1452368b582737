// @vitest-environment happy-dom
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { sourceLabel } from '@/lib/client/to-flow';
import { estimateNodeHeight, layoutGraph, NODE_WIDTH } from '@/lib/domain/layout';
import { RELATION_STYLE } from '@/lib/domain/map-drawing';
import { approximateTextWidth, mapToSvg, type SvgExportInput } from '@/lib/domain/svg-export';
import { DEMO_EDGES, DEMO_MAP, DEMO_NODES, DEMO_SOURCES, nodeSide } from '@/prisma/seed/demo-map';
import { launchBrowser } from '../support/chromium';
import { drawSvg } from '../support/svg-drawing';

/** The demo debate as the canvas lays it out when it is seeded. */
async function demoInput(): Promise<SvgExportInput> {
  const positions = await layoutGraph({
    nodes: DEMO_NODES.map((n) => ({
      id: n.key,
      width: NODE_WIDTH,
      height: estimateNodeHeight(n.text, !!n.source),
    })),
    edges: DEMO_EDGES.map(([from, , to], i) => ({ id: String(i), fromId: from, toId: to })),
  });
  return {
    title: DEMO_MAP.title,
    cards: DEMO_NODES.map((n) => ({
      id: n.key,
      kind: n.kind,
      side: nodeSide(n),
      text: n.text,
      sourceLabel: n.source && n.quote ? sourceLabel(DEMO_SOURCES[n.source]) : null,
      ...positions.get(n.key)!,
      width: NODE_WIDTH,
      height: estimateNodeHeight(n.text, !!n.source),
    })),
    connections: DEMO_EDGES.map(([fromId, relation, toId, group], i) => ({
      id: `e${String(i).padStart(3, '0')}`,
      fromId,
      toId,
      relation,
      groupId: group ?? null,
    })),
    legend: [
      { side: 'FOR', label: 'Team Turchenko' },
      { side: 'AGAINST', label: 'Team Strakes' },
      { side: 'NEUTRAL', label: 'Neutral' },
    ],
  };
}

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
/** Each card's text as drawn: its lines joined by spaces. */
const cardTexts = (doc: Document) =>
  [...doc.querySelectorAll('g.card')].map((card) =>
    [...card.querySelectorAll('text:not([letter-spacing]) tspan')]
      .map((t) => t.textContent)
      .join(' '),
  );
const collapsed = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');

const small: SvgExportInput = {
  title: 'Tom & Jerry <script>alert(1)</script>',
  cards: [
    {
      id: 'a',
      kind: 'CLAIM',
      side: 'FOR',
      text: 'Cats say "meow" & dogs <b>bark</b>',
      sourceLabel: null,
      x: 0,
      y: 0,
      width: 260,
    },
    {
      id: 'b',
      kind: 'EVIDENCE',
      side: 'AGAINST',
      text: 'A quote\u0001 with a control character',
      sourceLabel: 'O’Brien & Co, 4 Nov 2020',
      x: 0,
      y: 200,
      width: 260,
    },
    {
      id: 'c',
      kind: 'OBJECTION',
      side: 'NEUTRAL',
      text: 'x',
      sourceLabel: null,
      x: 400,
      y: 200,
      width: 260,
    },
  ],
  connections: [
    { id: '1', fromId: 'b', toId: 'a', relation: 'SUPPORTS', groupId: null },
    { id: '2', fromId: 'c', toId: 'a', relation: 'UNDERCUTS', groupId: null },
    { id: '3', fromId: 'c', toId: 'gone', relation: 'ATTACKS', groupId: null },
  ],
};

describe('the map as a vector SVG', () => {
  it('escapes text, drops what XML cannot hold, and carries no script, foreignObject or outside reference', () => {
    const svg = mapToSvg(small);
    expect(svg).toContain('Cats say &quot;meow&quot; &amp; dogs');
    expect(svg).toContain('&lt;b&gt;bark&lt;/b&gt;');
    expect(svg).toContain('<title id="map-title">Tom &amp; Jerry &lt;script&gt;');
    expect(svg).not.toMatch(/<script|<foreignObject|<image|href=|\u0001/i);
    expect(svg).not.toMatch(/url\((?!#)/);
    const doc = parse(svg);
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelector('title')?.textContent).toBe(small.title);
    expect(doc.querySelector('desc')?.textContent).toMatch(/3 cards and 2 connections/);
    expect(cardTexts(doc)).toEqual([
      'Cats say "meow" & dogs <b>bark</b>',
      'A quote with a control character',
      'x',
    ]);
    expect(doc.querySelector('g.card:nth-child(2)')?.textContent).toContain(
      'O’Brien & Co, 4 Nov 2020',
    );
  });

  it('colours each side as the canvas does (app/styles/tokens.css)', () => {
    const tokens = readFileSync(
      path.resolve(import.meta.dirname, '../../app/styles/tokens.css'),
      'utf8',
    );
    const token = (name: string) => tokens.match(new RegExp(`--${name}: (#[0-9a-f]{6});`))![1];
    const bars = [...parse(mapToSvg(small)).querySelectorAll('g.card > rect:first-child')].map(
      (r) => r.getAttribute('fill'),
    );
    expect(bars).toEqual([token('side-for'), token('side-against'), token('side-neutral')]);
  });

  it('draws one path per connection between shown cards, in the canvas relation style, with an arrowhead', () => {
    const doc = parse(mapToSvg(small));
    const paths = [...doc.querySelectorAll('path.connection')];
    expect(paths.map((p) => p.getAttribute('class'))).toEqual([
      'connection supports',
      'connection undercuts',
    ]);
    expect(paths[0]!.getAttribute('stroke-dasharray')).toBeNull();
    expect(paths[1]!.getAttribute('stroke-dasharray')).toBe('0.5 5');
    for (const p of paths) {
      const marker = p.getAttribute('marker-end')!.match(/^url\(#(.+)\)$/)![1]!;
      expect(doc.getElementById(marker)?.tagName.toLowerCase()).toBe('marker');
    }
  });

  it('draws a contradiction with a head at both ends, in its own colour and dash, and names it in the legend', () => {
    const svg = mapToSvg({
      ...small,
      connections: [{ id: '1', fromId: 'a', toId: 'c', relation: 'CONTRADICTS', groupId: null }],
      legend: [],
    });
    const doc = parse(svg);
    const [path] = [...doc.querySelectorAll('g.connections path.connection')];
    expect(path!.getAttribute('class')).toBe('connection contradicts');
    expect(path!.getAttribute('stroke')).toBe(RELATION_STYLE.CONTRADICTS.color);
    expect(path!.getAttribute('stroke-dasharray')).toBe(RELATION_STYLE.CONTRADICTS.dash);
    expect(path!.getAttribute('marker-start')).toBe('url(#arrow-contradicts)');
    expect(path!.getAttribute('marker-end')).toBe('url(#arrow-contradicts)');
    // One marker, turned round at the start.
    expect(doc.getElementById('arrow-contradicts')?.getAttribute('orient')).toBe(
      'auto-start-reverse',
    );
    expect(collapsed(doc.querySelector('g.legend')!.textContent!)).toContain(
      'contradicts (each other)',
    );
    expect(doc.querySelector('desc')!.textContent).toContain('arrow at both ends');
  });

  it('wraps long text into lines that fit the card, breaking a word only when it alone is too wide', () => {
    const text = `${'A long argument about the treaty '.repeat(8)}Supercalifragilistic${'x'.repeat(80)}`;
    const svg = mapToSvg({
      title: 't',
      cards: [{ ...small.cards[0]!, text, height: 60 }],
      connections: [],
    });
    const doc = parse(svg);
    const card = doc.querySelector('g.card')!;
    const lines = [...card.querySelectorAll('text:not([letter-spacing]) tspan')].map(
      (t) => t.textContent!,
    );
    expect(lines.length).toBeGreaterThan(8);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    // Every line fits between the card's side bar and its right padding.
    for (const line of lines)
      expect(approximateTextWidth(line, 14, false)).toBeLessThanOrEqual(230);
    // The card grew to hold its lines (it was 60 high on the canvas).
    const last = Number(card.querySelector('tspan:last-child')!.getAttribute('y'));
    const height = Number(card.querySelector('rect')!.getAttribute('height'));
    expect(height).toBeGreaterThan(last + 12);
  });

  it('draws a linked argument as premises meeting at a junction with one arrow, and a mutual pair as two bowed lines', () => {
    const doc = parse(
      mapToSvg({
        title: 't',
        cards: ['c', 'p1', 'p2', 'o'].map((id, i) => ({
          ...small.cards[0]!,
          id,
          x: i * 300,
          y: id === 'c' ? 0 : 300,
        })),
        connections: [
          { id: '1', fromId: 'p1', toId: 'c', relation: 'SUPPORTS', groupId: 'g' },
          { id: '2', fromId: 'p2', toId: 'c', relation: 'SUPPORTS', groupId: 'g' },
          { id: '3', fromId: 'o', toId: 'p2', relation: 'ATTACKS', groupId: null },
          { id: '4', fromId: 'p2', toId: 'o', relation: 'ATTACKS', groupId: null },
        ],
      }),
    );
    const paths = [...doc.querySelectorAll('path.connection')];
    // Two premise lines, the group's one arrow into the conclusion, and the pair.
    expect(paths).toHaveLength(5);
    expect(paths.filter((p) => p.getAttribute('marker-end'))).toHaveLength(3);
    expect(doc.querySelectorAll('circle')).toHaveLength(1);
    expect(paths.filter((p) => p.getAttribute('d')!.includes('Q'))).toHaveLength(2);
  });

  it('draws the demo map in well under a megabyte, with every card’s text', async () => {
    const input = await demoInput();
    const svg = mapToSvg(input);
    expect(Buffer.byteLength(svg)).toBeLessThan(1_000_000);
    const doc = parse(svg);
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(cardTexts(doc)).toEqual(input.cards.map((c) => collapsed(c.text)));
    const linked = new Set(DEMO_EDGES.filter((e) => e[3]).map((e) => `${e[3]}→${e[2]}`)).size;
    // One line per connection; a linked group adds its one arrow into the conclusion.
    expect(doc.querySelectorAll('.connections path.connection')).toHaveLength(
      DEMO_EDGES.length + linked,
    );
    expect(doc.querySelector('foreignObject')).toBeNull();
  });
});

describe('the demo map’s SVG in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('parses as strict XML, loads nothing, and every line of text stays inside its card', async () => {
    const input = await demoInput();
    const svg = mapToSvg(input);
    // SVG_EXPORT_FILE=/tmp/demo.svg keeps the drawing to look at.
    if (process.env.SVG_EXPORT_FILE) writeFileSync(process.env.SVG_EXPORT_FILE, svg);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const drawn = await drawSvg(page, svg);
    expect(drawn.error).toBeNull();
    expect(drawn.overflows).toEqual([]);
    expect(drawn.cards).toEqual(input.cards.map((c) => collapsed(c.text)));
    expect(requests.filter((url) => url !== 'about:blank')).toEqual([]);
    await page.close();
  });

  it('would see a line that runs out of its card (text measured as taking no room)', async () => {
    const page = await browser.newPage();
    const text = 'A line far too long for any card of two hundred and sixty pixels';
    const drawn = await drawSvg(
      page,
      mapToSvg({
        title: 't',
        cards: [{ ...small.cards[0]!, text }],
        connections: [],
        measure: () => 0,
      }),
    );
    expect(drawn.overflows).toEqual([text]);
    await page.close();
  });
});
