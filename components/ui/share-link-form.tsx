'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/lib/domain/form-state';
import { CopyButton } from './copy-button';
import { ProjectorLink } from './projector-link';
import page from './page.module.css';
import styles from './share-link-form.module.css';

type Props = {
  mapId: string;
  action: FormAction<{ link: string; qr: string; projector?: string }>;
};

/** Creates a share link and shows it once (only its hash is stored). */
export function ShareLinkForm({ mapId, action }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <>
      <form action={formAction} className={page.inlineForm} aria-label="Create a share link">
        <input type="hidden" name="mapId" value={mapId} />
        <label className="field">
          <span>Name (optional)</span>
          <input
            name="name"
            maxLength={60}
            placeholder="e.g. Year 11 parents"
            defaultValue={state.values?.name}
          />
        </label>
        <label className="field">
          <span>Anyone with the link can</span>
          <select name="role" defaultValue="VIEWER">
            <option value="VIEWER">View</option>
            <option value="COMMENTER">Comment (after signing in)</option>
            <option value="EDITOR">Edit (after signing in)</option>
          </select>
        </label>
        <label className="field">
          <span>Expires</span>
          <select name="expiresInDays" defaultValue="7">
            <option value="1">In 1 day</option>
            <option value="7">In 7 days</option>
            <option value="30">In 30 days</option>
            <option value="0">Never</option>
          </select>
        </label>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Creating…' : 'Create link'}
        </button>
      </form>
      {state.error && (
        <p className="form__error" role="alert">
          {state.error}
        </p>
      )}
      {state.link && (
        <div className={styles.newLink} role="status">
          <p>
            <strong>Your new link.</strong> Copy it now: for safety it is stored only in scrambled
            form and cannot be shown again.
          </p>
          <input
            className={styles.url}
            readOnly
            value={state.link}
            aria-label="New share link"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={state.link} label="Copy link" />
          {state.qr && (
            // eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server
            <img
              className={styles.qr}
              src={state.qr}
              alt="QR code for the new share link"
              width={200}
              height={200}
            />
          )}
          {state.projector && <ProjectorLink link={state.projector} />}
        </div>
      )}
    </>
  );
}
