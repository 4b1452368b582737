'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { MAX_IMPORT_BYTES } from '@/lib/domain/interchange';

/**
 * Imports a backup, AIF, Argdown or Kialo file as a new map. The server
 * works out the format; a malformed file gets the line or field at fault, a
 * file that is not text (an image, a program) what it looks like, and
 * nothing is created. When the map leaves out part of the file (an AIF
 * conflict with no attacker, a scheme it cannot keep), the import says what
 * before the map opens.
 */
export function ImportForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<{ id: string; notices: string[] } | null>(null);
  if (imported)
    return (
      <div className="form" role="status">
        <p>
          <strong>The map was imported.</strong> It leaves out part of the file:
        </p>
        <ul>
          {imported.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
        <Link className="button" href={`/maps/${imported.id}`}>
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
        setBusy(true);
        try {
          const response = await fetch(`/api/maps/import?name=${encodeURIComponent(file.name)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/octet-stream' },
            body: file,
          });
          const body = (await response.json().catch(() => null)) as {
            id?: string;
            notices?: string[];
            error?: { message: string };
          } | null;
          if (response.ok && body?.id && body.notices?.length)
            return setImported({ id: body.id, notices: body.notices });
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
