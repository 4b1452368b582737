import Link from 'next/link';
import type { ReactNode } from 'react';
import { BackIcon } from './icons';
import { PrintButton } from './print-button';
import page from './page.module.css';
import styles from './printable-page.module.css';

/**
 * A page meant to be printed from a map (the debate brief, a team's prep
 * sheet): a way back to the map and a print button, both hidden on paper,
 * around the title, the lead line and the content.
 */
export function PrintablePage({
  mapId,
  title,
  lead,
  children,
}: {
  mapId: string;
  title: ReactNode;
  lead: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className={`${page.page} ${page.narrow}`}>
      <div className={styles.screenOnly}>
        <Link href={`/maps/${mapId}`} className={page.back}>
          <BackIcon /> Back to the map
        </Link>
      </div>
      <h1 className={page.title}>{title}</h1>
      {lead && <p className={page.lead}>{lead}</p>}
      <p className={styles.screenOnly}>
        <PrintButton />
      </p>
      {children}
    </main>
  );
}
