'use client';

import { useId } from 'react';
import styles from './outline.module.css';

export type OutlineOrder = 'map' | 'impact';

type Props = {
  order: OutlineOrder;
  onChange: (order: OutlineOrder) => void;
  /** Guided voting, for a reader who sees only the tallies of claims they voted on. */
  partial: boolean;
};

/** How the outline orders each card's reasons: as on the map, or by their mean impact. */
export function OutlineSort({ order, onChange, partial }: Props) {
  const id = useId();
  const hint = `${id}-hint`;
  return (
    <div className={styles.sortBar}>
      <span className={styles.kindField}>
        <label htmlFor={id}>Order</label>
        <select
          id={id}
          value={order}
          aria-describedby={order === 'impact' ? hint : undefined}
          onChange={(event) => onChange(event.target.value as OutlineOrder)}
        >
          <option value="map">Map order</option>
          <option value="impact">By impact</option>
        </select>
      </span>
      {order === 'impact' && (
        <span id={hint} className={styles.sortHint}>
          {partial
            ? 'Highest impact first, by the claims you have voted on: guided voting hides the others’ votes until you vote, so they count as unrated and come last.'
            : 'Each card’s reasons, highest mean impact first; unrated last.'}
        </span>
      )}
    </div>
  );
}
