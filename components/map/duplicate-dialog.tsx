'use client';

import { useEffect, useRef } from 'react';
import styles from './conflict-dialog.module.css';
import dialogStyles from './dialog.module.css';
import type { DuplicateOffer } from './use-text-editing';

type Props = {
  offer: DuplicateOffer;
  onKeepMine: () => void;
  onUseExisting: (existingId: string) => void;
};

/**
 * A new card's first text reads like cards already on the map (a class
 * writes many of the same claims at once): the writer is offered those
 * first. Using one keeps the new card's connection on it instead; keeping
 * theirs (or Escape) saves what they typed, so nothing typed is lost.
 */
export function DuplicateDialog({ offer, onKeepMine, onUseExisting }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  const one = offer.matches.length === 1;
  return (
    <dialog
      ref={dialog}
      className={dialogStyles.dialog}
      aria-labelledby="duplicate-title"
      aria-describedby="duplicate-lead"
      onCancel={(event) => {
        event.preventDefault();
        onKeepMine();
      }}
    >
      <h2 id="duplicate-title">Already on the map?</h2>
      <p id="duplicate-lead">
        {one
          ? 'A card on the map says nearly the same. Use it instead, and your connection goes to it; or add yours.'
          : 'Cards on the map say nearly the same. Use one instead, and your connection goes to it; or add yours.'}
      </p>
      <section aria-label="What you wrote" className={styles.mine}>
        <h3>You wrote</h3>
        <p>{offer.text}</p>
      </section>
      <ul className={styles.matches} aria-label="Cards already on the map">
        {offer.matches.map((match, index) => (
          <li key={match.id}>
            <p>{match.text}</p>
            <button
              type="button"
              className="button"
              autoFocus={index === 0}
              aria-label={`Use “${shorten(match.text)}” instead`}
              onClick={() => onUseExisting(match.id)}
            >
              Use this one
            </button>
          </li>
        ))}
      </ul>
      <div className={styles.actions}>
        <button type="button" className="button button--quiet" onClick={onKeepMine}>
          Add mine anyway
        </button>
      </div>
    </dialog>
  );
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
