'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import styles from '@/components/ui/confirm-remove.module.css';
import own from './remove-source.module.css';

type Card = { id: string; text: string };
type Refusal = { message: string; cards: Card[] };

type Props = {
  mapId: string;
  sourceId: string;
  title: string;
  /** Highlights and notes on the source, every team's (the reader, a manager, sees them all). */
  passages: number;
  /** Deleted cards that quote the source (Undo could bring them back). */
  quotedByDeleted: number;
};

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * "Remove this source", for the map's managers: asks first, in a modal
 * dialog that says what goes with it. The server refuses while cards quote
 * the source; the dialog then names them, each a link to the card.
 */
export function RemoveSource({ mapId, sourceId, title, passages, quotedByDeleted }: Props) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const mapHref = `/maps/${encodeURIComponent(mapId)}`;

  const remove = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const response = await fetch(
        `/api/maps/${encodeURIComponent(mapId)}/sources/${encodeURIComponent(sourceId)}`,
        { method: 'DELETE', headers: { 'content-type': 'application/json' } },
      );
      if (response.ok) return router.push(mapHref);
      const body = (await response.json().catch(() => null)) as {
        error?: { message?: string; details?: { cards?: Card[] } };
      } | null;
      setRefusal({
        message: body?.error?.message ?? 'The source could not be removed.',
        cards: body?.error?.details?.cards ?? [],
      });
    } catch {
      setRefusal({ message: 'The server could not be reached. Try again.', cards: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={own.section} aria-labelledby={`${titleId}-section`}>
      <h2 id={`${titleId}-section`} className={own.heading}>
        Added by mistake?
      </h2>
      <p className={own.lead}>
        Removing the source takes it off the map for everyone. Cards that quote it must go first.
      </p>
      <button
        type="button"
        className="button button--quiet button--danger"
        onClick={() => {
          setRefusal(null);
          dialog.current?.showModal();
        }}
      >
        Remove this source
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId}>
        <h2 id={titleId} className={styles.title}>
          Remove “{title}” from the map?
        </h2>
        {refusal ? (
          <div role="alert" className={own.refusal}>
            <p>
              <strong>Not removed.</strong> {refusal.message}
            </p>
            {refusal.cards.length > 0 && (
              <ul className={own.cards} aria-label="Cards that quote this source">
                {refusal.cards.map((card) => (
                  <li key={card.id}>
                    <Link href={`${mapHref}?node=${encodeURIComponent(card.id)}`}>
                      {card.text || 'A card without text'}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <div className={styles.body}>
            <p className={own.paragraph}>
              It disappears from the Sources tab for everyone on the map, students included. This
              cannot be undone: to use it again, add it again.
            </p>
            {passages > 0 && (
              <p className={own.paragraph}>
                The teams’ {plural(passages, 'highlight or note', 'highlights and notes')} on it go
                too.
              </p>
            )}
            {quotedByDeleted > 0 && (
              <p className={own.paragraph}>
                {plural(quotedByDeleted, 'deleted card quoted', 'deleted cards quoted')} it: brought
                back with Undo, {quotedByDeleted === 1 ? 'it keeps its' : 'they keep their'} words
                but not the quote.
              </p>
            )}
          </div>
        )}
        <div className={styles.actions}>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => dialog.current?.close()}
          >
            {refusal ? 'Close' : 'Cancel'}
          </button>
          {!refusal && (
            <button
              type="button"
              className={`button ${styles.confirm}`}
              disabled={busy}
              onClick={() => void remove()}
            >
              {busy ? 'Removing…' : 'Remove the source'}
            </button>
          )}
        </div>
      </dialog>
    </section>
  );
}
