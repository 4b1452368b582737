'use client';

import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { KIND_LABELS } from '@/lib/domain/types';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';
import { useNodeEditing } from './editor-context';
import { useMapView } from './view-context';

/**
 * A claim card. Arrows leave a reason towards what it bears on and arrive
 * on the side facing its reasons: top and bottom in the upward layout,
 * left and right when conclusions sit at the left.
 */
function ArgumentNodeView({ id, data, selected }: NodeProps<ArgumentFlowNode>) {
  const editing = useNodeEditing();
  const view = useMapView();
  const isEditing = editing?.editingId === id;
  const up = data.direction === 'UP';
  // React Flow caches where a node's handles are; moving them needs a re-measure.
  const updateNodeInternals = useUpdateNodeInternals();
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) updateNodeInternals(id);
    mounted.current = true;
  }, [up, id, updateNodeInternals]);
  return (
    <div
      className={`arg-node arg-node--${data.side} arg-node--${data.kind}${data.watchers.length ? ' arg-node--watched' : ''}`}
      data-kind={data.kind}
      data-side={data.side}
      style={
        data.watchers.length
          ? ({ '--watcher': data.watchers[0]!.color } as React.CSSProperties)
          : undefined
      }
    >
      {data.watchers.length > 0 && (
        <span className="arg-node__watchers" style={{ background: data.watchers[0]!.color }}>
          {data.watchers.map((w) => w.name).join(', ')}
        </span>
      )}
      <Handle
        type="target"
        position={up ? Position.Bottom : Position.Right}
        isConnectable={!!editing}
        aria-label="Connect a reason to this node"
      />
      <div className="arg-node__meta">
        <span className="arg-node__kind">{KIND_LABELS[data.kind]}</span>
        {data.openThreads > 0 && (
          <span
            className="arg-node__threads"
            aria-label={`${data.openThreads} open ${data.openThreads === 1 ? 'thread' : 'threads'}`}
          >
            💬 {data.openThreads}
          </span>
        )}
      </div>
      {isEditing ? (
        <TextEditor
          initial={editing.draft ?? data.text}
          onCommit={(text) => editing.commit(id, text)}
          onCancel={editing.cancel}
        />
      ) : (
        <p className="arg-node__text">{data.text}</p>
      )}
      {data.layerBadges.length > 0 && (
        <ul className="arg-node__layers" aria-label="Team notes">
          {data.layerBadges.map((b) => (
            <li key={b.team} style={{ borderColor: b.color }} aria-label={layerLabel(b)}>
              <span className="team-dot" style={{ background: b.color }} aria-hidden="true" />
              {b.rating !== null && <span aria-hidden="true">{'★'.repeat(b.rating)}</span>}
              {b.tags.map((t) => (
                <span key={t} className="arg-node__tag" aria-hidden="true">
                  {t}
                </span>
              ))}
              {b.note && <span aria-hidden="true">✎</span>}
            </li>
          ))}
        </ul>
      )}
      {data.sourceLabel && (
        <p className="arg-node__source">
          <span aria-hidden="true">❝</span> {data.sourceLabel}
        </p>
      )}
      {view && (data.reasons > 0 || selected) && (
        <div
          className={
            data.collapsed
              ? 'arg-node__actions arg-node__actions--pinned nodrag'
              : 'arg-node__actions nodrag'
          }
        >
          {data.reasons > 0 && (
            <button
              type="button"
              className="arg-node__action"
              aria-expanded={!data.collapsed}
              aria-label={
                data.collapsed
                  ? `Show the ${data.reasons} hidden reasons`
                  : `Hide the reasons below this node`
              }
              onClick={(event) => {
                event.stopPropagation();
                view.toggleCollapsed(id);
              }}
            >
              {data.collapsed
                ? `▸ ${data.reasons} hidden`
                : `▾ ${data.reasons} ${data.reasons === 1 ? 'reason' : 'reasons'}`}
            </button>
          )}
          {selected && (
            <button
              type="button"
              className="arg-node__action"
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
        aria-label="Connect this node to another"
      />
    </div>
  );
}

/** Enter saves, Shift+Enter is a new line, Escape cancels; leaving the field saves. */
function TextEditor({
  initial,
  onCommit,
  onCancel,
}: {
  initial: string;
  onCommit: (text: string) => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    if (save) onCommit(ref.current?.value ?? initial);
    else onCancel();
  };
  return (
    <textarea
      ref={ref}
      className="arg-node__editor nodrag nowheel nopan"
      aria-label="Node text"
      defaultValue={initial}
      maxLength={5000}
      rows={Math.min(8, Math.max(3, Math.ceil(initial.length / 32)))}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter' && !event.shiftKey) {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}

function layerLabel(b: { team: string; rating: number | null; tags: string[]; note: boolean }) {
  const parts = [
    b.rating !== null ? `rated ${b.rating} of 5` : null,
    b.tags.length ? `tagged ${b.tags.join(', ')}` : null,
    b.note ? 'with a note' : null,
  ].filter(Boolean);
  return `${b.team}: ${parts.join('; ') || 'no notes'}`;
}

export const ArgumentNode = memo(ArgumentNodeView);
