'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

const MAX_BYTES = 5_000_000;

/** Restores a .json backup as a new map; a malformed file gets the field at fault, and nothing is created. */
export function ImportForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        const file = (event.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
        if (!file) return setError('Choose a backup file first.');
        if (file.size > MAX_BYTES) return setError(`That file is larger than ${MAX_BYTES / 1_000_000} MB.`);
        setBusy(true);
        try {
          const response = await fetch('/api/maps/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: await file.text() });
          const body = (await response.json().catch(() => null)) as { id?: string; error?: { message: string } } | null;
          if (response.ok && body?.id) return router.push(`/maps/${body.id}`);
          setError(body?.error?.message ?? 'The backup could not be restored.');
        } catch {
          setError('The server could not be reached. Try again.');
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="field">
        <span>Backup file (.json)</span>
        <input type="file" name="file" accept=".json,application/json" required />
      </label>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button form__submit" disabled={busy}>
        {busy ? 'Restoring…' : 'Restore as a new map'}
      </button>
    </form>
  );
}
