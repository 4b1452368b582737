'use client';

import { useCallback, useState } from 'react';
import { newId } from '@/lib/client/ids';
import type { MapStore } from '@/lib/client/map-store';
import type { Relation } from '@/lib/domain/types';
import type { ConnectPrompt } from './use-node-creation';

/**
 * Connections between cards: the relation new connections get, the prompt
 * after a drop on empty canvas, the keyboard's "Connect to…" dialog, and
 * the commands that make, retarget and relabel a connection. The domain
 * refuses (with a reason) what cannot be: a loop, a duplicate.
 */
export function useConnecting(store: MapStore) {
  const [connectAs, setConnectAs] = useState<Relation>('SUPPORTS');
  const [connectPrompt, setConnectPrompt] = useState<ConnectPrompt | null>(null);
  /** The node whose "Connect to…" dialog is open (keyboard connecting). */
  const [connectFrom, setConnectFrom] = useState<string | null>(null);

  /** Connects two existing nodes; false when the domain refused. */
  const connect = useCallback(
    (fromId: string, toId: string, relation: Relation) =>
      store.perform([{ type: 'createEdge', id: newId(), fromId, toId, relation, groupId: null }]),
    [store],
  );

  /** Moves a connection's ends (a dragged end dropped on another node). */
  const reconnect = useCallback(
    (edgeId: string, fromId: string, toId: string) => {
      const edge = store.getView().edges.get(edgeId);
      if (edge && !edge.deleted)
        store.perform([
          { type: 'updateEdge', id: edgeId, baseVersion: edge.version, fromId, toId },
        ]);
    },
    [store],
  );

  const changeRelation = useCallback(
    (edgeId: string, relation: Relation) => {
      const edge = store.getView().edges.get(edgeId);
      if (!edge || edge.deleted || edge.relation === relation) return;
      // A contradiction stands alone: relabelling a linked premise, a tagged
      // support or an answer as one also leaves its group, scheme and answer
      // (sent explicitly, so undo puts them back).
      const standsAlone = relation === 'CONTRADICTS' && {
        ...(edge.groupId !== null && { groupId: null }),
        ...(edge.scheme !== null && { scheme: null }),
        ...(edge.answers !== null && { answers: null }),
      };
      store.perform([
        { type: 'updateEdge', id: edgeId, baseVersion: edge.version, relation, ...standsAlone },
      ]);
    },
    [store],
  );

  return {
    connectAs,
    setConnectAs,
    connectPrompt,
    setConnectPrompt,
    connectFrom,
    setConnectFrom,
    connect,
    reconnect,
    changeRelation,
  };
}
