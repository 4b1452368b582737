import type { ArgumentFlowNode } from '@/lib/client/to-flow';

/** The React Flow id of the map canvas (it names React Flow's own description elements). */
export const CANVAS_FLOW_ID = 'argument-map';
/** React Flow's description of how to use a card from the keyboard (from `ariaLabelConfig`). */
const NODE_HELP_ID = `react-flow__node-desc-${CANVAS_FLOW_ID}`;
/** The hidden sentence listing the selected card's connections. */
export const SELECTED_RELATIONS_ID = 'selected-card-relations';

/** What a screen reader says after a card or a connection, in place of React Flow's words. */
export const CANVAS_ARIA_LABELS = {
  'node.a11yDescription.default':
    'Enter selects it. Arrow keys move to the cards it is connected to, E to its connections; F6 moves to the next part of the page.',
  'node.a11yDescription.keyboardDisabled':
    'Arrow keys move to the cards it is connected to, E to its connections.',
  'edge.a11yDescription.default':
    'Arrow keys or E move to the card’s other connections; Escape goes back to the card.',
} as const;

/**
 * One card in the tab order, the rest reached with the arrow keys (a roving
 * tab stop): Tab leaves the canvas after one stop instead of walking every
 * card. The stop is the selected card, else the first card. The selected
 * card is also described by its connections, read after its text.
 */
export function withTabStop(
  nodes: ArgumentFlowNode[],
  tabStop: string | null,
  selectedId: string | null,
): ArgumentFlowNode[] {
  let changed = false;
  const next = nodes.map((n) => {
    const tabIndex = n.id === tabStop ? 0 : -1;
    const describedBy =
      n.id === selectedId ? `${SELECTED_RELATIONS_ID} ${NODE_HELP_ID}` : undefined;
    const now = n.domAttributes as Record<string, unknown> | undefined;
    if (now?.tabIndex === tabIndex && now?.['aria-describedby'] === describedBy) return n;
    changed = true;
    return {
      ...n,
      domAttributes: describedBy ? { tabIndex, 'aria-describedby': describedBy } : { tabIndex },
    };
  });
  return changed ? next : nodes;
}
