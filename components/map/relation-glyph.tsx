import type { Relation } from '@/lib/domain/types';
import { RELATION_STYLE } from '@/lib/client/to-flow';

/** The badge's ring, a circle of radius 8.5 round (0, 0). */
const RING = 'M 8.5 0 A 8.5 8.5 0 1 1 -8.5 0 A 8.5 8.5 0 1 1 8.5 0 Z';

/** The mark inside each relation's badge: + supports, − attacks, ⊘ undercuts, = rephrases. */
const GLYPH_PATH: Record<Relation, string> = {
  SUPPORTS: 'M -4 0 H 4 M 0 -4 V 4',
  ATTACKS: 'M -4 0 H 4',
  UNDERCUTS: 'M -3.2 3.2 L 3.2 -3.2 M 4.5 0 A 4.5 4.5 0 1 1 -4.5 0 A 4.5 4.5 0 1 1 4.5 0',
  REPHRASES: 'M -4 -2 H 4 M -4 2 H 4',
};

/**
 * A relation's glyph in a round badge centred on (x, y), in its colour: on
 * each connection of the canvas and beside each line of the legend, so the
 * kind of a connection reads without its colour (a greyscale print, colour
 * blindness). One element (the ring filled white, the mark stroked; open
 * lines take no fill): image exports copy every element's styles, and a
 * map has a glyph per connection.
 */
export function RelationGlyph({ relation, x, y }: { relation: Relation; x: number; y: number }) {
  const { color } = RELATION_STYLE[relation];
  return (
    <path
      d={`${RING} ${GLYPH_PATH[relation]}`}
      transform={`translate(${x} ${y})`}
      fill="#fff"
      stroke={color}
      strokeWidth={1.75}
      strokeLinecap="round"
      pointerEvents="none"
      data-relation-glyph={relation}
      aria-hidden="true"
    />
  );
}

/** A legend's sample of one relation: its line style, in its colour, with its glyph in the middle. */
export function RelationSample({ relation }: { relation: Relation }) {
  const { color, dash } = RELATION_STYLE[relation];
  return (
    <svg width="52" height="20" viewBox="0 0 52 20" aria-hidden="true" focusable="false">
      <path
        d="M 2 10 H 50"
        stroke={color}
        strokeWidth={2.5}
        strokeDasharray={dash}
        strokeLinecap={dash ? 'round' : undefined}
      />
      <RelationGlyph relation={relation} x={26} y={10} />
    </svg>
  );
}
