'use client';

import type { FlowDirection } from '@/lib/client/to-flow';
import { KIND_LABELS, NODE_KINDS, type NodeKind, type Relation } from '@/lib/domain/types';
import styles from './editor-toolbar.module.css';
import { RelationSelect } from './relation-select';

type Props = {
  selectedKind: NodeKind | null;
  /** The relation of the selected connection, when one is selected. */
  selectedRelation: Relation | null;
  onChangeRelation: (relation: Relation) => void;
  onDeleteEdge: () => void;
  connectAs: Relation;
  direction: FlowDirection;
  onDirection: (direction: FlowDirection) => void;
  onConnectTo: () => void;
  /** Present when the selection can be joined into, or separated from, a linked argument. */
  onLinkPremises: (() => void) | null;
  onUnlinkPremises: (() => void) | null;
  /** How many nodes are selected. */
  selectionSize: number;
  canUndo: boolean;
  canRedo: boolean;
  saving: boolean;
  onAdd: () => void;
  onLayout: () => void;
  layingOut: boolean;
  onEdit: () => void;
  onChangeKind: (kind: NodeKind) => void;
  onDelete: () => void;
  onConnectAs: (relation: Relation) => void;
  onUndo: () => void;
  onRedo: () => void;
};

const mod =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** The editing controls above the canvas, shown to editors only. */
export function EditorToolbar(props: Props) {
  const { selectedKind, selectionSize } = props;
  const single = !!selectedKind && selectionSize <= 1;
  return (
    <div className="toolbar" role="toolbar" aria-label="Map editing">
      <button type="button" className="button" onClick={props.onAdd} aria-keyshortcuts="N">
        + Add claim
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={props.onLayout}
        disabled={props.layingOut}
        aria-keyshortcuts="L"
      >
        {props.layingOut ? 'Arranging…' : 'Auto-layout'}
      </button>
      <label className={styles.field}>
        <span>Layout</span>
        <select
          value={props.direction}
          onChange={(e) => props.onDirection(e.target.value as FlowDirection)}
          disabled={props.layingOut}
        >
          <option value="UP">Top-down</option>
          <option value="LEFT">Left to right</option>
        </select>
      </label>
      <span className={styles.sep} aria-hidden="true" />
      <button
        type="button"
        className="button button--quiet"
        onClick={props.onEdit}
        disabled={!single}
        aria-keyshortcuts="Enter"
      >
        Edit text
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={props.onConnectTo}
        disabled={!single}
        aria-keyshortcuts="K"
      >
        Connect to…
      </button>
      <label className={styles.field}>
        <span>Kind</span>
        <select
          value={selectedKind ?? ''}
          disabled={!single}
          onChange={(e) => props.onChangeKind(e.target.value as NodeKind)}
        >
          {!selectedKind && <option value="">—</option>}
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button--quiet button--danger"
        onClick={props.onDelete}
        disabled={!selectedKind && selectionSize < 2}
        aria-keyshortcuts="Delete"
      >
        {selectionSize > 1 ? `Delete ${selectionSize} nodes` : 'Delete'}
      </button>
      {props.onLinkPremises && (
        <button type="button" className="button button--quiet" onClick={props.onLinkPremises}>
          Link as co-premises
        </button>
      )}
      {props.onUnlinkPremises && (
        <button type="button" className="button button--quiet" onClick={props.onUnlinkPremises}>
          Unlink premises
        </button>
      )}
      {props.selectedRelation && (
        <>
          <span className={styles.sep} aria-hidden="true" />
          <RelationSelect
            className={styles.field}
            label="Selected connection"
            value={props.selectedRelation}
            onChange={props.onChangeRelation}
          />
          <button
            type="button"
            className="button button--quiet button--danger"
            onClick={props.onDeleteEdge}
          >
            Delete connection
          </button>
        </>
      )}
      <span className={styles.sep} aria-hidden="true" />
      <RelationSelect
        className={styles.field}
        label="New connections"
        value={props.connectAs}
        onChange={props.onConnectAs}
      />
      <span className={styles.sep} aria-hidden="true" />
      <button
        type="button"
        className="button button--quiet"
        onClick={props.onUndo}
        disabled={!props.canUndo}
        title={`Undo (${mod}Z)`}
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        Undo
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={props.onRedo}
        disabled={!props.canRedo}
        title={`Redo (Shift+${mod}Z)`}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
      >
        Redo
      </button>
      <span className={styles.status} role="status" aria-live="polite">
        {props.saving ? 'Saving…' : 'All changes saved'}
      </span>
    </div>
  );
}
