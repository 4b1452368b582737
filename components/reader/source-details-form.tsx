'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { fieldRefusalOf } from '@/lib/client/refusal';
import { detailsOf, SourceDetailsFields, type SourceDetailsValues } from './source-details-fields';

/** Corrects a saved source's details; its text stays as it is. */
export function SourceDetailsForm({
  mapId,
  sourceId,
  values,
}: {
  mapId: string;
  sourceId: string;
  values: SourceDetailsValues;
}) {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const back = `/maps/${encodeURIComponent(mapId)}?source=${encodeURIComponent(sourceId)}`;
  return (
    <form
      className="form"
      aria-label="Details of the source"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(null);
        setBusy(true);
        try {
          const response = await fetch(
            `/api/maps/${encodeURIComponent(mapId)}/sources/${encodeURIComponent(sourceId)}`,
            {
              method: 'PATCH',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(detailsOf(new FormData(event.currentTarget))),
            },
          );
          if (response.ok) return router.push(back);
          setError(await fieldRefusalOf(response, 'The details could not be saved.'));
        } catch {
          setError({ message: 'The server could not be reached. Try again.', field: null });
        } finally {
          setBusy(false);
        }
      }}
    >
      <SourceDetailsFields values={values} invalidField={error?.field ?? null} />
      {error && (
        <p className="form__error" role="alert">
          <strong>Not saved.</strong> {error.message}
        </p>
      )}
      <button type="submit" className="button form__submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save the details'}
      </button>
    </form>
  );
}
