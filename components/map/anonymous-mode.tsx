'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Anonymity } from '@/lib/domain/anonymity';
import { MaskIcon } from '@/components/ui/icons';
import dialogStyles from './dialog.module.css';
import styles from './anonymous-mode.module.css';

/** What the banner says to each reader of an anonymous map. */
function bannerWords(anonymity: Anonymity): string {
  if (anonymity.seesNames)
    return 'Anonymous map — students see each other as pseudonyms; you see their names.';
  const base = 'Anonymous map — classmates appear as pseudonyms; your teacher sees names.';
  return anonymity.youAppearAs ? `${base} You appear as ${anonymity.youAppearAs}.` : base;
}

/** The line under the map's title on an anonymous map, for everyone who reads it. */
export function AnonymousBanner({ anonymity }: { anonymity: Anonymity }) {
  return (
    <p className={styles.banner} role="note">
      <MaskIcon className={styles.icon} />
      <span>{bannerWords(anonymity)}</span>
    </p>
  );
}

/**
 * "Make anonymous…" in the Manage menu, and the dialog that asks first: it
 * cannot be undone. After it, the entry says the map is anonymous for good.
 */
export function MakeAnonymous({ mapId, anonymous }: { mapId: string; anonymous: boolean }) {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  /** The Manage menu this entry sits in: closed once the map is anonymous, so the map shows again. */
  const menu = useRef<HTMLDetailsElement | null>(null);
  if (anonymous || done)
    return (
      <p className={styles.locked}>
        <MaskIcon /> Anonymous for good
      </p>
    );
  return (
    <>
      <button
        type="button"
        className="link-button"
        onClick={(event) => {
          menu.current = event.currentTarget.closest('details');
          setAsking(true);
        }}
      >
        Make anonymous…
      </button>
      {asking && (
        <ConfirmAnonymous
          mapId={mapId}
          onDone={() => {
            setDone(true);
            menu.current?.removeAttribute('open');
          }}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}

function ConfirmAnonymous({
  mapId,
  onDone,
  onClose,
}: {
  mapId: string;
  onDone: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/anonymous`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ anonymous: true }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        setError(body?.error?.message ?? 'The map could not be made anonymous. Try again.');
        return;
      }
      onDone();
      onClose();
    } catch {
      setError('No connection: the map is not anonymous yet. Try again.');
    } finally {
      setBusy(false);
    }
  };
  // Into the body: on a phone the Manage menu sits in a sheet that may close,
  // and a dialog under a hidden element would not show.
  return createPortal(
    <dialog
      ref={dialog}
      className={dialogStyles.dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
    >
      <h2 id={titleId}>Make this map anonymous?</h2>
      <div id={bodyId} className={styles.body}>
        <p>
          Students will see each other as pseudonyms such as “Student 7”, in comments, notes, the
          timeline, rounds and who is here. You and other teachers of the map still see their names,
          and students still see yours.
        </p>
        <p>
          <strong>This cannot be turned off.</strong> The map stays anonymous for good, so no
          pseudonym is ever linked back to a name for students.
        </p>
      </div>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>
          Make anonymous for good
        </button>
      </div>
    </dialog>,
    document.body,
  );
}
