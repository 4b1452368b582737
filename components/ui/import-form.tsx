'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { MAX_IMPORT_BYTES } from '@/lib/domain/interchange';
import styles from './import-form.module.css';

/**
 * Imports a backup, AIF, Argdown or Kialo file as a new map, titled as the
 * importer asks or else as the file is (its name when it has no title). The server
 * works out the format; a malformed file gets the line or field at fault, a
 * file that is not text (an image, a program) what it looks like, and
 * nothing is created. When the file had something the map leaves out (an
 * Argdown `@import`, a self-attack), the list is shown before the map opens.
 */
export function ImportForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: string; ignored: string[] } | null>(null);
  // The result sits below the page's introduction on a phone: brought into
  // view, and focused so a screen reader reads it.
  const showResult = useCallback((element: HTMLDivElement | null) => {
    element?.focus();
    element?.scrollIntoView({ block: 'start' });
  }, []);
  if (done)
    return (
      <div className={`form ${styles.result}`} role="status" tabIndex={-1} ref={showResult}>
        <p>
          <strong>The map was imported.</strong> The file had{' '}
          {done.ignored.length === 1 ? 'one thing' : `${done.ignored.length} things`} the map leaves
          out:
        </p>
        <ul>
          {done.ignored.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <Link className="button form__submit" href={`/maps/${done.id}`}>
          Open the map
        </Link>
      </div>
    );
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement)
          .files?.[0];
        if (!file) return setError('Choose a file first.');
        if (file.size > MAX_IMPORT_BYTES)
          return setError(`That file is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB.`);
        const title = (event.currentTarget.elements.namedItem('title') as HTMLInputElement).value;
        const query = new URLSearchParams({ name: file.name });
        if (title.trim()) query.set('title', title.trim());
        setBusy(true);
        try {
          const response = await fetch(`/api/maps/import?${query}`, {
            method: 'POST',
            headers: { 'content-type': 'application/octet-stream' },
            body: file,
          });
          const body = (await response.json().catch(() => null)) as {
            id?: string;
            ignored?: string[];
            error?: { message: string };
          } | null;
          if (response.ok && body?.id && body.ignored?.length)
            return setDone({ id: body.id, ignored: body.ignored });
          if (response.ok && body?.id) return router.push(`/maps/${body.id}`);
          setError(body?.error?.message ?? 'The file could not be imported.');
        } catch {
          setError('The server could not be reached. Try again.');
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="field">
        <span>File (.json, .argdown or Kialo’s .txt, up to {MAX_IMPORT_BYTES / 1_000_000} MB)</span>
        <input
          type="file"
          name="file"
          accept=".json,.argdown,.ad,.txt,application/json,text/plain"
          required
        />
      </label>
      <label className="field">
        <span>Title (optional)</span>
        <input type="text" name="title" maxLength={120} aria-describedby="import-title-hint" />
        <small id="import-title-hint" className="field__hint">
          Leave it empty to use the file’s own title, or its name if it has none (AIF files have
          none).
        </small>
      </label>
      {error && (
        <p className="form__error" role="alert">
          <strong>Nothing was imported.</strong> {error}
        </p>
      )}
      <button type="submit" className="button form__submit" disabled={busy}>
        {busy ? 'Importing…' : 'Import as a new map'}
      </button>
    </form>
  );
}
