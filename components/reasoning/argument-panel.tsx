'use client';

import { useId, useMemo, useState } from 'react';
import { newId } from '@/lib/client/ids';
import {
  estimateNewNodeHeight,
  estimateNodeHeight,
  NODE_WIDTH,
  spotNextTo,
} from '@/lib/domain/layout';
import { OpError } from '@/lib/domain/op-checks';
import type { TOp } from '@/lib/domain/ops';
import { argumentsOf } from '@/lib/domain/reasoning/arguments';
import {
  answerCriticalQuestion,
  criticalQuestionSlots,
  tagArgument,
  type CqSlot,
} from '@/lib/domain/reasoning/critical-questions';
import { ATTACK_KINDS, SCHEMES, schemeById } from '@/lib/domain/reasoning/schemes';
import type { GraphEdge, GraphNode, Side } from '@/lib/domain/types';
import styles from './argument-panel.module.css';

type Props = {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  /** The selected connection: the panel shows when it is a support. */
  edgeId: string | null;
  direction: 'UP' | 'LEFT';
  /** Performs ops through the map's edit path (undoable, sent, live); absent for readers. */
  onOps?: (ops: TOp[]) => void;
  /** Closes the panel (deselects the connection). */
  onClose: () => void;
};

const ATTACK_WORDS: Record<(typeof ATTACK_KINDS)[number], string> = {
  undermine: 'questions a premise',
  undercut: 'questions the step to the conclusion',
  rebut: 'argues the conclusion is false',
};

const OPPOSITE: Record<Side, Side> = { FOR: 'AGAINST', AGAINST: 'FOR', NEUTRAL: 'NEUTRAL' };

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * The argument a selected support belongs to (arguments.ts): its scheme,
 * chosen from the catalogue, and the scheme's critical questions as slots;
 * without one, the scheme name of the AIF file it was imported from, if any
 * (choosing a scheme replaces that name, apply-op.ts).
 * An open slot is answered in place: the answer becomes an objection that
 * attacks what the question targets, made by the ordinary ops
 * (critical-questions.ts), so it is undoable and goes live like any edit.
 */
