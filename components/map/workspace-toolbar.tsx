'use client';

import type { GraphState } from '@/lib/domain/ops';
import { EditorToolbar } from './editor-toolbar';
import type { MapEditing } from './use-map-editing';
import type { useMapView } from './use-map-view';
import type { useSelection } from './use-selection';

type Props = {
  view: GraphState;
  editing: MapEditing;
  selection: ReturnType<typeof useSelection>;
  mapView: Pick<ReturnType<typeof useMapView>, 'direction' | 'setDirection'>;
  canUndo: boolean;
  canRedo: boolean;
  /** The map is not shown yet: every control is off. */
  disabled: boolean;
  undo: () => void;
  redo: () => void;
};

/** The editing toolbar, wired to the editor's commands and the current selection. */
export function WorkspaceToolbar({ view, editing, selection, mapView, ...props }: Props) {
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
