'use client';

import Link from 'next/link';
import { MakeAnonymous } from './anonymous-mode';
import styles from './filter-menu.module.css';

/**
 * The map's other pages, one entry in the tools' row: for its managers a
 * "Manage" menu (tasks and progress, practice rounds, teams, share links and
 * members, anonymous mode); for
 * everyone else signed in, the practice rounds alone.
 */
export function ManageMenu({
  mapId,
  canManage,
  anonymous = false,
}: {
  mapId: string;
  canManage: boolean;
  /** The map is anonymous already (then the menu says so instead of offering it). */
  anonymous?: boolean;
}) {
  const base = `/maps/${encodeURIComponent(mapId)}`;
  if (!canManage)
    return (
      <Link href={`${base}/rounds`} className="button button--quiet">
        Rounds
      </Link>
    );
  return (
    <details className={`${styles.menu} ${styles.exportMenu}`}>
      <summary>Manage</summary>
      <nav className={`${styles.panel} ${styles.exportPanel}`} aria-label="Manage the map">
        <Link href={`${base}/progress`}>Tasks and progress</Link>
        <Link href={`${base}/rounds`}>Practice rounds</Link>
        <Link href={`${base}/teams`}>Teams</Link>
        <Link href={`${base}/share`}>Share links and members</Link>
        <MakeAnonymous mapId={mapId} anonymous={anonymous} />
      </nav>
    </details>
  );
}
