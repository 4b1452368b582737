'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { newId } from '@/lib/client/ids';
import {
  PRESET_TAGS,
  ratingDisagreements,
  type AnnotationView,
  type SocialView,
  type TeamLayer,
  type TSocialOpInput,
} from '@/lib/domain/social';
import type { GraphNode } from '@/lib/domain/types';
import { short, type Focus } from './focus';

type Props = {
  mapId: string;
  view: SocialView;
  nodes: GraphNode[];
  focus: Focus | null;
  shown: ReadonlySet<string>;
  onShow: (teamId: string, show: boolean) => void;
  onSend: (ops: TSocialOpInput[]) => Promise<boolean>;
  onReveal: (revealed: boolean) => void;
  onJump: (nodeId: string) => void;
};

const onNode = (a: AnnotationView, nodeId: string) =>
  a.target.kind === 'NODE' && a.target.nodeId === nodeId;
const on = (a: AnnotationView, focus: Focus) =>
  focus.kind === 'NODE'
    ? onNode(a, focus.id)
    : a.target.kind === 'EDGE' && a.target.edgeId === focus.id;

/**
 * The team layers: each team's private notes, ratings, tags and assignments
 * over the shared map. A student edits their own team's layer; the owner can
 * show any team's, several side by side, and reveal them all after the
 * debate.
 */
export function TeamNotesPanel({
  mapId,
  view,
  nodes,
  focus,
  shown,
  onShow,
  onSend,
  onReveal,
  onJump,
}: Props) {
  const text = useMemo(() => new Map(nodes.map((n) => [n.id, n.text])), [nodes]);
  const mine = view.layers.find((l) => l.mine) ?? null;
  const visible = view.layers.filter((l) => shown.has(l.teamId));

  return (
    <section className="social" aria-label="Team notes">
      <h2 className="social__title">Team notes</h2>
      {view.layers.length === 0 ? (
        <p className="social__empty">
          {view.myTeam === null
            ? 'You are not on a team for this map, so there are no team notes to show. Your teacher puts students on teams.'
            : 'No team layers yet.'}
        </p>
      ) : (
        <fieldset className="layer-toggles">
          <legend>Layers shown on the map</legend>
          {view.layers.map((layer) => (
            <label key={layer.teamId}>
              <input
                type="checkbox"
                checked={shown.has(layer.teamId)}
                onChange={(e) => onShow(layer.teamId, e.target.checked)}
              />
              <span className="team-dot" style={{ background: layer.color }} aria-hidden="true" />{' '}
              {layer.mine ? `Our team (${layer.name})` : layer.name}
            </label>
          ))}
        </fieldset>
      )}
      {view.canSeeAllLayers && (
        <p className="layer-reveal">
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => onReveal(!view.layersRevealed)}
          >
            {view.layersRevealed
              ? 'Hide the teams’ notes again'
              : 'Reveal every team’s notes to everyone'}
          </button>
          <span className="field__hint">
            {view.layersRevealed
              ? 'Every member can read all layers now (read-only).'
              : 'Until then each team sees only its own.'}
          </span>
        </p>
      )}
      {view.layersRevealed && !view.canSeeAllLayers && (
        <p className="field__hint">
          Your teacher revealed every team’s notes. Other teams’ layers are read-only.
        </p>
      )}

      {focus ? (
        <>
          {mine && view.myTeam && focus.kind === 'NODE' && (
            <OwnNotes
              key={`${focus.id}:${mine.annotations.length}`}
              nodeId={focus.id}
              nodeText={focus.label}
              layer={mine}
              members={view.myTeam.members}
              onSend={onSend}
            />
          )}
          {mine && view.myTeam && focus.kind === 'EDGE' && (
            <OwnEdgeNote
              key={`${focus.id}:${mine.annotations.length}`}
              focus={focus}
              layer={mine}
              onSend={onSend}
            />
          )}
          {visible
            .filter((l) => !l.mine)
            .map((layer) => (
              <LayerSummary key={layer.teamId} layer={layer} focus={focus} />
            ))}
        </>
      ) : (
        <>
          <p className="social__empty">
            Select a claim to rate it, tag it, note your answer or give it to a teammate to prepare;
            select a connection to note something about it.
          </p>
          {mine && (
            <p>
              <Link href={`/maps/${mapId}/prep`}>Open our team’s prep sheet</Link>
            </p>
          )}
          {mine && <MarkedPassages layer={mine} onSend={onSend} />}
          {view.canSeeAllLayers && visible.length >= 2 && (
            <Disagreements a={visible[0]!} b={visible[1]!} text={text} onJump={onJump} />
          )}
        </>
      )}
    </section>
  );
}

