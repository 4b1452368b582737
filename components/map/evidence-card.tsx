'use client';

import { useId, useRef, useState } from 'react';
import { HighlightIcon, UnderlineIcon } from '@/components/ui/icons';
import { newId } from '@/lib/client/ids';
import {
  applyMark,
  EMPTY_MARKS,
  isMarked,
  READING_RATES,
  readAloud,
  type CardMarks,
  type MarkLayer,
  type MarkRange,
} from '@/lib/domain/evidence/card';
import type { TOp } from '@/lib/domain/ops';
import type { GraphNode } from '@/lib/domain/types';
import { CardPassage } from './card-passage';
import styles from './evidence-card.module.css';
import { useReadingRate } from './use-reading-rate';

/** The reader's team, for its own cut of the card (private to the team). */
export type TeamCut = {
  name: string;
  /** The team's cut as stored: its note's id and marks; null before the team first cuts it. */
  cut: { id: string; marks: CardMarks } | null;
  save: (id: string, marks: CardMarks) => Promise<boolean>;
};

type Props = {
  node: GraphNode;
  /** The source's citation line. */
  cite?: string;
  /** For editors: change the shared card (optimistic, undoable). */
  onOps?: (ops: TOp[]) => void;
  team?: TeamCut | null;
};

const LAYER_LABEL: Record<MarkLayer, string> = { underline: 'Underline', highlight: 'Highlight' };

/** "0:42" for 42 seconds. */
const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * An evidence node as a debate card: its tag (the node's text), the cite,
 * and the quoted passage with the words the class underlined (context) and
 * highlighted (read aloud); with a team's own cut beside the shared one.
 */
export function EvidenceCard({ node, cite, onOps, team }: Props) {
  const [mode, setMode] = useState<'shared' | 'team'>('shared');
  const [range, setRange] = useState<MarkRange | null>(null);
  const [rate, setRate] = useReadingRate();
  const passageRef = useRef<HTMLDivElement>(null);
  const base = useId();
  const anchor = node.anchor;
  if (node.kind !== 'EVIDENCE' || !anchor) return null;

  if (!node.card) {
    if (!onOps) return null;
    return (
      <section className={styles.card} aria-labelledby={`${base}-title`}>
        <h2 id={`${base}-title`} className={styles.title}>
          Card
        </h2>
        <p className={styles.hint}>
          Cut this quote as a card to underline its context and highlight the words you will read
          aloud.
        </p>
        <button
          type="button"
          className="button"
          onClick={() =>
            onOps([
              { type: 'updateNode', id: node.id, baseVersion: node.version, card: EMPTY_MARKS },
            ])
          }
        >
          Cut as a card
        </button>
      </section>
    );
  }

  const ours = mode === 'team' && team;
  const marks = ours ? (team.cut?.marks ?? node.card) : node.card;
  const canMark = ours ? true : Boolean(onOps);
  const { words, seconds } = readAloud(anchor.exact, marks, rate);

  const toggle = (layer: MarkLayer) => {
    if (!range) return;
    const on = !isMarked(marks[layer], range);
    if (ours) void team.save(team.cut?.id ?? newId(), applyMark(marks, layer, range, on));
    else onOps?.([{ type: 'markCard', id: node.id, layer, range, on }]);
  };

  return (
    <section className={styles.card} aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`} className={styles.title}>
        Card
      </h2>
      {team && (
        <fieldset className={styles.modes}>
          <legend className={styles.srOnly}>Which cut</legend>
          {(['shared', 'team'] as const).map((m) => (
            <label key={m} className={styles.mode}>
              <input
                type="radio"
                name={`${base}-mode`}
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              {m === 'shared' ? 'Shared cut' : 'Our team’s cut'}
            </label>
          ))}
        </fieldset>
      )}
      {ours && (
        <p className={styles.private}>
          Private to {team.name}: only your team sees this cut.
          {!team.cut && ' It starts as a copy of the shared cut.'}
        </p>
      )}
      <p className={styles.tag}>{node.text}</p>
      {cite && <p className={styles.cite}>{cite}</p>}
      {canMark && (
        <div className={styles.tools} role="toolbar" aria-label="Mark the selected words">
          {(['underline', 'highlight'] as const).map((layer) => (
            <button
              key={layer}
              type="button"
              className={`button button--quiet ${styles.tool}`}
              aria-pressed={range ? isMarked(marks[layer], range) : false}
              disabled={!range}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => toggle(layer)}
            >
              {layer === 'underline' ? <UnderlineIcon /> : <HighlightIcon />}
              {LAYER_LABEL[layer]}
            </button>
          ))}
          <span className={styles.hint} aria-live="polite">
            {range ? `${range[1] - range[0]} characters selected` : 'Select words in the passage'}
          </span>
        </div>
      )}
      <CardPassage anchor={anchor} marks={marks} passageRef={passageRef} onSelect={setRange} />
      <p className={styles.readout}>
        <span>
          Reads in <strong>{clock(seconds)}</strong> at {rate} words a minute ({words} highlighted{' '}
          {words === 1 ? 'word' : 'words'})
        </span>
        <label className={styles.rate}>
          Words a minute{' '}
          <select value={rate} onChange={(event) => setRate(Number(event.target.value))}>
            {READING_RATES.map((r) => (
              <option key={r} value={r}>
                {r}
                {r === 150 ? ' (conversational)' : r >= 300 ? ' (fast)' : ''}
              </option>
            ))}
          </select>
        </label>
      </p>
    </section>
  );
}
