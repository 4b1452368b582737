/**
 * Finding a map card while flowing: every word typed must appear in the
 * card's text (in any order, any case); cards where the words come earliest
 * rank first. A flow entry is typed fast and short ("nato fail", "csto
 * weak"), so whole phrases would rarely match.
 */
export function matchNodes<N extends { id: string; text: string }>(
  nodes: readonly N[],
  query: string,
  limit = 6,
): N[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { node: N; score: number }[] = [];
  for (const node of nodes) {
    const text = node.text.toLowerCase();
    let score = 0;
    let all = true;
    for (const word of words) {
      const at = text.indexOf(word);
      if (at < 0) {
        all = false;
        break;
      }
      score += at;
    }
    if (all) scored.push({ node, score });
  }
  return scored
    .toSorted((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.node);
}
