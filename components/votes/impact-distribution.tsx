import { IMPACT_LABELS, meanImpact, totalOf } from '@/lib/domain/votes';
import styles from './votes.module.css';

/** A claim's votes as a bar per impact, with counts; its name says whose votes they are. */
export function ImpactDistribution({
  label,
  counts,
  color,
}: {
  label: string;
  counts: readonly number[];
  color?: string;
}) {
  const total = totalOf(counts);
  const mean = meanImpact(counts);
  const most = Math.max(1, ...counts);
  return (
    <figure className={styles.distribution}>
      <figcaption className={styles.caption}>
        {color && <span className={styles.swatch} style={{ background: color }} aria-hidden />}
        {label}: {total === 1 ? '1 vote' : `${total} votes`}
        {mean !== null && <>, average {mean.toFixed(1)}</>}
      </figcaption>
      <ul className={styles.bars} aria-label={`${label}, votes per impact`}>
        {IMPACT_LABELS.map((name, impact) => (
          <li key={name} className={styles.bar}>
            <span className={styles.barLabel}>
              {impact} {name}
            </span>
            <span className={styles.track} aria-hidden>
              <span
                className={styles.fill}
                data-impact={impact}
                style={{ width: `${((counts[impact] ?? 0) / most) * 100}%` }}
              />
            </span>
            <span className={styles.count}>{counts[impact] ?? 0}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
