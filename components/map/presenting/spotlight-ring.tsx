'use client';

import { useStore, ViewportPortal } from '@xyflow/react';
import styles from './presenting.module.css';

/** A ring around the spotlighted card, drawn in map coordinates so it stays on the card. */
export function SpotlightRing({ nodeId }: { nodeId: string }) {
  const box = useStore((s) => {
    const node = s.nodeLookup.get(nodeId);
    if (!node || node.hidden || !node.measured.width || !node.measured.height) return null;
    const { x, y } = node.internals.positionAbsolute;
    return `${x} ${y} ${node.measured.width} ${node.measured.height}`;
  });
  if (!box) return null;
  const [x, y, width, height] = box.split(' ').map(Number) as [number, number, number, number];
  return (
    <ViewportPortal>
      <div
        className={styles.ring}
        data-spotlight={nodeId}
        aria-hidden="true"
        style={{
          transform: `translate(${x - 8}px, ${y - 8}px)`,
          width: width + 16,
          height: height + 16,
        }}
      />
    </ViewportPortal>
  );
}
