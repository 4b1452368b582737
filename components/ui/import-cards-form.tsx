'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { refusalOf } from '@/lib/client/refusal';

/**
 * Adds the cards of a Verbatim-style Word file to the map, for the side
 * chosen: each becomes evidence under a claim named after its block. A file
 * that cannot be read adds nothing, and says why.
 */
export function ImportCardsForm({ mapId, side }: { mapId: string; side: 'FOR' | 'AGAINST' }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="form"
      aria-label="Add cards from a Word file"
      onSubmit={async (event) => {
        event.preventDefault();
        setMessage(null);
        const data = new FormData(event.currentTarget);
        if (!(data.get('file') as File | null)?.size)
          return setMessage({ ok: false, text: 'Choose a .docx file first.' });
        setBusy(true);
        try {
          const response = await fetch(`/api/maps/${mapId}/import/verbatim`, {
            method: 'POST',
            body: data,
          });
          if (!response.ok)
            return setMessage({
              ok: false,
              text: await refusalOf(response, 'The file could not be imported.'),
            });
          const { cards, claims } = (await response.json()) as { cards: number; claims: number };
          setMessage({
            ok: true,
            text: `Added ${cards} ${cards === 1 ? 'card' : 'cards'} to the map${claims ? `, under ${claims} ${claims === 1 ? 'claim' : 'claims'}` : ''}.`,
          });
          router.refresh();
        } catch {
          setMessage({ ok: false, text: 'The server could not be reached. Try again.' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="field">
        <span>Word file of cards (.docx, up to 10 MB)</span>
        <input
          type="file"
          name="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          required
        />
      </label>
      <label className="field">
        <span>The cards argue</span>
        <select name="side" defaultValue={side}>
          <option value="FOR">For the motion</option>
          <option value="AGAINST">Against the motion</option>
        </select>
      </label>
      {message &&
        (message.ok ? (
          <p role="status">{message.text}</p>
        ) : (
          <p className="form__error" role="alert">
            <strong>Nothing was added.</strong> {message.text}
          </p>
        ))}
      <button type="submit" className="button form__submit" disabled={busy}>
        {busy ? 'Adding cards…' : 'Add cards to the map'}
      </button>
    </form>
  );
}
