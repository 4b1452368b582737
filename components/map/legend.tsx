import { RELATION_LABELS, RELATIONS, type Side } from '@/lib/domain/types';
import { RELATION_STYLE } from '@/lib/client/to-flow';
import styles from './legend.module.css';

type SideEntry = { side: Side; label: string };

const SIDE_COLOR: Record<Side, string> = {
  FOR: 'var(--side-for)',
  AGAINST: 'var(--side-against)',
  NEUTRAL: 'var(--side-neutral)',
};

/** Finds the drawn legend, which image exports add below the map. */
export const LEGEND_SELECTOR = '[data-map-legend]';

/** What the colours and lines on the canvas mean: one compact strip, never over the map. */
export function Legend({ sides }: { sides: SideEntry[] }) {
  return (
    <section className={styles.legend} aria-label="Legend" data-map-legend>
      <ul aria-label="Sides">
        {sides.map((s) => (
          <li key={s.side}>
            <span
              className={styles.swatch}
              style={{ color: SIDE_COLOR[s.side] }}
              aria-hidden="true"
            />
            {s.label}
          </li>
        ))}
      </ul>
      <ul aria-label="Arrows">
        {RELATIONS.map((r) => {
          const style = RELATION_STYLE[r];
          const variant =
            r === 'UNDERCUTS' ? ` ${styles.dashed}` : r === 'REPHRASES' ? ` ${styles.dotted}` : '';
          return (
            <li key={r}>
              <span
                className={`${styles.line}${variant}`}
                style={{ color: style.color }}
                aria-hidden="true"
              />
              {RELATION_LABELS[r]}
            </li>
          );
        })}
        <li>
          <span className={styles.junction} aria-hidden="true" />
          linked premises (needed together)
        </li>
      </ul>
    </section>
  );
}
