'use client';

import Link from 'next/link';
import { refusalOf } from '@/lib/client/refusal';
import { useState } from 'react';
import { MARK_LEGEND, type EntryMarks } from '@/lib/domain/rounds/flow';
import type { FlowEntry, TRoundOpInput } from '@/lib/domain/rounds/types';
import type { RoundView } from '@/lib/domain/rounds/views';
import { RELATION_WORDS } from './entry-composer';
import { benchOfSpeech } from './round-words';
import styles from './rounds.module.css';

type Props = {
  round: RoundView;
  entry: FlowEntry;
  entries: FlowEntry[];
  marks: EntryMarks | undefined;
  send: (ops: TRoundOpInput[]) => Promise<string | null>;
  onError: (message: string) => void;
  onDone: () => void;
  onPromoted: () => void;
};

/**
 * The selected entry: what it answers, its marks in words, the card it is
 * linked to (with the passage the card quotes and the reader's own team's
 * notes), and what can be done with it: put it on the map, delete it.
 */
export function EntryDetails({
  round,
  entry,
  entries,
  marks,
  send,
  onError,
  onDone,
  onPromoted,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const speech = round.format.speeches[entry.speech];
  const bench = benchOfSpeech(round, entry.speech);
  const answers = entry.answersId ? entries.find((e) => e.id === entry.answersId) : null;
  const node = entry.nodeId ? round.nodes.find((n) => n.id === entry.nodeId) : null;
  const markWords = (['dropped', 'turned', 'extended'] as const).filter((m) => marks?.[m]);

  const promote = async () => {
    setBusy(true);
    try {
      const response = await fetch(`/api/rounds/${encodeURIComponent(round.id)}/promote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entryId: entry.id }),
      });
      if (!response.ok) onError(await refusalOf(response, 'The card was not made. Try again.'));
      else onPromoted();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.details} aria-labelledby="entry-title">
      <h3 id="entry-title" className={styles.detailsTitle}>
        {speech?.short ?? speech?.name} · {bench.name}
        {entry.teamId ? ' · team note' : ''}
      </h3>
      <p className={styles.entryText}>{entry.text}</p>
      {answers && entry.relation && (
        <p className={styles.muted}>
          {RELATION_WORDS[entry.relation]} “{answers.text}”
        </p>
      )}
      {markWords.length > 0 && (
        <ul className={styles.markList}>
          {markWords.map((m) => (
            <li key={m}>{MARK_LEGEND[m]}</li>
          ))}
        </ul>
      )}
      {node ? (
        <div className={styles.node}>
          <p>
            On the map:{' '}
            <Link href={`/maps/${round.map.id}?node=${encodeURIComponent(node.id)}`}>
              {node.text}
            </Link>
          </p>
          {node.quote && (
            <blockquote className={styles.quote}>
              “{node.quote.exact}”<footer>{node.quote.source}</footer>
            </blockquote>
          )}
          {node.notes.map((n, i) => (
            <p key={i} className={styles.note}>
              <strong>{n.team} note:</strong> {n.body}
            </p>
          ))}
        </div>
      ) : (
        entry.nodeId === null &&
        entry.teamId === null &&
        round.me.editMap && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => void promote()}
          >
            Add to the map
          </button>
        )
      )}
      {round.me.flow && (
        <div className={styles.row}>
          {confirming ? (
            <>
              <span>Delete this entry?</span>
              <button
                type="button"
                className="button button--danger button--small"
                onClick={() =>
                  void send([{ type: 'deleteEntry', id: entry.id }]).then((refused) => {
                    if (refused) onError(refused);
                    else onDone();
                  })
                }
              >
                Delete
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setConfirming(false)}
              >
                Keep it
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setConfirming(true)}
            >
              Delete entry…
            </button>
          )}
        </div>
      )}
    </section>
  );
}
