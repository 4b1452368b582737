import styles from './map-skeleton.module.css';

/** Where the placeholder cards sit, in percent of the canvas: a conclusion and its reasons. */
const CARDS = [
  { left: 40, top: 8 },
  { left: 12, top: 36 },
  { left: 40, top: 36 },
  { left: 68, top: 36 },
  { left: 26, top: 66 },
  { left: 54, top: 66 },
];

/**
 * What the canvas shows until the map is drawn: grey cards where the map
 * will be and a status for screen readers. Until then editing is off, so
 * nothing typed or clicked is lost on a slow connection.
 */
export function MapSkeleton() {
  return (
    <div className={styles.skeleton} role="status" aria-live="polite">
      {CARDS.map((at, i) => (
        <span
          key={i}
          className={styles.card}
          style={{ left: `${at.left}%`, top: `${at.top}%` }}
          aria-hidden="true"
        />
      ))}
      <p className={styles.words}>Loading the map…</p>
    </div>
  );
}
