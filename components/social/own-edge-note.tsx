'use client';

import { newId } from '@/lib/client/ids';
import type { TeamLayer, TSocialOpInput } from '@/lib/domain/social';
import { isOn } from './annotations';
import type { Focus } from './focus';
import styles from './team-notes.module.css';
import { useDraft } from './use-draft';

type Props = {
  /** The selected connection. */
  focus: Focus;
  /** Our team's layer. */
  layer: TeamLayer;
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
};

/** Our team's note on a connection (ratings, tags and assignments are for claims). */
export function OwnEdgeNote({ focus, layer, onSend }: Props) {
  const note = layer.annotations.find((a) => isOn(a, focus) && a.kind === 'NOTE');
  const [noteText, setNoteText] = useDraft(note?.body ?? '');
  return (
    <div className={styles.ownNotes} role="group" aria-label="Our notes on the selected connection">
      <h3>Our notes on the connection {focus.label}</h3>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          if (noteText.trim())
            void onSend([
              {
                type: 'upsertAnnotation',
                id: note?.id ?? newId(),
                teamId: layer.teamId,
                target: { kind: 'EDGE', edgeId: focus.id },
                kind: 'NOTE',
                body: noteText,
              },
            ]);
          else if (note) void onSend([{ type: 'deleteAnnotation', id: note.id }]);
        }}
      >
        <label className="field">
          <span>Team note</span>
          <textarea
            value={noteText}
            onChange={(e) => setNoteText(e.target.value)}
            rows={3}
            maxLength={2000}
            placeholder="Is this inference strong? How would we attack it?"
          />
        </label>
        <button type="submit" className="button button--small">
          Save note
        </button>
      </form>
    </div>
  );
}
