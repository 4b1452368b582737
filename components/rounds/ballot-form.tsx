'use client';

import { refusalOf } from '@/lib/client/refusal';
import { useId, useState } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import {
  ballotProblem,
  scoreSlots,
  ZBallotInput,
  type BallotInput,
} from '@/lib/domain/rounds/ballot';
import type { BallotView, RoundView } from '@/lib/domain/rounds/views';
import { BallotTies, newReason, type ReasonDraft } from './ballot-ties';
import { slotKey, BallotPoints } from './ballot-points';
import { benchLabel, tieTargets } from './ballot-words';
import { ReleaseDialog } from './release-dialog';
import styles from './ballots.module.css';

const ORDINALS = ['1st', '2nd', '3rd', '4th'];

/**
 * A judge's ballot for the round: the decision as the format has it (a
 * winner, or a rank for each bench), speaker points when the format gives
 * them, the reason for decision and reasons tied to the flow or the map.
 * "Save draft" keeps it private to the judge; "Release ballot" (after a
 * confirmation) gives it to the teams, and it can no longer change. The
 * form checks the ballot first for a quick message; the server decides.
 */
export function BallotForm({ round, onSaved }: { round: RoundView; onSaved: () => void }) {
  const { format } = round;
  const own = round.ballots.find((b) => b.judge.id === round.me.id);
  const [winner, setWinner] = useState(own && 'winner' in own.decision ? own.decision.winner : '');
  const [ranks, setRanks] = useState<Record<string, string>>(() =>
    own && 'ranks' in own.decision
      ? Object.fromEntries(Object.entries(own.decision.ranks).map(([k, r]) => [k, String(r)]))
      : {},
  );
  const [points, setPoints] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      (own?.scores ?? []).map((s) => [slotKey(s.position, s.speaker), String(s.points)]),
    ),
  );
  const [reason, setReason] = useState(own?.reason ?? '');
  const [reasons, setReasons] = useState<ReasonDraft[]>(() =>
    (own?.ties ?? []).map((t) => ({ ...newReason(), ...t })),
  );
  const [saved, setSaved] = useState<BallotView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const groupName = useId();

  const latest = saved ?? own ?? null;
  const released = latest?.releasedAt != null;
  const slots = scoreSlots(format);
  const targets = tieTargets(round);

  /** The ballot as the server takes it, or why it cannot be sent yet. */
  function build(final: boolean): { ballot: BallotInput } | { problem: string } {
    const scores = [];
    for (const slot of slots) {
      const value = points[slotKey(slot.position, slot.speaker)]?.trim() ?? '';
      if (value === '') continue;
      const n = Number(value);
      if (!Number.isFinite(n)) return { problem: `${slot.label}: write the points as a number.` };
      scores.push({ position: slot.position, speaker: slot.speaker, points: n });
    }
    const given = Object.entries(ranks).filter(([, r]) => r !== '');
    const raw = {
      decision:
        format.ballot.decision === 'winner'
          ? winner
            ? { winner }
            : {}
          : given.length > 0
            ? { ranks: Object.fromEntries(given.map(([k, r]) => [k, Number(r)])) }
            : {},
      scores,
      reason,
      ties: reasons
        .filter((r) => r.text.trim() !== '' || r.entryIds.length + r.nodeIds.length > 0)
        .map(({ text, entryIds, nodeIds }) => ({ text, entryIds, nodeIds })),
    };
    const parsed = ZBallotInput.safeParse(raw);
    if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'Check the ballot.' };
    const problem = ballotProblem(format, parsed.data, { final });
    return problem ? { problem } : { ballot: parsed.data };
  }

  async function send(release: boolean) {
    const built = build(release);
    if ('problem' in built) {
      setError(built.problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/rounds/${round.id}/ballot`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ballot: built.ballot, release }),
      });
      if (!response.ok) {
        setError(await refusalOf(response, 'The ballot could not be saved. Try again.'));
        return;
      }
      setSaved((await response.json()) as BallotView);
      onSaved();
    } catch {
      setError('No connection: the ballot was not saved. Try again.');
    } finally {
      setBusy(false);
    }
  }

  function askToRelease() {
    const built = build(true);
    if ('problem' in built) setError(built.problem);
    else {
      setError(null);
      setConfirming(true);
    }
  }

  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.title}>
        Your ballot
      </h2>
      <p className={styles.status} role="status">
        {released && latest?.releasedAt ? (
          <>
            Released <LocalTime value={latest.releasedAt} />: the teams see it, and it can no longer
            change.
          </>
        ) : latest ? (
          <>
            Draft saved <LocalTime value={latest.updatedAt} />. Only you see it until you release
            it.
          </>
        ) : (
          'Only you see your ballot until you release it.'
        )}
      </p>
      <form
        className={styles.form}
        aria-labelledby={headingId}
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && !released) void send(false);
        }}
      >
        <div className={styles.plain}>
          {format.ballot.decision === 'winner' ? (
            <fieldset className={`choice ${styles.group}`}>
              <legend>Who won</legend>
              {format.positions.map((bench) => (
                <label key={bench.key}>
                  <input
                    type="radio"
                    name={groupName}
                    value={bench.key}
                    checked={winner === bench.key}
                    disabled={released}
                    onChange={() => setWinner(bench.key)}
                  />
                  <span>{benchLabel(round, bench.key)}</span>
                </label>
              ))}
            </fieldset>
          ) : (
            <fieldset className={styles.group}>
              <legend>Ranking</legend>
              <p className="field__hint">Give each bench a different rank, 1st the best.</p>
              {format.positions.map((bench) => (
                <label key={bench.key} className={`field ${styles.inline}`}>
                  <span>{benchLabel(round, bench.key)}</span>
                  <select
                    value={ranks[bench.key] ?? ''}
                    disabled={released}
                    onChange={(e) => setRanks((r) => ({ ...r, [bench.key]: e.target.value }))}
                  >
                    <option value="">No rank</option>
                    {format.positions.map((_, i) => (
                      <option key={i} value={i + 1}>
                        {ORDINALS[i] ?? i + 1}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}

          <BallotPoints
            round={round}
            points={points}
            onChange={(key, value) => setPoints((p) => ({ ...p, [key]: value }))}
            readOnly={released}
          />

          <label className="field">
            <span>Reason for decision</span>
            <textarea
              rows={5}
              maxLength={5000}
              value={reason}
              readOnly={released}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>

          <BallotTies
            reasons={reasons}
            onChange={setReasons}
            targets={targets}
            disabled={released}
          />
        </div>

        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        {!released && (
          <div className={styles.actions}>
            <button type="submit" className="button button--quiet" disabled={busy}>
              {busy ? 'Saving…' : 'Save draft'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={askToRelease}>
              Release ballot
            </button>
          </div>
        )}
      </form>
      {confirming && (
        <ReleaseDialog
          onConfirm={() => {
            setConfirming(false);
            void send(true);
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
