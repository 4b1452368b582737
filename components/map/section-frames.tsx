'use client';

import { useReactFlow, useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { estimateNodeHeight, NODE_WIDTH } from '@/lib/domain/layout';
import { sectionFrames, type Box, type SectionsView } from '@/lib/domain/sections';
import styles from './section-frames.module.css';

const nodesOf = (s: ReactFlowState) => s.nodes;

/**
 * The map's sections drawn as labelled frames behind their cards, in the
 * canvas's own coordinates: each the box around its shown cards (and its
 * subsections' frames), the title on top. They follow the cards as React
 * Flow moves them (a drag included), take no clicks and are hidden from
 * assistive technology: the outline says each card's section in words.
 * Mounted only for a map with sections whose frames are on.
 */
export function SectionFrames({ view }: { view: SectionsView }) {
  const nodes = useStore(nodesOf);
  const frames = useMemo(() => {
    const boxes = new Map<string, Box>();
    for (const n of nodes) {
      if (n.hidden || !view.nodeSection[n.id]) continue;
      boxes.set(n.id, {
        x: n.position.x,
        y: n.position.y,
        width: n.measured?.width ?? NODE_WIDTH,
        height: n.measured?.height ?? estimateNodeHeight(String(n.data.text ?? ''), false),
      });
    }
    return sectionFrames(view.sections, view.nodeSection, boxes);
  }, [nodes, view]);
  return (
    <ViewportPortal>
      <div className={styles.frames} aria-hidden="true" data-section-frames>
        {frames.map((f) => (
          <div
            key={f.id}
            className={styles.frame}
            data-depth={f.depth % 3}
            data-section-frame={f.title}
            style={{ transform: `translate(${f.x}px, ${f.y}px)`, width: f.width, height: f.height }}
          >
            <span className={styles.title} title={f.title}>
              {f.title}
            </span>
          </div>
        ))}
      </div>
    </ViewportPortal>
  );
}

type ControlProps = {
  view: SectionsView;
  framesOn: boolean;
  onFrames: (on: boolean) => void;
  /** The section whose cards alone are shown (its subsections' included), or null for all. */
  only: string | null;
  onOnly: (id: string | null) => void;
};

/** The filter menu's part for sections: frames on or off, and showing one section's cards only. */
export function SectionsFilter({ view, framesOn, onFrames, only, onOnly }: ControlProps) {
  return (
    <fieldset>
      <legend>Sections</legend>
      <label>
        <input type="checkbox" checked={framesOn} onChange={() => onFrames(!framesOn)} />
        Show section frames
      </label>
      <label>
        Show cards of
        <select
          aria-label="Show cards of"
          value={only ?? ''}
          onChange={(event) => onOnly(event.target.value || null)}
          className={styles.select}
        >
          <option value="">All sections</option>
          {view.sections.map((s) => (
            <option key={s.id} value={s.id}>
              {`${'\u00a0\u00a0'.repeat(s.level - 1)}${s.title}`}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** The ids of the nodes in a section or any of its subsections. */
export function nodesInSection(view: SectionsView, sectionId: string): Set<string> {
  const within = new Set([sectionId]);
  for (const s of view.sections) if (s.parentId && within.has(s.parentId)) within.add(s.id);
  const ids = new Set<string>();
  for (const [nodeId, section] of Object.entries(view.nodeSection))
    if (within.has(section)) ids.add(nodeId);
  return ids;
}

/** Choosing one section frames its cards; going back to all frames the map. Not on the first render. */
export function useFrameSection(ids: ReadonlySet<string> | null) {
  const { fitView } = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const nodes = ids ? [...ids].map((id) => ({ id })) : undefined;
    const timer = setTimeout(
      () => void fitView({ nodes, duration: 400, padding: 0.2, maxZoom: 1 }),
      50,
    );
    return () => clearTimeout(timer);
  }, [ids, fitView]);
}
