/**
 * Near-duplicate claims: 30 students write about 120 claims in ten minutes,
 * many saying the same thing. Before a new claim is added, the writer is
 * offered the existing claims that say nearly the same thing. Pure and
 * local: normalised text compared by its content words and by its
 * character trigrams, no network service.
 */

/** Words that carry no claim of their own. */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his i if in into is it its ' +
    'may might must of on or our she should so than that the their them then there these they this those to ' +
    'too was we were what when which who will with would you your'
  ).split(' '),
);

/** Words that turn a claim into its opposite ("didn't" once normalised is "didnt"). */
const NEGATION =
  /^(?:not|no|never|nor|cannot|neither|(?:do|does|did|is|are|was|were|wo|would|ca|could|should|has|have|had|must|need|ai)nt)$/;

const negations = (normal: string) => normal.split(' ').filter((w) => NEGATION.test(w)).length;

/** Lower case, accents and punctuation gone, runs of space one space. @internal Exported for the tests. */
export function normaliseClaim(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A word's crude stem, so that "guarantees" and "guarantee" match. */
function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix))
      return word.slice(0, -suffix.length);
  }
  return word;
}

const contentWords = (normal: string) =>
  new Set(
    normal
      .split(' ')
      .filter((w) => w && !STOPWORDS.has(w))
      .map(stem),
  );

function trigrams(normal: string): Map<string, number> {
  const padded = `  ${normal} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [gram, count] of a) {
    shared += Math.min(count, b.get(gram) ?? 0);
    total += count;
  }
  for (const count of b.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * How alike two claims read, from 0 (nothing shared) to 1 (the same once
 * normalised): their content-word overlap, raised by their trigram overlap
 * (at most 0.25 above it), so reordered words and small spelling differences
 * both count; halved when one denies what the other says.
 * @internal Exported for the tests.
 */
export function claimSimilarity(a: string, b: string): number {
  const na = normaliseClaim(a);
  const nb = normaliseClaim(b);
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  const words = jaccard(contentWords(na), contentWords(nb));
  // Trigrams catch misspellings, but two short texts sharing one long word
  // ("Left conclusion", "Right conclusion") share most trigrams too: they
  // count only so far beyond the words' own overlap.
  const alike = Math.max(words, Math.min(dice(trigrams(na), trigrams(nb)), words + 0.25));
  // A claim and its denial share nearly every word but say opposite things.
  return negations(na) % 2 === negations(nb) % 2 ? alike : alike / 2;
}

/** From this similarity up, a claim is offered as "already on the map". @internal Exported for the tests. */
export const SIMILAR_ENOUGH = 0.6;

/**
 * The existing claims most like `text`, most alike first, at most `limit`:
 * what the writer of a new claim is offered before adding theirs.
 */
export function similarClaims<N extends { id: string; text: string }>(
  text: string,
  existing: readonly N[],
  { limit = 3, threshold = SIMILAR_ENOUGH }: { limit?: number; threshold?: number } = {},
): { node: N; similarity: number }[] {
  const normal = normaliseClaim(text);
  if (normal.split(' ').length < 2) return [];
  // A label of a word or two ("Claim A") repeats another only word for word.
  const short = contentWords(normal).size < 3;
  return existing
    .map((node) => ({ node, similarity: claimSimilarity(text, node.text) }))
    .filter((m) => (short ? m.similarity === 1 : m.similarity >= threshold))
    .sort((x, y) => y.similarity - x.similarity)
    .slice(0, limit);
}
