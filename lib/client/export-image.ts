'use client';

import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

/**
 * The map as drawn, with its legend, as PNG or SVG: React Flow's recipe
 * (html-to-image over the viewport element, transformed to frame every node)
 * and the legend strip below it.
 */

const PADDING = 40;
const MAX_SIDE = 4096;

type Options = {
  nodes: Node[];
  viewport: HTMLElement;
  legend: HTMLElement | null;
  background?: string;
};

async function mapImage(
  format: 'png' | 'svg',
  { nodes, viewport, background = '#ffffff' }: Options,
) {
  const bounds = getNodesBounds(nodes);
  const scale = Math.min(
    1,
    MAX_SIDE / Math.max(bounds.width + 2 * PADDING, bounds.height + 2 * PADDING),
  );
  const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
  const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
  const transform = getViewportForBounds(bounds, width, height, 0.05, 2, 0);
  const render = format === 'png' ? toPng : toSvg;
  const url = await render(viewport, {
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

/** A data URL of the map and legend in `format`. */
export async function renderMapImage(format: 'png' | 'svg', options: Options): Promise<string> {
  const map = await mapImage(format, options);
  if (!options.legend) return map.url;
  const legendBox = options.legend.getBoundingClientRect();
  const legendWidth = Math.ceil(legendBox.width);
  const legendHeight = Math.ceil(legendBox.height);
  const width = Math.max(map.width, legendWidth + 2 * 16);
  const height = map.height + legendHeight + 2 * 16;
  if (format === 'svg') {
    const legend = await toSvg(options.legend, { backgroundColor: '#ffffff' });
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>` +
      `<image x="0" y="0" width="${map.width}" height="${map.height}" href="${map.url}"/>` +
      `<image x="16" y="${map.height + 16}" width="${legendWidth}" height="${legendHeight}" href="${legend}"/>` +
      `</svg>`;
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }
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

export function download(url: string, filename: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
