'use client';

import {
  BaseEdge,
  useInternalNode,
  type Edge,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import { memo } from 'react';
import { mutualPath, type Box } from '@/lib/domain/map-drawing';
import type { ArgumentEdgeData } from '@/lib/client/to-flow';
import { RelationGlyph } from './relation-glyph';

function boxOf(node: InternalNode | undefined): Box | null {
  const width = node?.measured.width;
  const height = node?.measured.height;
  if (!node || !width || !height) return null;
  const { x, y } = node.internals.positionAbsolute;
  return { cx: x + width / 2, cy: y + height / 2, hw: width / 2, hh: height / 2 };
}

/**
 * One direction of two cards that bear on each other (A attacks B and B
 * attacks A). Drawn between the cards' borders rather than from handle to
 * handle: the handles put one of the two lines behind both cards.
 */
function MutualEdgeView({
  id,
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  style,
  markerStart,
  markerEnd,
  data,
  interactionWidth,
}: EdgeProps<Edge<ArgumentEdgeData>>) {
  const from = boxOf(useInternalNode(source));
  const to = boxOf(useInternalNode(target));
  const { path, middle } = (from && to && mutualPath(from, to)) ?? {
    path: `M ${sourceX} ${sourceY} L ${targetX} ${targetY}`,
    middle: { x: (sourceX + targetX) / 2, y: (sourceY + targetY) / 2 },
  };
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        style={style}
        markerStart={markerStart}
        markerEnd={markerEnd}
        interactionWidth={interactionWidth}
      />
      {data && <RelationGlyph relation={data.relation} x={middle.x} y={middle.y} />}
    </>
  );
}

/** The canvas's edge type `mutual`: one of two connections between the same cards, in opposite directions. */
export const MutualEdge = memo(MutualEdgeView);
