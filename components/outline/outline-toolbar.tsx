'use client';

import type { OutlineRow } from '@/lib/domain/outline';
import { KIND_LABELS, NODE_KINDS, type NodeKind } from '@/lib/domain/types';
import type { OutlineCommands } from './use-outline-editing';
import styles from './outline.module.css';

type Props = { active: OutlineRow | null; commands: OutlineCommands };

/**
 * The outline's commands as buttons, for the focused row: what its keys do,
 * for a mouse or a finger. (Edit, undo and the rest are the map's toolbar's.)
 */
export function OutlineToolbar({ active, commands }: Props) {
  const node = active && active.item.type !== 'together' ? active.item.node : null;
  const isNode = active?.item.type === 'node';
  const short = node ? (node.text.length > 40 ? `${node.text.slice(0, 39)}…` : node.text) : '';
  return (
    <div role="toolbar" aria-label="Outline editing" className={`toolbar ${styles.toolbar}`}>
      <span className={styles.target} aria-live="polite">
        {node ? <>On “{short}”:</> : 'Choose a row'}
      </span>
      <button
        type="button"
        className="button button--quiet"
        disabled={!isNode}
        aria-keyshortcuts="+"
        title="Add a premise that supports it (+)"
        onClick={() => active && commands.addReason(active, 'PREMISE')}
      >
        + Premise
      </button>
      <button
        type="button"
        className="button button--quiet"
        disabled={!isNode}
        aria-keyshortcuts="-"
        title="Add an objection to it (−)"
        onClick={() => active && commands.addReason(active, 'OBJECTION')}
      >
        + Objection
      </button>
      <button
        type="button"
        className="button button--quiet"
        disabled={!node}
        aria-keyshortcuts="Control+M"
        title="Move it under another node (Ctrl+M)"
        onClick={() => active && commands.move(active)}
      >
        Move under…
      </button>
      <label className={styles.kindField}>
        <span>Kind</span>
        <select
          value={node?.kind ?? ''}
          disabled={!isNode}
          onChange={(event) => commands.changeKind(event.target.value as NodeKind)}
        >
          {!node && <option value="">—</option>}
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button--quiet"
        disabled={!node}
        aria-keyshortcuts="Delete"
        title={
          active?.item.type === 'see' ? 'Delete this connection (Delete)' : 'Delete it (Delete)'
        }
        onClick={() => active && commands.remove(active)}
      >
        Delete
      </button>
    </div>
  );
}
