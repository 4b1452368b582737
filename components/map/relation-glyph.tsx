import type { Relation } from '@/lib/domain/types';
import { glyphPath, RELATION_STYLE, SYMMETRIC } from '@/lib/domain/map-drawing';

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
      d={glyphPath(relation)}
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

/**
 * A legend's sample of one relation: its line style, in its colour, with its
 * glyph in the middle; a relation with no direction has a head at each end.
 */
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
      {SYMMETRIC.has(relation) && (
        <path d="M 1 10 L 8 6 L 8 14 Z M 51 10 L 44 6 L 44 14 Z" fill={color} />
      )}
      <RelationGlyph relation={relation} x={26} y={10} />
    </svg>
  );
}
