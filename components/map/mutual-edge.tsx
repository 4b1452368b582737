'use client';

import {
  BaseEdge,
  useInternalNode,
  type Edge,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import { memo } from 'react';
import type { ArgumentEdgeData } from '@/lib/client/to-flow';
import { RelationGlyph } from './relation-glyph';

/** How far either line of a pair runs beside the line between the cards' centres. */
const SPREAD = 12;
/** How far the middle of either line bows out further, so the two read as a pair. */
const BOW = 26;

type Box = { cx: number; cy: number; hw: number; hh: number };

function boxOf(node: InternalNode | undefined): Box | null {
  const width = node?.measured.width;
  const height = node?.measured.height;
  if (!node || !width || !height) return null;
  const { x, y } = node.internals.positionAbsolute;
  return { cx: x + width / 2, cy: y + height / 2, hw: width / 2, hh: height / 2 };
}

/** Where a ray from (x, y), inside `box`, in direction (ux, uy) crosses the box's border. */
function borderPoint(box: Box, x: number, y: number, ux: number, uy: number) {
  const tx = ux === 0 ? Infinity : (Math.sign(ux) * box.hw - (x - box.cx)) / ux;
  const ty = uy === 0 ? Infinity : (Math.sign(uy) * box.hh - (y - box.cy)) / uy;
  const t = Math.max(0, Math.min(tx, ty));
  return { x: x + ux * t, y: y + uy * t };
}

/**
 * The path of one direction of a mutual pair: from card to card along the
 * line between their centres, moved SPREAD to the right of the direction of
 * travel and bowed further out in the middle. The other direction travels
 * the other way, so its "right" is the opposite side: the two never overlap,
 * and each arrowhead lands on its own target's border, not behind a card.
 */
function mutualPath(
  source: Box,
  target: Box,
): { path: string; middle: { x: number; y: number } } | null {
  const dx = target.cx - source.cx;
  const dy = target.cy - source.cy;
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const ux = dx / length;
  const uy = dy / length;
  // Screen y points down, so (-uy, ux) is to the right of travel.
  const nx = -uy;
  const ny = ux;
  const start = borderPoint(source, source.cx + nx * SPREAD, source.cy + ny * SPREAD, ux, uy);
  const end = borderPoint(target, target.cx + nx * SPREAD, target.cy + ny * SPREAD, -ux, -uy);
  const cx = (start.x + end.x) / 2 + nx * BOW;
  const cy = (start.y + end.y) / 2 + ny * BOW;
  return {
    path: `M ${start.x} ${start.y} Q ${cx} ${cy} ${end.x} ${end.y}`,
    // The curve's point halfway (t = 0.5), where its glyph sits.
    middle: { x: (start.x + 2 * cx + end.x) / 4, y: (start.y + 2 * cy + end.y) / 4 },
  };
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
        markerEnd={markerEnd}
        interactionWidth={interactionWidth}
      />
      {data && <RelationGlyph relation={data.relation} x={middle.x} y={middle.y} />}
    </>
  );
}

/** The canvas's edge type `mutual`: one of two connections between the same cards, in opposite directions. */
export const MutualEdge = memo(MutualEdgeView);
