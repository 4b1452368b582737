'use client';

import { useState } from 'react';
import { CloseIcon } from '@/components/ui/icons';
import type { TieTarget } from './ballot-words';
import styles from './ballots.module.css';

/** A reason being written, with the flow entries and map cards it is tied to. */
export type ReasonDraft = { key: string; text: string; entryIds: string[]; nodeIds: string[] };

type Props = {
  reasons: ReasonDraft[];
  onChange: (reasons: ReasonDraft[]) => void;
  targets: { entries: TieTarget[]; nodes: TieTarget[] };
  disabled: boolean;
};

const MAX_REASONS = 20;
const MAX_TIES = 20;
const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

let counter = 0;
export const newReason = (): ReasonDraft => ({
  key: `reason-${++counter}`,
  text: '',
  entryIds: [],
  nodeIds: [],
});

/**
 * "Reasons tied to the flow": each reason is a short text and the entries of
 * the flow or cards of the map it rests on, chosen from one list grouped
 * "Flow" and "Map" and added with a button (keyboard and screen readers use
 * the native select). A tie shows as a chip with its own remove button.
 */
export function BallotTies({ reasons, onChange, targets, disabled }: Props) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const update = (key: string, change: Partial<ReasonDraft>) =>
    onChange(reasons.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const all = [...targets.entries, ...targets.nodes];
  const labelOf = (kind: TieTarget['kind'], id: string) =>
    all.find((t) => t.kind === kind && t.id === id)?.label ??
    (kind === 'entry' ? 'an entry no longer on the flow' : 'a card no longer on the map');

  return (
    <fieldset className={styles.group}>
      <legend>Reasons tied to the flow</legend>
      <p className="field__hint">
        Optional: say what decided the round, point by point, and tie each point to what was said on
        the flow or to a card of the map.
      </p>
      {reasons.length > 0 && (
        <ol className={styles.reasons}>
          {reasons.map((reason, index) => {
            const n = index + 1;
            const ties = [
              ...reason.entryIds.map((id) => ({ kind: 'entry' as const, id })),
              ...reason.nodeIds.map((id) => ({ kind: 'node' as const, id })),
            ];
            const tied = (t: TieTarget) =>
              (t.kind === 'entry' ? reason.entryIds : reason.nodeIds).includes(t.id);
            return (
              <li key={reason.key} className={styles.reason}>
                <label className="field">
                  <span>Reason {n}</span>
                  <textarea
                    ref={(el) => {
                      if (el && focusKey === reason.key) {
                        el.focus();
                        setFocusKey(null);
                      }
                    }}
                    rows={2}
                    maxLength={1000}
                    value={reason.text}
                    readOnly={disabled}
                    onChange={(e) => update(reason.key, { text: e.target.value })}
                  />
                </label>
                {ties.length > 0 && (
                  <ul className={styles.chips} aria-label={`Reason ${n} is tied to`}>
                    {ties.map((tie) => {
                      const label = labelOf(tie.kind, tie.id);
                      return (
                        <li key={`${tie.kind}:${tie.id}`} className={styles.chip}>
                          <span className={styles.chipKind}>
                            {tie.kind === 'entry' ? 'Flow' : 'Map'}
                          </span>
                          <span className={styles.chipText}>{short(label, 60)}</span>
                          {!disabled && (
                            <button
                              type="button"
                              className={styles.chipRemove}
                              aria-label={`Remove tie to ${label}`}
                              onClick={() =>
                                update(
                                  reason.key,
                                  tie.kind === 'entry'
                                    ? { entryIds: reason.entryIds.filter((x) => x !== tie.id) }
                                    : { nodeIds: reason.nodeIds.filter((x) => x !== tie.id) },
                                )
                              }
                            >
                              <CloseIcon />
                            </button>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                {!disabled && (
                  <TiePicker
                    n={n}
                    entries={targets.entries.filter((t) => !tied(t))}
                    nodes={targets.nodes.filter((t) => !tied(t))}
                    full={reason.entryIds.length >= MAX_TIES || reason.nodeIds.length >= MAX_TIES}
                    onAdd={(t) =>
                      update(
                        reason.key,
                        t.kind === 'entry'
                          ? { entryIds: [...reason.entryIds, t.id] }
                          : { nodeIds: [...reason.nodeIds, t.id] },
                      )
                    }
                    onRemoveReason={() => onChange(reasons.filter((r) => r.key !== reason.key))}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {!disabled && reasons.length < MAX_REASONS && (
        <div>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              const reason = newReason();
              setFocusKey(reason.key);
              onChange([...reasons, reason]);
            }}
          >
            Add a reason
          </button>
        </div>
      )}
    </fieldset>
  );
}

function TiePicker({
  n,
  entries,
  nodes,
  full,
  onAdd,
  onRemoveReason,
}: {
  n: number;
  entries: TieTarget[];
  nodes: TieTarget[];
  full: boolean;
  onAdd: (target: TieTarget) => void;
  onRemoveReason: () => void;
}) {
  const [choice, setChoice] = useState('');
  const chosen = [...entries, ...nodes].find((t) => `${t.kind}:${t.id}` === choice);
  return (
    <div className={styles.picker}>
      <label className="field">
        <span>Tie reason {n} to</span>
        <select value={chosen ? choice : ''} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose an entry or a card</option>
          {entries.length > 0 && (
            <optgroup label="Flow">
              {entries.map((t) => (
                <option key={t.id} value={`entry:${t.id}`}>
                  {short(t.label)}
                </option>
              ))}
            </optgroup>
          )}
          {nodes.length > 0 && (
            <optgroup label="Map">
              {nodes.map((t) => (
                <option key={t.id} value={`node:${t.id}`}>
                  {short(t.label)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <div className={styles.pickerButtons}>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label={`Add tie to reason ${n}`}
          disabled={!chosen || full}
          onClick={() => {
            if (!chosen) return;
            onAdd(chosen);
            setChoice('');
          }}
        >
          Add tie
        </button>
        <button
          type="button"
          className="button button--quiet button--danger button--small"
          onClick={onRemoveReason}
        >
          Remove reason {n}
        </button>
      </div>
    </div>
  );
}
