'use client';

import { useImpact } from '../map/node-decorations';
import styles from './impact-mark.module.css';

/** On a card, while the map is coloured by impact: its mean impact, in the colour of that impact. */
export function ImpactMark({ id }: { id: string }) {
  const impact = useImpact(id);
  if (impact === null) return null;
  return (
    <span
      className={styles.mark}
      data-impact={Math.round(impact)}
      aria-label={`Average impact ${impact.toFixed(1)} of 4`}
    >
      Impact {impact.toFixed(1)}
    </span>
  );
}
