'use client';

import type { FlowDirection } from '@/lib/client/to-flow';
import { KIND_LABELS, NODE_KINDS, type NodeKind, type Relation } from '@/lib/domain/types';
import styles from './editor-toolbar.module.css';
import { RelationSelect } from './relation-select';
import { useSheet } from './use-sheet';

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
  /** Every control off: the map is not on screen yet. */
  disabled?: boolean;
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
  const off = !!props.disabled;
  const single = !off && !!selectedKind && selectionSize <= 1;
  const more = useSheet({ closeOutside: true });
  // The rarer controls: in the row on wide screens and phones' menus, under "More" on tablets.
  const autoLayout = (
    <button
      type="button"
      className="button button--quiet"
      onClick={props.onLayout}
      disabled={off || props.layingOut}
      aria-keyshortcuts="L"
    >
      {props.layingOut ? 'Arranging…' : 'Auto-layout'}
    </button>
  );
  const layout = (
    <label className={styles.field}>
      <select
        aria-label="Layout"
        value={props.direction}
        onChange={(e) => props.onDirection(e.target.value as FlowDirection)}
        disabled={off || props.layingOut}
      >
        <option value="UP">Top-down</option>
        <option value="LEFT">Left to right</option>
      </select>
    </label>
  );
  const kind = (
    <label className={styles.field}>
      <select
        aria-label="Kind"
        title="Kind"
        value={selectedKind ?? ''}
        disabled={!single}
        onChange={(e) => props.onChangeKind(e.target.value as NodeKind)}
      >
        {!selectedKind && <option value="">Kind</option>}
        {NODE_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </label>
  );
  const connectAs = (
    <RelationSelect
      className={styles.field}
      label="Connect as"
      disabled={off}
      value={props.connectAs}
      onChange={props.onConnectAs}
    />
  );
  return (
    <div className={`toolbar ${styles.toolbar}`} role="toolbar" aria-label="Map editing">
      <button
        type="button"
        className="button"
        onClick={props.onAdd}
        disabled={off}
        aria-keyshortcuts="N"
      >
        + Add claim
      </button>
      <span className={styles.rare}>{autoLayout}</span>
      <span className={styles.rare}>{layout}</span>
      <button
        type="button"
        className={`button button--quiet ${styles.moreButton}`}
        id={more.toggleId}
        aria-expanded={more.open}
        aria-controls={more.id}
        onClick={more.toggle}
      >
        More
      </button>
      {more.open && (
        <div id={more.id} className={styles.more} role="group" aria-label="More editing tools">
          {autoLayout}
          {layout}
          {kind}
          {connectAs}
        </div>
      )}
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
      <span className={styles.rare}>{kind}</span>
      <button
        type="button"
        className="button button--quiet button--danger"
        onClick={props.onDelete}
        disabled={off || (!selectedKind && selectionSize < 2)}
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
      <span className={styles.rare}>{connectAs}</span>
      <span className={styles.sep} aria-hidden="true" />
      <button
        type="button"
        className="button button--quiet"
        onClick={props.onUndo}
        disabled={off || !props.canUndo}
        title={`Undo (${mod}Z)`}
        aria-keyshortcuts="Control+Z Meta+Z"
        aria-label="Undo"
      >
        <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
          <path d="M8 5 3 9.5 8 14" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M3.5 9.5h8a5 5 0 0 1 0 10H9" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={props.onRedo}
        disabled={off || !props.canRedo}
        title={`Redo (Shift+${mod}Z)`}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        aria-label="Redo"
      >
        <svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
          <path d="M12 5l5 4.5-5 4.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path
            d="M16.5 9.5h-8a5 5 0 0 0 0 10H11"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          />
        </svg>
      </button>
    </div>
  );
}
