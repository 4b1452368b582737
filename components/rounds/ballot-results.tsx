'use client';

import Link from 'next/link';
import { useId } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { scoreSlots } from '@/lib/domain/rounds/ballot';
import type { BallotView, RoundView } from '@/lib/domain/rounds/views';
import { benchLabel, decisionInWords, speakerName, tieTargets } from './ballot-words';
import styles from './ballots.module.css';

type Props = { round: RoundView; onShowEntry: (entryId: string) => void };

/**
 * The round's released ballots, one per judge: the decision in words, the
 * points, the reason for decision and each reason tied to the flow (an
 * entry shows it on the flow) or to the map (a card opens on the map).
 */
export function BallotResults({ round, onShowEntry }: Props) {
  const headingId = useId();
  const released = round.ballots.filter((b) => b.releasedAt !== null);
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.title}>
        Results
      </h2>
      {released.length === 0 ? (
        <p className={styles.empty}>No ballot released yet.</p>
      ) : (
        <ul className={styles.results}>
          {released.map((ballot) => (
            <li key={ballot.id}>
              <ReleasedBallot round={round} ballot={ballot} onShowEntry={onShowEntry} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReleasedBallot({ round, ballot, onShowEntry }: Props & { ballot: BallotView }) {
  const headingId = useId();
  const rankingId = useId();
  const words = decisionInWords(round, ballot.decision);
  const targets = tieTargets(round);
  const slots = scoreSlots(round.format);
  const scores = slots.flatMap((slot) => {
    const score = ballot.scores.find(
      (s) => s.position === slot.position && s.speaker === slot.speaker,
    );
    return score ? [{ ...slot, points: score.points }] : [];
  });
  return (
    <article className={styles.result} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.resultTitle}>
        Ballot of {ballot.judge.name}
      </h3>
      <p className={styles.meta}>
        Released <LocalTime value={ballot.releasedAt!} />
      </p>
      {typeof words === 'string' ? (
        <p className={styles.decision}>{words}</p>
      ) : (
        <>
          <h4 id={rankingId} className={styles.subTitle}>
            Ranking
          </h4>
          <ol className={styles.ranking} aria-labelledby={rankingId}>
            {words.map((bench) => (
              <li key={bench}>{bench}</li>
            ))}
          </ol>
        </>
      )}

      {scores.length > 0 && (
        <div className={styles.tableScroll}>
          <table className={styles.table}>
            <caption>Speaker points</caption>
            <thead>
              <tr>
                <th scope="col">Speaker</th>
                <th scope="col">Points</th>
              </tr>
            </thead>
            {round.format.positions.map((bench) => {
              const rows = scores.filter((s) => s.position === bench.key);
              if (rows.length === 0) return null;
              return (
                <tbody key={bench.key}>
                  {rows.map((row) => {
                    const name = speakerName(round, row.position, row.speaker);
                    return (
                      <tr key={row.speaker}>
                        <th scope="row">
                          {row.label}
                          {name && ` (${name})`}
                        </th>
                        <td>{row.points}</td>
                      </tr>
                    );
                  })}
                  <tr className={styles.totalRow}>
                    <th scope="row">Total, {benchLabel(round, bench.key)}</th>
                    <td>{rows.reduce((sum, r) => sum + r.points, 0)}</td>
                  </tr>
                </tbody>
              );
            })}
          </table>
        </div>
      )}

      {ballot.reason && (
        <>
          <h4 className={styles.subTitle}>Reason for decision</h4>
          <p className={styles.reasonText}>{ballot.reason}</p>
        </>
      )}

      {ballot.ties.length > 0 && (
        <>
          <h4 className={styles.subTitle}>Reasons tied to the flow</h4>
          <ol className={styles.tiedReasons}>
            {ballot.ties.map((tie, i) => (
              <li key={i}>
                <p className={styles.reasonText}>{tie.text}</p>
                {tie.entryIds.length + tie.nodeIds.length > 0 && (
                  <ul className={styles.chips} aria-label="Tied to">
                    {tie.entryIds.map((id) => {
                      const entry = targets.entries.find((t) => t.id === id);
                      return (
                        <li key={id} className={styles.chip}>
                          <span className={styles.chipKind}>Flow</span>
                          {entry ? (
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => onShowEntry(id)}
                            >
                              <span className="visually-hidden">Show on the flow: </span>
                              {entry.label}
                            </button>
                          ) : (
                            <span className={styles.chipText}>An entry no longer on the flow</span>
                          )}
                        </li>
                      );
                    })}
                    {tie.nodeIds.map((id) => {
                      const node = targets.nodes.find((t) => t.id === id);
                      return (
                        <li key={id} className={styles.chip}>
                          <span className={styles.chipKind}>Map</span>
                          {node ? (
                            <Link href={`/maps/${round.map.id}?node=${encodeURIComponent(id)}`}>
                              <span className="visually-hidden">Open on the map: </span>
                              {node.label}
                            </Link>
                          ) : (
                            <span className={styles.chipText}>A card no longer on the map</span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
