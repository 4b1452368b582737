import { describe, expect, it } from 'vitest';
import { anchorQuote } from '@/lib/domain/anchor';
import { DEMO_EDGES, DEMO_NODES, DEMO_SOURCES, type DemoSourceKey } from '@/prisma/seed/demo-map';
import { readDemoSourceText } from '@/prisma/seed/seed';

const keys = Object.keys(DEMO_SOURCES) as DemoSourceKey[];

describe('the demo debate', () => {
  it.each(keys)('draws at least 12 claims from %s, each quoting one unambiguous passage', (key) => {
    const text = readDemoSourceText(key);
    const nodes = DEMO_NODES.filter((n) => n.source === key);
    expect(nodes.length).toBeGreaterThanOrEqual(12);
    for (const node of nodes) {
      expect(node.quote, node.key).toBeTruthy();
      expect(() => anchorQuote(key, text, node.quote!), node.key).not.toThrow();
    }
  });

  it.each(keys)('ships %s cleaned of conversion noise', (key) => {
    const text = readDemoSourceText(key);
    for (const noise of ['<u>', '</u>', '\\_', '](#)', '**', '\\(', '\\[', 'TheCSTO']) {
      expect(text, noise).not.toContain(noise);
    }
    // Paragraphs are separated by one blank line and sentences are not cut by line breaks.
    expect(text).not.toMatch(/\n{3,}/);
    expect(text).not.toMatch(/[a-z,]\n\n[a-z]/);
  });

  it('keeps every sentence of the originals', () => {
    const original = readDemoSourceText('turchenko');
    for (const sentence of [
      'Violence has once again returned to Nagorno-Karabakh.',
      'This has dangerous consequences.',
      "And Russia, now distracted by disaster and conflict of its own making, won't stop them.",
    ]) {
      expect(original).toContain(sentence);
    }
    const strakes = readDemoSourceText('strakes');
    expect(strakes).toContain(
      "This shift in Belarus's policy reflects a downturn in relations between Minsk and Yerevan over the past decade.",
    );
  });

  it('joins the two authors where they meet head-on, with supports and attacks', () => {
    const sourceOf = new Map(DEMO_NODES.map((n) => [n.key, n.source]));
    const cross = DEMO_EDGES.filter(
      ([from, , to]) =>
        sourceOf.get(from) && sourceOf.get(to) && sourceOf.get(from) !== sourceOf.get(to),
    );
    expect(cross.filter(([, r]) => r === 'ATTACKS').length).toBeGreaterThanOrEqual(5);
    expect(cross.filter(([, r]) => r === 'SUPPORTS').length).toBeGreaterThanOrEqual(1);
    for (const [from, , to] of DEMO_EDGES) {
      expect(sourceOf.has(from), from).toBe(true);
      expect(sourceOf.has(to), to).toBe(true);
      expect(from).not.toBe(to);
    }
  });
});
