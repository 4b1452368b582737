'use client';

import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ArgumentEdgeData } from '@/lib/client/to-flow';
import { RelationGlyph } from './relation-glyph';

/** One connection from card to card: React Flow's curve, with its relation's glyph halfway. */
function RelationEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  style,
  markerStart,
  markerEnd,
  data,
  interactionWidth,
}: EdgeProps<Edge<ArgumentEdgeData>>) {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
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
      {data && <RelationGlyph relation={data.relation} x={labelX} y={labelY} />}
    </>
  );
}

/** The canvas's edge type `relation`: a connection on its own (not linked, not one of a mutual pair). */
export const RelationEdge = memo(RelationEdgeView);
