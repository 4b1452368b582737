'use client';

import { BaseEdge, getBezierPath, Position, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ArgumentEdgeData } from '@/lib/client/to-flow';
import { JUNCTION_OFFSET } from '@/lib/domain/map-drawing';
import styles from './linked-edge.module.css';
import { RelationGlyph } from './relation-glyph';

function junctionOf(x: number, y: number, side: Position) {
  switch (side) {
    case Position.Bottom:
      return { x, y: y + JUNCTION_OFFSET };
    case Position.Top:
      return { x, y: y - JUNCTION_OFFSET };
    case Position.Right:
      return { x: x + JUNCTION_OFFSET, y };
    case Position.Left:
      return { x: x - JUNCTION_OFFSET, y };
  }
}

/**
 * One premise of a linked argument. Every premise's line ends at a junction
 * just before the conclusion; the group's lead edge draws the junction dot
 * and the single arrow into the conclusion, so the group reads as one
 * support that needs all of its premises.
 */
function LinkedEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  style,
  markerEnd,
  data,
  interactionWidth,
}: EdgeProps<Edge<ArgumentEdgeData>>) {
  const junction = junctionOf(targetX, targetY, targetPosition);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX: junction.x,
    targetY: junction.y,
    targetPosition,
  });
  const color = typeof style?.stroke === 'string' ? style.stroke : '#15803d';
  return (
    <>
      <BaseEdge id={id} path={path} style={style} interactionWidth={interactionWidth} />
      {data && <RelationGlyph relation={data.relation} x={labelX} y={labelY} />}
      {data?.lead && (
        <>
          <BaseEdge
            path={`M ${junction.x} ${junction.y} L ${targetX} ${targetY}`}
            style={{ ...style, strokeWidth: 3 }}
            markerEnd={markerEnd}
            interactionWidth={0}
          />
          <circle
            className={styles.junction}
            data-junction
            cx={junction.x}
            cy={junction.y}
            r={5}
            fill={color}
          />
        </>
      )}
    </>
  );
}

/** The canvas's edge type `linked`: one premise of a linked argument. */
export const LinkedEdge = memo(LinkedEdgeView);