export function ArgumentPanel({ nodes, edges, edgeId, direction, onOps, onClose }: Props) {
  const graph = useMemo(() => ({ nodes, edges }), [nodes, edges]);
  const argument = useMemo(
    () => (edgeId ? argumentsOf(graph).find((a) => a.edgeIds.includes(edgeId)) : undefined),
    [graph, edgeId],
  );
  const schemeField = useId();
  if (!argument) return null;
  const first = edges.find((e) => e.id === argument.edgeIds[0]);
  const scheme = first?.scheme ? schemeById(first.scheme) : undefined;
  // An AIF file's own name for the scheme, which the catalogue has no entry for.
  const imported = scheme
    ? undefined
    : edges.find((e) => argument.edgeIds.includes(e.id) && e.schemeName)?.schemeName;
  const slots = scheme ? criticalQuestionSlots(graph, argument.key) : [];
  const textOf = (id: string) => nodes.find((n) => n.id === id)?.text ?? '';

  const answer = (slot: CqSlot, text: string, premiseId: string | undefined): string | null => {
    if (!onOps) return null;
    const target =
      slot.question.attack === 'rebut' ? argument.conclusion : (premiseId ?? argument.premises[0]!);
    const targetNode = nodes.find((n) => n.id === target);
    const box = (n: GraphNode) => ({
      id: n.id,
      x: n.x,
      y: n.y,
      width: NODE_WIDTH,
      height: estimateNodeHeight(n.text, !!n.anchor),
    });
    const size = { width: NODE_WIDTH, height: estimateNewNodeHeight(text, false) };
    const at = targetNode
      ? spotNextTo(
          nodes.filter((n) => n.id !== target).map(box),
          box(targetNode),
          size,
          'reason',
          direction,
        )
      : { x: 0, y: 0 };
    try {
      onOps(
        answerCriticalQuestion(graph, {
          argument: argument.key,
          question: slot.question.id,
          text,
          premiseId: slot.question.attack === 'undermine' ? premiseId : undefined,
          nodeId: newId(),
          edgeId: newId(),
          side: targetNode ? OPPOSITE[targetNode.side] : 'NEUTRAL',
          at,
        }),
      );
      return null;
    } catch (error) {
      if (error instanceof OpError) return error.message;
      throw error;
    }
  };

  return (
    <section
      className={styles.panel}
      aria-label="Argument"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) onClose();
      }}
    >
      <div className={styles.head}>
        <h2 className={styles.title}>Argument for “{short(textOf(argument.conclusion))}”</h2>
        <button
          type="button"
          className={styles.close}
          aria-label="Close the argument"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <label className={styles.field} htmlFor={schemeField}>
        Argument scheme
      </label>
      <select
        id={schemeField}
        value={scheme?.id ?? ''}
        disabled={!onOps}
        onChange={(e) => onOps?.(tagArgument(graph, argument.key, e.target.value || null))}
      >
        <option value="">None</option>
        {SCHEMES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {imported && <p className={styles.description}>Scheme in the imported file: {imported}</p>}
      {scheme && (
        <>
          <p className={styles.description}>{scheme.description}</p>
          <h3 className={styles.subtitle}>Critical questions</h3>
          <ol className={styles.slots}>
            {slots.map((slot) => (
              <Slot
                key={`${scheme.id}:${slot.question.id}`}
                slot={slot}
                premises={argument.premises.map((id) => ({ id, text: textOf(id) }))}
                textOf={textOf}
                onAnswer={onOps ? (text, premiseId) => answer(slot, text, premiseId) : undefined}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Slot({
  slot,
  premises,
  textOf,
  onAnswer,
}: {
  slot: CqSlot;
  premises: { id: string; text: string }[];
  textOf: (id: string) => string;
  /** Answers it; returns why it could not, or null. */
  onAnswer?: (text: string, premiseId: string | undefined) => string | null;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [premiseId, setPremiseId] = useState(premises[0]?.id);
  const [error, setError] = useState<string | null>(null);
  const questionId = useId();
  const choosePremise = slot.question.attack === 'undermine' && premises.length > 1;
  const submit = () => {
    if (!onAnswer) return;
    const refused = onAnswer(text.trim(), premiseId);
    setError(refused);
    if (!refused) {
      setOpen(false);
      setText('');
    }
  };
  return (
    <li className={styles.slot} data-status={slot.status}>
      <p id={questionId} className={styles.question}>
        {slot.question.question}{' '}
        <span className={styles.kind}>({ATTACK_WORDS[slot.question.attack]})</span>
      </p>
      {slot.status === 'answered' ? (
        <p className={styles.answered}>
          <strong>Answered</strong>:{' '}
          {slot.answeredBy.map((a) => `“${textOf(a.nodeId)}”`).join(', ')}
        </p>
      ) : open ? (
        <form
          className={styles.answerForm}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {choosePremise && (
            <label className={styles.field}>
              Premise it questions
              <select value={premiseId} onChange={(e) => setPremiseId(e.target.value)}>
                {premises.map((p) => (
                  <option key={p.id} value={p.id}>
                    {short(p.text)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className={styles.field}>
            Your answer
            <input
              type="text"
              autoFocus
              value={text}
              aria-describedby={questionId}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setOpen(false);
                }
              }}
            />
          </label>
          {error && (
            <p className={styles.error} role="alert">
              {error}
            </p>
          )}
          <div className={styles.actions}>
            <button type="submit" className="button">
              Add objection
            </button>
            <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        onAnswer && (
          <button
            type="button"
            className="button button--quiet"
            aria-describedby={questionId}
            onClick={() => setOpen(true)}
          >
            Answer
          </button>
        )
      )}
    </li>
  );
}
