import type { SocialView } from './social';
import type { GraphNode } from './types';

/**
 * What the map's search box looks through for each node besides its text:
 * the discussion of it, and the notes, tags and rating reasons of the team
 * layers in the reader's social view. That view holds only the layers the
 * reader may see (getSocialView decides), so search can never find another
 * team's notes.
 */
export function searchableText(
  view: Pick<SocialView, 'comments' | 'layers'> | null,
): Map<string, string[]> {
  const extra = new Map<string, string[]>();
  const add = (nodeId: string, text: string | null) => {
    if (text) extra.set(nodeId, [...(extra.get(nodeId) ?? []), text]);
  };
  for (const c of view?.comments ?? []) if (c.nodeId) add(c.nodeId, c.body);
  for (const layer of view?.layers ?? []) {
    for (const a of layer.annotations)
      if (a.target.kind === 'NODE') add(a.target.nodeId, a.kind === 'TAG' ? a.tag : a.body);
  }
  return extra;
}

/** The nodes whose text, discussion or visible notes contain `query` (case-insensitive), in map order. */
export function searchNodes<N extends Pick<GraphNode, 'id' | 'text'>>(
  nodes: readonly N[],
  query: string,
  extra: ReadonlyMap<string, string[]>,
): N[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  return nodes.filter(
    (n) =>
      n.text.toLowerCase().includes(needle) ||
      (extra.get(n.id) ?? []).some((t) => t.toLowerCase().includes(needle)),
  );
}
