'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { KIND_LABELS } from '@/lib/domain/types';
import type { ArgumentFlowNode } from '@/lib/client/to-flow';

/**
 * A claim card. Arrows leave a node from its top (a reason points up at what
 * it bears on) and arrive at its bottom, matching the upward layout.
 */
function ArgumentNodeView({ data }: NodeProps<ArgumentFlowNode>) {
  return (
    <div className={`arg-node arg-node--${data.side} arg-node--${data.kind}`} data-kind={data.kind} data-side={data.side}>
      <Handle type="target" position={Position.Bottom} isConnectable={false} />
      <div className="arg-node__meta">
        <span className="arg-node__kind">{KIND_LABELS[data.kind]}</span>
      </div>
      <p className="arg-node__text">{data.text}</p>
      {data.sourceLabel && (
        <p className="arg-node__source">
          <span aria-hidden="true">❝</span> {data.sourceLabel}
        </p>
      )}
      <Handle type="source" position={Position.Top} isConnectable={false} />
    </div>
  );
}

export const ArgumentNode = memo(ArgumentNodeView);
