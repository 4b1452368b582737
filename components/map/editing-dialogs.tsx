'use client';

import type { StoreNotice } from '@/lib/client/map-store';
import type { GraphState } from '@/lib/domain/ops';
import type { GraphNode } from '@/lib/domain/types';
import { ConflictDialog } from './conflict-dialog';
import { ConnectDialog } from './connect-dialog';
import { ConnectPrompt } from './connect-prompt';
import { DuplicateDialog } from './duplicate-dialog';
import type { MapEditing } from './use-map-editing';

type Props = {
  editing: MapEditing;
  view: GraphState;
  liveNodes: GraphNode[];
  notice: StoreNotice | null;
  canEdit: boolean;
  goToNode: (id: string) => void;
};

/** Over the canvas: how a dragged connection relates to its new card. */
export function ConnectPromptOver({ editing, view }: Pick<Props, 'editing' | 'view'>) {
  const { connectPrompt } = editing;
  const from = connectPrompt ? view.nodes.get(connectPrompt.fromId) : undefined;
  if (!connectPrompt || !from) return null;
  return (
    <ConnectPrompt
      prompt={connectPrompt}
      fromText={from.text}
      onChoose={(relation) => {
        editing.setConnectPrompt(null);
        editing.createConnected(connectPrompt, relation);
      }}
      onCancel={() => editing.setConnectPrompt(null)}
    />
  );
}

/** The editor's dialogs: a text edit that met someone else's, a new card that repeats one, and "Connect to…". */
export function EditingDialogs({ editing, view, liveNodes, notice, canEdit, goToNode }: Props) {
  const connectFrom = editing.connectFrom ? view.nodes.get(editing.connectFrom) : undefined;
  return (
    <>
      {notice?.conflict && canEdit && (
        <ConflictDialog
          conflict={notice.conflict}
          onKeepTheirs={editing.resolveConflict.keepTheirs}
          onUseMine={() => editing.resolveConflict.useMine(notice.conflict!)}
          onMerge={() => editing.resolveConflict.merge(notice.conflict!)}
        />
      )}
      {editing.duplicateOffer && canEdit && (
        <DuplicateDialog
          key={editing.duplicateOffer.nodeId}
          offer={editing.duplicateOffer}
          onKeepMine={() => editing.resolveDuplicate.keepMine(editing.duplicateOffer!)}
          onUseExisting={(id) => {
            editing.resolveDuplicate.useExisting(editing.duplicateOffer!, id);
            goToNode(id);
          }}
        />
      )}
      {connectFrom && !connectFrom.deleted && (
        <ConnectDialog
          from={connectFrom}
          nodes={liveNodes}
          initialRelation={editing.connectAs}
          onConnect={(toId, relation) => {
            editing.setConnectFrom(null);
            if (editing.connect(connectFrom.id, toId, relation)) goToNode(connectFrom.id);
          }}
          onClose={() => editing.setConnectFrom(null)}
        />
      )}
    </>
  );
}
