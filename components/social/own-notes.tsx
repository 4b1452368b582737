'use client';

import { useState } from 'react';
import { newId } from '@/lib/client/ids';
import type { AnnotationView, TeamLayer, TSocialOpInput } from '@/lib/domain/social';
import { isOnNode } from './annotations';
import { short } from './focus';
import { TagPicker } from './tag-picker';
import styles from './team-notes.module.css';
import { useDraft } from './use-draft';

type Props = {
  nodeId: string;
  nodeText: string;
  /** Our team's layer. */
  layer: TeamLayer;
  /** Our team, who may be asked to prepare the claim. */
  members: readonly { id: string; name: string }[];
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
};

type Fields = Partial<{ body: string; rating: number; tag: string; assigneeId: string }>;

/** Our team's notes on a claim: a note, its strength and why, tags, and who prepares it. */
export function OwnNotes({ nodeId, nodeText, layer, members, onSend }: Props) {
  const here = layer.annotations.filter((a) => isOnNode(a, nodeId));
  const note = here.find((a) => a.kind === 'NOTE');
  const rating = here.find((a) => a.kind === 'RATING');
  const assignment = here.find((a) => a.kind === 'ASSIGNMENT');
  const tags = here.filter((a) => a.kind === 'TAG');
  const [noteText, setNoteText] = useDraft(note?.body ?? '');
  const [stars, setStars] = useState(rating?.rating ?? 0);
  const [reason, setReason] = useState(rating?.body ?? '');

  const upsert = (
    kind: AnnotationView['kind'],
    existing: AnnotationView | undefined,
    fields: Fields,
  ) =>
    onSend([
      {
        type: 'upsertAnnotation',
        id: existing?.id ?? newId(),
        teamId: layer.teamId,
        target: { kind: 'NODE', nodeId },
        kind,
        ...fields,
      },
    ]);
  const remove = (a: AnnotationView) => onSend([{ type: 'deleteAnnotation', id: a.id }]);
  const toggleTag = (tag: string) => {
    const existing = tags.find((t) => t.tag === tag);
    return existing ? remove(existing) : upsert('TAG', undefined, { tag });
  };

  return (
    <div
      className={styles.ownNotes}
      role="group"
      aria-label={`Our notes on “${nodeText.slice(0, 60)}”`}
    >
      <h3>Our notes on “{short(nodeText, 60)}”</h3>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          if (noteText.trim()) void upsert('NOTE', note, { body: noteText });
          else if (note) void remove(note);
        }}
      >
        <label className="field">
          <span>Team note</span>
          <textarea
            value={noteText}
            onChange={(e) => setNoteText(e.target.value)}
            rows={3}
            maxLength={2000}
          />
        </label>
        <button type="submit" className="button button--small">
          Save note
        </button>
      </form>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          if (stars) void upsert('RATING', rating, { rating: stars, body: reason });
        }}
      >
        <label className="field">
          <span>Strength (1 weak – 5 strong)</span>
          <select value={stars} onChange={(e) => setStars(Number(e.target.value))}>
            <option value={0}>Not rated</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n === 1 ? '1 (weak)' : n === 5 ? '5 (strong)' : n}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Why</span>
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={300}
            placeholder="A short reason"
          />
        </label>
        <button type="submit" className="button button--small" disabled={!stars}>
          Save rating
        </button>
      </form>
      <TagPicker tags={tags.map((t) => t.tag!)} onToggle={toggleTag} />
      <label className="field">
        <span>Prepared by</span>
        <select
          value={assignment?.assigneeId ?? ''}
          onChange={(e) =>
            void (e.target.value
              ? upsert('ASSIGNMENT', assignment, { assigneeId: e.target.value })
              : assignment && remove(assignment))
          }
        >
          <option value="">Nobody yet</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
