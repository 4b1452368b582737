'use client';

import type { GraphState } from '@/lib/domain/ops';
import { CheckIcon } from '../ui/icons';
import { EditorToolbar } from './editor-toolbar';
import type { MapEditing } from './use-map-editing';
import type { useMapView } from './use-map-view';
import type { useSelection } from './use-selection';
import styles from './workspace.module.css';

type Props = {
  view: GraphState;
  editing: MapEditing;
  selection: ReturnType<typeof useSelection>;
  mapView: Pick<ReturnType<typeof useMapView>, 'direction' | 'setDirection'>;
  canUndo: boolean;
  canRedo: boolean;
  /** Changes are on their way to the server. */
  saving: boolean;
  /** After the toolbar and the save status in its row (the filter and the legend). */
  children?: React.ReactNode;
  /** The map is not shown yet: every control is off. */
  disabled: boolean;
  undo: () => void;
  redo: () => void;
};

/** The editing toolbar's row: the toolbar wired to the editor's commands and the selection, the save status, the view tools. */
export function WorkspaceToolbar({ view, editing, selection, mapView, ...props }: Props) {
  return (
    <div className={styles.editRow}>
      <Toolbar view={view} editing={editing} selection={selection} mapView={mapView} {...props} />
      <span
        className={styles.saved}
        role="status"
        aria-live="polite"
        title={props.saving ? undefined : 'All changes are saved'}
      >
        {props.saving ? (
          'Saving…'
        ) : (
          <>
            <CheckIcon /> <span className={styles.savedWord}>Saved</span>
          </>
        )}
      </span>
      {props.children}
    </div>
  );
}

function Toolbar({ view, editing, selection, mapView, ...props }: Props) {
  const { selectedNodeId, selectedNodeIds, selectedEdgeId, setSelectedEdgeId } = selection;
  const selected = selectedNodeId ? view.nodes.get(selectedNodeId) : undefined;
  const selectedEdge = selectedEdgeId ? view.edges.get(selectedEdgeId) : undefined;
  return (
    <EditorToolbar
      selectedKind={selected && !selected.deleted ? selected.kind : null}
      selectedRelation={selectedEdge && !selectedEdge.deleted ? selectedEdge.relation : null}
      onChangeRelation={(relation) =>
        selectedEdgeId && editing.changeRelation(selectedEdgeId, relation)
      }
      onDeleteEdge={() => {
        if (selectedEdgeId) editing.deleteElements([], [selectedEdgeId]);
        setSelectedEdgeId(null);
      }}
      connectAs={editing.connectAs}
      direction={mapView.direction}
      onDirection={(next) => {
        mapView.setDirection(next);
        void editing.autoLayout(next);
      }}
      onConnectTo={() => selectedNodeId && editing.setConnectFrom(selectedNodeId)}
      onLinkPremises={editing.linkPremises}
      onUnlinkPremises={editing.unlinkPremises}
      selectionSize={selectedNodeIds.length}
      canUndo={props.canUndo}
      canRedo={props.canRedo}
      disabled={props.disabled}
      onAdd={() => editing.addClaim()}
      onLayout={() => void editing.autoLayout()}
      layingOut={editing.layingOut}
      onEdit={() => selectedNodeId && editing.setEditingId(selectedNodeId)}
      onChangeKind={editing.changeKind}
      onDelete={() =>
        editing.deleteElements(
          selectedNodeIds.length > 1 ? selectedNodeIds : selectedNodeId ? [selectedNodeId] : [],
        )
      }
      onConnectAs={editing.setConnectAs}
      onUndo={props.undo}
      onRedo={props.redo}
    />
  );
}
