'use client';

import { getNodesBounds, getViewportForBounds, type Edge, type Node } from '@xyflow/react';
import { toPng } from 'html-to-image';
import { approximateTextWidth, mapToSvg, type MeasureText } from '@/lib/domain/svg-export';
import type { Side } from '@/lib/domain/types';
import type { ArgumentEdgeData, ArgumentFlowNode } from './to-flow';

/**
 * The map as drawn, with its legend. As PNG: React Flow's recipe
 * (html-to-image over the viewport element, transformed to frame every
 * node) and the legend strip below it. As SVG: drawn anew as vectors from
 * the cards, their places and sizes, and the connections
 * (lib/domain/svg-export.ts), so it is small and its text is text.
 */

const PADDING = 40;
const MAX_SIDE = 4096;

type Options = {
  nodes: Node[];
  viewport: HTMLElement;
  legend: HTMLElement | null;
  background?: string;
};

async function mapImage({ nodes, viewport, background = '#ffffff' }: Options) {
  const bounds = getNodesBounds(nodes);
  const scale = Math.min(
    1,
    MAX_SIDE / Math.max(bounds.width + 2 * PADDING, bounds.height + 2 * PADDING),
  );
  const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
  const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
  const transform = getViewportForBounds(bounds, width, height, 0.05, 2, 0);
  const url = await toPng(viewport, {
    backgroundColor: background,
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})`,
    },
  });
  return { url, width, height };
}

const load = (url: string) =>
  new Promise<HTMLImageElement>((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = reject;
    image.src = url;
  });

/** A data URL of the map and legend as a PNG. */
export async function renderMapPng(options: Options): Promise<string> {
  const map = await mapImage(options);
  if (!options.legend) return map.url;
  const legendBox = options.legend.getBoundingClientRect();
  const legendWidth = Math.ceil(legendBox.width);
  const legendHeight = Math.ceil(legendBox.height);
  const width = Math.max(map.width, legendWidth + 2 * 16);
  const height = map.height + legendHeight + 2 * 16;
  const legend = await toPng(options.legend, { backgroundColor: '#ffffff', pixelRatio: 1 });
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(await load(map.url), 0, 0);
  context.drawImage(await load(legend), 16, map.height + 16, legendWidth, legendHeight);
  return canvas.toDataURL('image/png');
}

/**
 * Text widths in the font the cards are drawn in, from a canvas: the export
 * then wraps its lines where the canvas does. A little slack keeps a line
 * inside its card in a viewer whose font runs slightly wider.
 */
function canvasMeasure(fontFamily: string): MeasureText | undefined {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  return (text, size, bold) => {
    context.font = `${bold ? 700 : 400} ${size}px ${fontFamily}`;
    return context.measureText(text).width * 1.05;
  };
}

/** A data URL of the shown cards and connections as an SVG document, with the legend's sides as the reader sees them. */
export function renderMapSvg({
  title,
  nodes,
  edges,
  sides,
}: {
  title: string;
  nodes: ArgumentFlowNode[];
  edges: Edge<ArgumentEdgeData>[];
  sides: { side: Side; label: string }[];
}): string {
  const card = document.querySelector('.react-flow__node');
  const measure = card ? canvasMeasure(getComputedStyle(card).fontFamily) : undefined;
  const svg = mapToSvg({
    title,
    direction: nodes[0]?.data.direction ?? 'UP',
    cards: nodes.map((n) => ({
      id: n.id,
      kind: n.data.kind,
      side: n.data.side,
      text: n.data.text,
      sourceLabel: n.data.sourceLabel,
      x: n.position.x,
      y: n.position.y,
      width: n.measured?.width ?? n.width ?? 260,
      height: n.measured?.height ?? n.height,
    })),
    connections: edges.flatMap((e) =>
      e.data
        ? [
            {
              id: e.id,
              fromId: e.source,
              toId: e.target,
              relation: e.data.relation,
              groupId: e.data.groupId,
            },
          ]
        : [],
    ),
    legend: sides,
    measure: measure ?? approximateTextWidth,
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function download(url: string, filename: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
