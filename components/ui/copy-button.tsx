'use client';

import { useState } from 'react';
import styles from './copy-button.module.css';

/** Copies `text` to the clipboard and says so; where the clipboard is unavailable, selects nothing and says to copy by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  return (
    <span className={styles.copyButton}>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          if (!navigator.clipboard?.writeText) return setDone('failed');
          navigator.clipboard.writeText(text).then(
            () => setDone('copied'),
            () => setDone('failed'),
          );
        }}
      >
        {label}
      </button>
      <span role="status" className={styles.status}>
        {done === 'copied' ? 'Copied.' : done === 'failed' ? 'Copy it from the text above.' : ''}
      </span>
    </span>
  );
}
