'use client';

import type { PresenceStore } from '@/lib/client/presence-store';
import type { SyncStatus } from '@/lib/client/use-map-sync';
import type { useSocial } from '@/lib/client/use-social';
import type { HistoryItem } from '@/lib/domain/history';
import type { GraphNode, MapSnapshot } from '@/lib/domain/types';
import { ExportMenu } from './export-menu';
import { HistoryPanel } from './history-panel';
import { ManageMenu } from './manage-menu';
import { NodeSearch } from './node-search';
import { PresenceBar } from './presence-bar';
import { ShortcutsHelp } from './shortcuts-help';
import { TasksPanel } from './tasks-panel';
import styles from './workspace.module.css';

type HeadingProps = { snapshot: MapSnapshot; canEdit: boolean; shareToken: string | null };

/** The map's title and motion, and whether this reader may change it. */
export function WorkspaceHeading({ snapshot, canEdit, shareToken }: HeadingProps) {
  return (
    <div className={styles.heading}>
      <h1>{snapshot.title}</h1>
      {/* An imported map may have no motion yet. */}
      {snapshot.motion && (
        <p className={styles.motion}>
          Motion: <strong>{snapshot.motion}</strong>
        </p>
      )}
      {!canEdit && (
        <p className={`badge ${styles.readonly}`}>
          {shareToken ? 'Read-only view, shared by link' : 'Read-only'}
        </p>
      )}
    </div>
  );
}

type ToolsProps = {
  snapshot: MapSnapshot;
  canEdit: boolean;
  shareToken: string | null;
  presence: PresenceStore;
  status: SyncStatus;
  nodes: GraphNode[];
  social: ReturnType<typeof useSocial>;
  onFound: (id: string) => void;
  onShowPast: (item: HistoryItem) => void;
  onError: (message: string) => void;
  /** More tools, after these (how the canvas is shown, for readers). */
  children?: React.ReactNode;
};

/** Who is here, search, the owner's settings, export, history and the shortcut list. */
export function WorkspaceTools(props: ToolsProps) {
  const { snapshot, shareToken, social } = props;
  return (
    <div className={styles.tools}>
      <PresenceBar presence={props.presence} status={props.status} />
      <NodeSearch nodes={props.nodes} social={social.view} onFound={props.onFound} />
      {!shareToken && (snapshot.canManage || social.view?.viewerId != null) && (
        <ManageMenu
          mapId={snapshot.id}
          canManage={snapshot.canManage}
          anonymous={!!social.view?.anonymity}
        />
      )}
      {!shareToken && (
        <ExportMenu
          mapId={snapshot.id}
          title={snapshot.title}
          canBackup={social.view?.viewerId != null}
          onError={props.onError}
        />
      )}
      {!shareToken && !snapshot.canManage && social.view?.viewerId != null && (
        <TasksPanel mapId={snapshot.id} map={props.nodes} />
      )}
      <HistoryPanel mapId={snapshot.id} shareToken={shareToken} onShow={props.onShowPast} />
      <ShortcutsHelp canEdit={props.canEdit} />
      {props.children}
    </div>
  );
}
