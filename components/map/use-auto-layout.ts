'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { layoutInBackground } from '@/lib/client/layout-client';
import type { MapStore } from '@/lib/client/map-store';
import type { LayoutDirection } from '@/lib/domain/layout';
import type { SectionsView } from '@/lib/domain/sections';
import type { NodePlacement } from './use-node-placement';

/**
 * Lays the whole map out with ELK (off the main thread) and applies it as
 * one move, so it can be undone. A map with `sections` keeps each section's
 * cards together (lib/domain/layout.ts). `layingOut` is true while it runs and the
 * cards glide to their places.
 */
export function useAutoLayout(
  store: MapStore,
  drawnBoxes: NodePlacement['drawnBoxes'],
  direction: LayoutDirection,
  sections: SectionsView | undefined,
) {
  const [layingOut, setLayingOut] = useState(false);
  const { fitView } = useReactFlow();

  const autoLayout = useCallback(
    async (towards: LayoutDirection = direction) => {
      setLayingOut(true);
      try {
        const boxes = drawnBoxes();
        const positions = await layoutInBackground(
          {
            nodes: boxes,
            edges: [...store.getView().edges.values()].filter((e) => !e.deleted),
            sections,
          },
          towards,
        );
        const moves = boxes.flatMap((b) => {
          const p = positions.get(b.id);
          return p && (p.x !== b.x || p.y !== b.y) ? [{ id: b.id, x: p.x, y: p.y }] : [];
        });
        if (moves.length) store.perform([{ type: 'moveNodes', moves }]);
        setTimeout(() => void fitView({ duration: 500, padding: 0.1 }), 450);
      } finally {
        setTimeout(() => setLayingOut(false), 500);
      }
    },
    [drawnBoxes, store, fitView, direction, sections],
  );

  return { layingOut, autoLayout };
}
