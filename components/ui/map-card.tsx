import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './map-card.module.css';

/** A grid of map (or classroom) cards. */
export function MapList({ children }: { children: ReactNode }) {
  return <ul className={styles.list}>{children}</ul>;
}

/**
 * One card of a MapList: a link with a title, and the motion, description
 * and facts when given. With `actions` (null for none, for this reader) the
 * card stands in a column with the actions' links below it.
 */
export function MapCard({
  href,
  title,
  motion,
  description,
  stats,
  actions,
}: {
  href: string;
  title: string;
  motion?: string;
  description?: string;
  stats?: ReactNode;
  actions?: ReactNode | null;
}) {
  const card = (
    <Link className={styles.card} href={href}>
      <h3>{title}</h3>
      {motion && <p className={styles.motion}>{motion}</p>}
      {description && <p className={styles.description}>{description}</p>}
      {stats !== undefined && <p className={styles.stats}>{stats}</p>}
    </Link>
  );
  if (actions === undefined) return <li>{card}</li>;
  return (
    <li className={styles.item}>
      {card}
      {actions !== null && <p className={styles.actions}>{actions}</p>}
    </li>
  );
}
