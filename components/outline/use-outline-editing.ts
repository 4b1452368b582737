'use client';

import { useMemo } from 'react';
import { newId } from '@/lib/client/ids';
import type { MapStore } from '@/lib/client/map-store';
import type { OutlineRow } from '@/lib/domain/outline';
import type { TOp } from '@/lib/domain/ops';
import type { MapEditing } from '../map/use-map-editing';

type Options = {
  store: MapStore;
  /** Null for a reader: there are no commands. */
  editing: MapEditing | null;
  onMoving: (row: OutlineRow) => void;
};

/** The node a row stands for (none for a "together" row). */
const nodeOf = (row: OutlineRow) => (row.item.type === 'together' ? null : row.item.node);

/**
 * The outline's editing commands. They are the canvas's own (addReason,
 * changeKind, deleteElements) where there is one; moving a row under
 * another node is the outline's, as one batch of ops, so one undo step.
 */
export function useOutlineEditing({ store, editing, onMoving }: Options) {
  return useMemo(() => {
    if (!editing) return null;
    return {
      addReason: (row: OutlineRow, kind: 'PREMISE' | 'OBJECTION') => {
        const node = nodeOf(row);
        if (node) editing.addReason(node.id, kind);
      },
      move: (row: OutlineRow) => {
        if (nodeOf(row)) onMoving(row);
      },
      /** A node row deletes its node; a "see" row deletes only the connection it stands for. */
      remove: (row: OutlineRow) => {
        const { item } = row;
        if (item.type === 'node') editing.deleteElements([item.node.id]);
        else if (item.type === 'see' && item.edge) editing.deleteElements([], [item.edge.id]);
      },
      /**
       * Re-parents a row: its connection now points to `toId` (out of any
       * linked group it was in); a row without one gets a new connection,
       * supporting or, for an objection, attacking.
       */
      moveUnder: (row: OutlineRow, toId: string) => {
        const node = nodeOf(row);
        if (!node) return;
        const edge = row.item.edge ? store.getView().edges.get(row.item.edge.id) : undefined;
        const ops: TOp[] =
          edge && !edge.deleted
            ? [
                { type: 'deleteEdge', id: edge.id },
                {
                  type: 'createEdge',
                  id: newId(),
                  fromId: node.id,
                  toId,
                  relation: edge.relation,
                  groupId: null,
                },
              ]
            : [
                {
                  type: 'createEdge',
                  id: newId(),
                  fromId: node.id,
                  toId,
                  relation:
                    node.kind === 'OBJECTION' || node.kind === 'REBUTTAL' ? 'ATTACKS' : 'SUPPORTS',
                  groupId: null,
                },
              ];
        store.perform(ops);
      },
      changeKind: editing.changeKind,
    };
  }, [store, editing, onMoving]);
}

export type OutlineCommands = NonNullable<ReturnType<typeof useOutlineEditing>>;
