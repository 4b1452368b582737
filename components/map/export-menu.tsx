'use client';

import { useReactFlow, type Edge } from '@xyflow/react';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { download, renderMapPng, renderMapSvg } from '@/lib/client/export-image';
import type { ArgumentEdgeData, ArgumentFlowNode } from '@/lib/client/to-flow';
import { fileStem } from '@/lib/domain/interchange';
import styles from './filter-menu.module.css';
import { legendForExport, legendSides } from './legend';

type Props = {
  mapId: string;
  title: string;
  canBackup: boolean;
  onError: (message: string) => void;
};

/** Ways to take the map out of the app: the brief and the blocks (printable or Word), an image, Argdown, AIF, a backup. */
export function ExportMenu({ mapId, title, canBackup, onError }: Props) {
  const { getNodes, getEdges } = useReactFlow<ArgumentFlowNode, Edge<ArgumentEdgeData>>();
  const [busy, setBusy] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  const image = async (format: 'png' | 'svg') => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const nodes = getNodes().filter((n) => !n.hidden);
    if (!viewport || nodes.length === 0) return onError('There is nothing on the map to draw yet.');
    setBusy(format);
    const legend = format === 'png' ? legendForExport() : null;
    try {
      const shown = new Set(nodes.map((n) => n.id));
      const url =
        format === 'png'
          ? await renderMapPng({ nodes, viewport, legend: legend?.element ?? null })
          : renderMapSvg({
              title,
              nodes,
              edges: getEdges().filter(
                (e) => !e.hidden && shown.has(e.source) && shown.has(e.target),
              ),
              sides: legendSides(),
            });
      close();
      download(url, `${fileStem(title)}.${format}`);
    } catch {
      onError('The image could not be made. Try again, or use the PNG if the SVG failed.');
    } finally {
      legend?.done();
      setBusy(null);
    }
  };
  return (
    <details className={`${styles.menu} ${styles.exportMenu}`} ref={menu}>
      <summary>Export</summary>
      <div className={`${styles.panel} ${styles.exportPanel}`} role="group" aria-label="Export">
        <Link href={`/maps/${mapId}/brief`}>Debate brief (printable)</Link>
        <a href={`/api/maps/${mapId}/export/brief-docx`} download onClick={close}>
          Debate brief (Word)
        </a>
        <Link href={`/maps/${mapId}/blocks`}>Blocks (printable or Word)</Link>
        <button
          type="button"
          className="link-button"
          onClick={() => void image('png')}
          disabled={busy !== null}
        >
          {busy === 'png' ? 'Drawing…' : 'Image (PNG)'}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => void image('svg')}
          disabled={busy !== null}
        >
          {busy === 'svg' ? 'Drawing…' : 'Image (SVG)'}
        </button>
        <a href={`/api/maps/${mapId}/export?format=argdown`} download onClick={close}>
          Argdown (.argdown)
        </a>
        <a href={`/api/maps/${mapId}/export?format=aif`} download onClick={close}>
          AIF (JSON, for OVA and AIFdb)
        </a>
        {canBackup && (
          <a href={`/api/maps/${mapId}/export`} download onClick={close}>
            Backup (JSON, with your team’s notes)
          </a>
        )}
      </div>
    </details>
  );
}