function OwnNotes({
  nodeId,
  nodeText,
  layer,
  members,
  onSend,
}: {
  nodeId: string;
  nodeText: string;
  layer: TeamLayer;
  members: { id: string; name: string }[];
  onSend: Props['onSend'];
}) {
  const here = layer.annotations.filter((a) => onNode(a, nodeId));
  const note = here.find((a) => a.kind === 'NOTE');
  const rating = here.find((a) => a.kind === 'RATING');
  const assignment = here.find((a) => a.kind === 'ASSIGNMENT');
  const tags = here.filter((a) => a.kind === 'TAG');
  const [noteText, setNoteText] = useState(note?.body ?? '');
  const [stars, setStars] = useState(rating?.rating ?? 0);
  const [reason, setReason] = useState(rating?.body ?? '');
  const [custom, setCustom] = useState('');
  useEffect(() => setNoteText(note?.body ?? ''), [note?.body]);
  const target = { kind: 'NODE' as const, nodeId };
  const upsert = (
    kind: AnnotationView['kind'],
    existing: AnnotationView | undefined,
    fields: Partial<{ body: string; rating: number; tag: string; assigneeId: string }>,
  ) =>
    onSend([
      {
        type: 'upsertAnnotation',
        id: existing?.id ?? newId(),
        teamId: layer.teamId,
        target,
        kind,
        ...fields,
      },
    ]);
  const toggleTag = (tag: string) => {
    const existing = tags.find((t) => t.tag === tag);
    return existing
      ? onSend([{ type: 'deleteAnnotation', id: existing.id }])
      : upsert('TAG', undefined, { tag });
  };

  return (
    <div className="own-notes" role="group" aria-label={`Our notes on “${nodeText.slice(0, 60)}”`}>
      <h3>Our notes on “{short(nodeText, 60)}”</h3>
      <form
        className="own-notes__row"
        onSubmit={(e) => {
          e.preventDefault();
          if (noteText.trim()) void upsert('NOTE', note, { body: noteText });
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
          />
        </label>
        <button type="submit" className="button button--small">
          Save note
        </button>
      </form>
      <form
        className="own-notes__row"
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
                {'★'.repeat(n)} {n}
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
      <fieldset className="tag-picker">
        <legend>Tags</legend>
        {[
          ...PRESET_TAGS,
          ...tags.map((t) => t.tag!).filter((t) => !(PRESET_TAGS as readonly string[]).includes(t)),
        ].map((tag) => (
          <label key={tag} className="tag-picker__tag">
            <input
              type="checkbox"
              checked={tags.some((t) => t.tag === tag)}
              onChange={() => void toggleTag(tag)}
            />{' '}
            {tag}
          </label>
        ))}
        <form
          className="tag-picker__custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (custom.trim()) void toggleTag(custom.trim()).then(() => setCustom(''));
          }}
        >
          <input
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            maxLength={40}
            aria-label="Custom tag"
            placeholder="Custom tag"
          />
          <button type="submit" className="button button--quiet button--small">
            Add tag
          </button>
        </form>
      </fieldset>
      <label className="field">
        <span>Prepared by</span>
        <select
          value={assignment?.assigneeId ?? ''}
          onChange={(e) =>
            void (e.target.value
              ? upsert('ASSIGNMENT', assignment, { assigneeId: e.target.value })
              : assignment && onSend([{ type: 'deleteAnnotation', id: assignment.id }]))
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

/** Our team's note on a connection (ratings, tags and assignments are for claims). */
function OwnEdgeNote({
  focus,
  layer,
  onSend,
}: {
  focus: Focus;
  layer: TeamLayer;
  onSend: Props['onSend'];
}) {
  const note = layer.annotations.find((a) => on(a, focus) && a.kind === 'NOTE');
  const [noteText, setNoteText] = useState(note?.body ?? '');
  useEffect(() => setNoteText(note?.body ?? ''), [note?.body]);
  return (
    <div className="own-notes" role="group" aria-label="Our notes on the selected connection">
      <h3>Our notes on the connection {focus.label}</h3>
      <form
        className="own-notes__row"
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

function LayerSummary({ layer, focus }: { layer: TeamLayer; focus: Focus }) {
  const here = layer.annotations.filter((a) => on(a, focus));
  return (
    <div className="layer-summary" role="group" aria-label={`${layer.name} notes`}>
      <h3>
        <span className="team-dot" style={{ background: layer.color }} aria-hidden="true" />{' '}
        {layer.name}
      </h3>
      {here.length === 0 ? (
        <p className="social__empty">
          Nothing on this {focus.kind === 'NODE' ? 'claim' : 'connection'}.
        </p>
      ) : (
        <ul>
          {here.map((a) => (
            <li key={a.id}>
              {a.kind === 'NOTE' && <>Note: {a.body}</>}
              {a.kind === 'RATING' && (
                <>
                  Strength {a.rating}/5{a.body && <>: {a.body}</>}
                </>
              )}
              {a.kind === 'TAG' && <>Tag: {a.tag}</>}
              {a.kind === 'ASSIGNMENT' && <>Prepared by {a.assigneeName}</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Disagreements({
  a,
  b,
  text,
  onJump,
}: {
  a: TeamLayer;
  b: TeamLayer;
  text: Map<string, string>;
  onJump: (id: string) => void;
}) {
  const rows = ratingDisagreements(a, b).filter((r) => text.has(r.nodeId));
  return (
    <div className="layer-summary" role="group" aria-label="Where the teams disagree">
      <h3>
        Where {a.name} and {b.name} disagree most
      </h3>
      {rows.length === 0 ? (
        <p className="social__empty">They have not rated the same claims yet.</p>
      ) : (
        <ol>
          {rows.slice(0, 10).map((r) => (
            <li key={r.nodeId}>
              <button type="button" className="link-button" onClick={() => onJump(r.nodeId)}>
                {(text.get(r.nodeId) ?? '').slice(0, 70)}
              </button>{' '}
              — {a.name} {r.a}/5, {b.name} {r.b}/5
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The passages our team highlighted or noted in the sources. */
function MarkedPassages({ layer, onSend }: { layer: TeamLayer; onSend: Props['onSend'] }) {
  const passages = layer.annotations.filter((a) => a.target.kind === 'SOURCE');
  if (passages.length === 0)
    return (
      <p className="social__empty">
        Select a passage in a source to highlight it or note it for your team.
      </p>
    );
  return (
    <div className="layer-summary" role="group" aria-label="Passages we marked">
      <h3>Passages we marked</h3>
      <ul>
        {passages.map((a) => (
          <li key={a.id}>
            “{(a.target as { exact: string }).exact.slice(0, 120)}”{a.body && <> — {a.body}</>}{' '}
            <button
              type="button"
              className="link-button link-button--danger"
              onClick={() => void onSend([{ type: 'deleteAnnotation', id: a.id }])}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
