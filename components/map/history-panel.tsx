'use client';

import { useCallback, useRef, useState } from 'react';
import { useShortcuts } from '@/lib/client/shortcuts';
import type { HistoryItem } from '@/lib/domain/history';
import { avatarInitials, initialsFontSize } from '@/lib/domain/people';
import { LocalTime } from '../ui/local-time';
import dialogStyles from './dialog.module.css';
import styles from './history-panel.module.css';
import { shareTokenHeaders } from '@/lib/client/share-token';

type Props = {
  mapId: string;
  shareToken: string | null;
  onShow: (item: HistoryItem) => void;
};

/** The map's timeline in a dialog: who changed what, when; each entry can show the map as it was then. */
export function HistoryPanel({ mapId, shareToken, onShow }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (before: number | null) => {
      setError(null);
      try {
        const response = await fetch(
          `/api/maps/${encodeURIComponent(mapId)}/history${before ? `?before=${before}` : ''}`,
          {
            headers: shareTokenHeaders(shareToken),
          },
        );
        if (!response.ok) throw new Error();
        const page = (await response.json()) as { items: HistoryItem[]; more: boolean };
        setItems((current) => (before && current ? [...current, ...page.items] : page.items));
        setMore(page.more);
      } catch {
        setError('The history could not be loaded. Try again.');
      }
    },
    [mapId, shareToken],
  );

  const open = () => {
    dialog.current?.showModal();
    void load(null);
  };
  useShortcuts([{ key: 'h', run: open }]);

  return (
    <>
      <button
        type="button"
        className={`button button--quiet ${dialogStyles.opener}`}
        onClick={open}
        aria-keyshortcuts="H"
      >
        History
      </button>
      <dialog ref={dialog} className={dialogStyles.dialog} aria-labelledby="history-title">
        <h2 id="history-title">History of this map</h2>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        {items === null && !error && <p className={styles.empty}>Loading…</p>}
        {items?.length === 0 && (
          <p className={styles.empty}>
            No changes yet. Changes made in the editor appear here, newest first.
          </p>
        )}
        {items && items.length > 0 && (
          <ol className={styles.list} aria-label="Changes, newest first">
            {items.map((item) => (
              <li key={item.seq}>
                <span
                  className="avatar"
                  style={{
                    background: item.color,
                    fontSize: initialsFontSize(avatarInitials(item.who), 30),
                  }}
                  aria-hidden="true"
                >
                  {avatarInitials(item.who)}
                </span>
                <div className={styles.text}>
                  <p>
                    <strong>{item.who}</strong> {item.summary}
                  </p>
                  <p className={styles.time}>
                    <LocalTime value={item.at} style="shortDateTime" /> · change {item.seq}
                  </p>
                </div>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => {
                    dialog.current?.close();
                    onShow(item);
                  }}
                >
                  Show map then
                  <span className="visually-hidden"> (after change {item.seq})</span>
                </button>
              </li>
            ))}
          </ol>
        )}
        <div className={styles.actions}>
          {more && items && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => void load(items.at(-1)!.seq)}
            >
              Older changes
            </button>
          )}
          <form method="dialog">
            <button type="submit" className="button">
              Close
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}
