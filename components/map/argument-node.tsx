'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { KIND_LABELS } from '@/lib/domain/types';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';
import { useNodeEditing } from './editor-context';

/**
 * A claim card. Arrows leave a node from its top (a reason points up at what
 * it bears on) and arrive at its bottom, matching the upward layout.
 */
function ArgumentNodeView({ id, data }: NodeProps<ArgumentFlowNode>) {
  const editing = useNodeEditing();
  const isEditing = editing?.editingId === id;
  return (
    <div className={`arg-node arg-node--${data.side} arg-node--${data.kind}`} data-kind={data.kind} data-side={data.side}>
      <Handle type="target" position={Position.Bottom} isConnectable={!!editing} aria-label="Connect a reason to this node" />
      <div className="arg-node__meta">
        <span className="arg-node__kind">{KIND_LABELS[data.kind]}</span>
      </div>
      {isEditing ? (
        <TextEditor initial={data.text} onCommit={(text) => editing.commit(id, text)} onCancel={editing.cancel} />
      ) : (
        <p className="arg-node__text">{data.text}</p>
      )}
      {data.sourceLabel && (
        <p className="arg-node__source">
          <span aria-hidden="true">❝</span> {data.sourceLabel}
        </p>
      )}
      <Handle type="source" position={Position.Top} isConnectable={!!editing} aria-label="Connect this node to another" />
    </div>
  );
}

/** Enter saves, Shift+Enter is a new line, Escape cancels; leaving the field saves. */
function TextEditor({ initial, onCommit, onCancel }: { initial: string; onCommit: (text: string) => void; onCancel: () => void }) {
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

export const ArgumentNode = memo(ArgumentNodeView);
