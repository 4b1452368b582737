import type { ReactNode } from 'react';
import styles from './panel.module.css';

/** What the discussion and team-notes tabs show until the reader's social view has arrived. */
export function SocialLoading({ children }: { children: ReactNode }) {
  return <p className={`${styles.empty} ${styles.panel}`}>{children}</p>;
}
