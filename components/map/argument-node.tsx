'use client';

import {
  Handle,
  Position,
  useConnection,
  useUpdateNodeInternals,
  type NodeProps,
} from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { KIND_LABELS } from '@/lib/domain/types';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';
import { ChevronIcon, QuoteIcon } from '../ui/icons';
import styles from './argument-node.module.css';
import { StandsMark } from '../reasoning/stands';
import { ImpactMark } from '../votes/impact-mark';
import { CardEditor } from './card-editor';
import { TagChips } from './tag-chips';
import { useNodeEditing } from './editor-context';
import { Flagged, LayerBadges, NodeWatchers, OpenThreads } from './node-badges';
import { useMapView } from './view-context';

/**
 * A claim card. Arrows leave a reason towards what it bears on and arrive
 * on the side facing its reasons: top and bottom in the upward layout,
 * left and right when conclusions sit at the left.
 *
 * The handles are for the pointer: a drag from one starts a connection. They
 * carry a tooltip, not an accessible name (a plain div may not have one, and
 * it cannot be focused); the keyboard connects cards with the toolbar's
 * "Connect to…" dialog (key K) instead.
 */
function ArgumentNodeView({ id, data, selected }: NodeProps<ArgumentFlowNode>) {
  const editing = useNodeEditing();
  const view = useMapView();
  const isEditing = editing?.editingId === id;
  const up = data.direction === 'UP';
  // While a connection is dragged from another card, this whole card is a
  // place to drop it (use-canvas-handlers.ts): it lights up under the pointer.
  const dropTarget = useConnection((c) => c.inProgress && c.fromNode.id !== id);
  // React Flow caches where a node's handles are; moving them needs a re-measure.
  const updateNodeInternals = useUpdateNodeInternals();
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) updateNodeInternals(id);
    mounted.current = true;
  }, [up, id, updateNodeInternals]);
  return (
    <div
      className={dropTarget ? `${styles.card} ${styles.dropTarget}` : styles.card}
      data-kind={data.kind}
      data-side={data.side}
    >
      <NodeWatchers id={id} />
      <Handle
        type="target"
        position={up ? Position.Bottom : Position.Right}
        isConnectable={!!editing}
        title="Connect a reason to this node"
      />
      <div className={styles.meta}>
        <span className={styles.kind}>{KIND_LABELS[data.kind]}</span>
        {data.side !== 'NEUTRAL' && (
          <span className={styles.side}>{data.side === 'FOR' ? 'For' : 'Against'}</span>
        )}
        <Flagged id={id} />
        <OpenThreads id={id} />
        <ImpactMark id={id} />
        <StandsMark id={id} />
      </div>
      {isEditing ? (
        <CardEditor
          initial={editing.draft ?? data.text}
          onCommit={(text) => editing.commit(id, text)}
          onCancel={editing.cancel}
        />
      ) : (
        <p className={styles.text}>{data.text}</p>
      )}
      <TagChips tags={data.tags} />
      <LayerBadges id={id} />
      {data.sourceLabel && (
        <p className={styles.source}>
          <QuoteIcon /> {data.sourceLabel}
        </p>
      )}
      {view && (data.reasons > 0 || selected) && (
        <div
          className={
            data.collapsed
              ? `${styles.actions} ${styles.pinned} nodrag`
              : `${styles.actions} nodrag`
          }
        >
          {data.reasons > 0 && (
            <button
              type="button"
              className={styles.action}
              aria-expanded={!data.collapsed}
              aria-label={
                data.collapsed
                  ? `Show the ${data.reasons} hidden reasons`
                  : `Hide the ${data.reasons} ${data.reasons === 1 ? 'reason' : 'reasons'} below this node`
              }
              onClick={(event) => {
                event.stopPropagation();
                view.toggleCollapsed(id);
              }}
            >
              <ChevronIcon open={!data.collapsed} />
              {data.collapsed
                ? `${data.reasons} hidden`
                : `${data.reasons} ${data.reasons === 1 ? 'reason' : 'reasons'}`}
            </button>
          )}
          {selected && (
            <button
              type="button"
              className={styles.action}
              aria-label="Copy link to this claim"
              onClick={(event) => {
                event.stopPropagation();
                view.copyLink(id);
              }}
            >
              Copy link
            </button>
          )}
        </div>
      )}
      <Handle
        type="source"
        position={up ? Position.Top : Position.Left}
        isConnectable={!!editing}
        title="Connect this node to another"
      />
    </div>
  );
}

/** The canvas's node type `argument`: one card per claim, premise, objection, evidence or question. */
export const ArgumentNode = memo(ArgumentNodeView);
