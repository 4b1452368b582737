'use client';

import Link from 'next/link';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { BackIcon } from '@/components/ui/icons';
import { ConfirmRemove } from '@/components/ui/confirm-remove';
import { PrintButton } from '@/components/ui/print-button';
import type { FormAction } from '@/lib/domain/form-state';
import { useRound } from '@/lib/client/use-round';
import { flowMarks, MARK_LEGEND } from '@/lib/domain/rounds/flow';
import type { RoundView } from '@/lib/domain/rounds/views';
import { BallotForm } from './ballot-form';
import { BallotResults } from './ballot-results';
import { EditRoundForm } from './edit-round-form';
import { EntryDetails } from './entry-details';
import { FlowView } from './flow-view';
import { RoundClock } from './round-clock';
import { benchOf } from './round-words';
import { SpeechOrder } from './speech-order';
import styles from './rounds.module.css';

/**
 * A practice round's page, for everyone in it: who sits where and speaks
 * when, the clocks, the flow (live for all), the selected entry with its
 * card, and the ballots (a judge's own to fill in; released ones for all).
 */
export function RoundRoom({
  initial,
  deleteAction,
  editAction,
}: {
  initial: RoundView;
  /** Deletes the round (its managers'). */
  deleteAction: FormAction;
  /** Corrects its motion, benches, judges and chair (its managers'). */
  editAction: FormAction;
}) {
  const live = useRound(initial);
  const { view: round, entries, clock } = live;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [reveal, setReveal] = useState<{ id: string; n: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onError = useCallback((message: string) => setNotice(message), []);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const editId = useId();
  const { reload } = live;
  const onEdited = useCallback(
    (message: string | undefined) => {
      setEditing(false);
      setSaved(message ?? 'Round saved.');
      editButton.current?.focus();
      // The stream brings it too; this page shows it even while reconnecting.
      void reload();
    },
    [reload],
  );
  // A save refused as stale: the round as it is now (the stream may not have brought it yet).
  const onStale = useCallback(() => void reload(), [reload]);
  const selected = selectedId ? entries.find((e) => e.id === selectedId) : undefined;
  const marks = useMemo(
    () => flowMarks(round.format, entries, clock.speech),
    [round.format, entries, clock.speech],
  );
  // The ballot ties to what is on the flow now, not when the page was read.
  const roundNow = useMemo(() => ({ ...round, entries }), [round, entries]);

  return (
    <main className={styles.room}>
      <Link href={`/maps/${round.map.id}/rounds`} className={styles.back}>
        <BackIcon /> Rounds on “{round.map.title}”
      </Link>
      <header className={styles.header}>
        <h1 className={styles.title}>
          Round {round.number}: {round.format.name}
        </h1>
        <p className={styles.motion}>
          Motion: <strong>{round.motion}</strong>
        </p>
        <ul className={styles.benches} aria-label="Benches">
          {round.format.positions.map((p) => {
            const bench = benchOf(round, p.key);
            const members = round.seats.find((s) => s.position === p.key)?.team.members ?? [];
            return (
              <li key={p.key} className={p.side === 'FOR' ? styles.benchFor : styles.benchAgainst}>
                <strong>{p.name}</strong> ({p.side === 'FOR' ? 'for' : 'against'}): {bench.team}
                {members.length > 0 && (
                  <span className={styles.muted}> · {members.map((m) => m.name).join(', ')}</span>
                )}
              </li>
            );
          })}
          <li>
            <strong>Judges:</strong>{' '}
            {round.judges.length
              ? round.judges.map((j) => `${j.name}${j.chair ? ' (chair)' : ''}`).join(', ')
              : 'none'}
          </li>
        </ul>
        {round.me.manage && (
          <div className={styles.row}>
            {round.lineUp && (
              <button
                ref={editButton}
                type="button"
                className="button button--quiet button--small"
                aria-expanded={editing}
                aria-controls={editing ? editId : undefined}
                onClick={() => {
                  setEditing((open) => !open);
                  setSaved(null);
                }}
              >
                Edit round
              </button>
            )}
            <ConfirmRemove
              name={`round ${round.number}`}
              verb="Delete"
              pendingLabel="Deleting…"
              question={`Delete round ${round.number}?`}
              explanation="Its flow, clocks and ballots go with it, for everyone. Cards already added to the map stay on the map."
              formLabel={`Delete round ${round.number}`}
              fields={{ mapId: round.map.id, roundId: round.id }}
              action={deleteAction}
            />
          </div>
        )}
        {saved && (
          <p className={styles.saved} role="status">
            {saved}
          </p>
        )}
        {editing && round.lineUp && (
          <section id={editId} aria-labelledby={`${editId}-title`} className={styles.editPanel}>
            <div className={styles.sectionHead}>
              <h2 id={`${editId}-title`}>Edit round {round.number}</h2>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => {
                  setEditing(false);
                  editButton.current?.focus();
                }}
              >
                Cancel
              </button>
            </div>
            <EditRoundForm
              round={round}
              lineUp={round.lineUp}
              action={editAction}
              onDone={onEdited}
              onStale={onStale}
            />
          </section>
        )}
        <p className={styles.status} aria-live="polite">
          {live.status === 'live'
            ? 'Live'
            : live.status === 'reconnecting'
              ? 'Reconnecting…'
              : 'Not live: reload the page'}
        </p>
      </header>

      {live.gone && (
        <div role="alert" className={styles.notice}>
          This round was deleted.{' '}
          <Link href={`/maps/${round.map.id}/rounds`}>See the map’s rounds</Link>
        </div>
      )}
      {notice && (
        <div role="alert" className={styles.notice}>
          {notice}{' '}
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}

      <div className={styles.top}>
        <RoundClock
          round={round}
          clock={clock}
          serverNow={live.serverNow}
          send={live.send}
          onError={onError}
        />
        <details className={styles.orderBox} open>
          <summary>Speech order</summary>
          <SpeechOrder round={round} current={clock.speech} />
        </details>
      </div>

      <section aria-labelledby="flow-title" className={styles.flowSection}>
        <div className={styles.sectionHead}>
          <h2 id="flow-title">Flow</h2>
          <PrintButton />
        </div>
        <div className={styles.flowLayout}>
          <FlowView
            round={round}
            entries={entries}
            clock={clock}
            marks={marks}
            send={live.send}
            onError={onError}
            selectedId={selectedId}
            onSelect={setSelectedId}
            reveal={reveal}
          />
          {selected && (
            <EntryDetails
              key={selected.id}
              round={round}
              entry={selected}
              entries={entries}
              marks={marks.get(selected.id)}
              send={live.send}
              onError={onError}
              onDone={() => setSelectedId(null)}
              onPromoted={() => void live.reload()}
            />
          )}
        </div>
        <ul className={styles.legend} aria-label="Marks on the flow">
          {Object.values(MARK_LEGEND).map((words) => (
            <li key={words}>{words}</li>
          ))}
        </ul>
      </section>

      <div className={styles.ballots}>
        {round.me.judge && <BallotForm round={roundNow} onSaved={() => void live.reload()} />}
        <BallotResults
          round={roundNow}
          onShowEntry={(id) => {
            setSelectedId(id);
            setReveal((r) => ({ id, n: (r?.n ?? 0) + 1 }));
          }}
        />
      </div>
    </main>
  );
}
