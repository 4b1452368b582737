'use client';

import { useCallback, useMemo, useState } from 'react';
import type { MapStore, StoreNotice, TextConflict } from '@/lib/client/map-store';
import { newId } from '@/lib/client/ids';
import { duplicatesOf, replaceWithExisting } from '@/lib/domain/moderation/duplicates';
import { MAX_TEXT_LENGTH } from '@/lib/domain/ops';
import type { NodeEditing } from './editor-context';
import { TEXT_FOR } from './use-node-creation';

/** A new card whose first text repeats cards already on the map: its writer chooses before it is saved. */
export type DuplicateOffer = {
  nodeId: string;
  text: string;
  version: number;
  matches: { id: string; text: string }[];
};

type Options = {
  store: MapStore;
  canEdit: boolean;
  setNotice: (notice: StoreNotice | null) => void;
  /** Selects a card (the existing one chosen instead of a repeat). */
  select: (id: string) => void;
};

/**
 * Editing a card's text in place: which card is open, the text it opens
 * with, saving (refused with a reason when empty or too long), and the
 * choices after someone else changed the same text first.
 */
export function useTextEditing({ store, canEdit, setNotice, select }: Options) {
  const [duplicateOffer, setDuplicateOffer] = useState<DuplicateOffer | null>(null);
  const [editingId, setEditingIdState] = useState<string | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  // What the open editor started from: the version its save is based on, so
  // that a change someone else made while it was open is a conflict, not
  // overwritten; and the text it showed (null for a merge draft, which is
  // worth saving as it is).
  const [opened, setOpened] = useState<{ version: number; text: string | null } | null>(null);

  /** Opens a card for editing with its own text (or closes the editor, with null). */
  const setEditingId = useCallback(
    (id: string | null) => {
      const node = id === null ? undefined : store.getView().nodes.get(id);
      setDraft(null);
      setOpened(node ? { version: node.version, text: node.text } : null);
      setEditingIdState(id);
    },
    [store],
  );

  /** Opens a card for editing with a given starting text based on `version` (after a conflict: both versions merged). */
  const editWith = useCallback((id: string, text: string, version: number) => {
    setEditingIdState(id);
    setDraft(text);
    setOpened({ version, text: null });
  }, []);

  const nodeEditing = useMemo<NodeEditing | null>(() => {
    if (!canEdit) return null;
    return {
      editingId,
      draft,
      cancel: () => setEditingId(null),
      commit: (id, raw) => {
        setEditingId(null);
        const node = store.getView().nodes.get(id);
        const text = raw.trim();
        const base = id === editingId ? opened : null;
        if (!node || node.deleted || text === node.text || text === base?.text) return;
        if (!text)
          return setNotice({
            kind: 'local',
            message: 'A node needs some text, so that edit was not saved.',
          });
        if (text.length > MAX_TEXT_LENGTH)
          return setNotice({
            kind: 'local',
            message: `A node can hold at most ${MAX_TEXT_LENGTH} characters.`,
          });
        const version = base?.version ?? node.version;
        // A new card's first text that repeats a card already on the map: offer that one first.
        if (base?.text === TEXT_FOR[node.kind]) {
          const matches = duplicatesOf(store.getView(), id, node.kind, text);
          if (matches.length) return setDuplicateOffer({ nodeId: id, text, version, matches });
        }
        store.perform([{ type: 'updateNode', id, baseVersion: version, text }]);
      },
    };
  }, [canEdit, editingId, draft, opened, store, setNotice, setEditingId]);

  /** The answers to a repeated card (DuplicateDialog): keep mine as typed, or use an existing card instead. */
  const resolveDuplicate = useMemo(
    () => ({
      keepMine: ({ nodeId, text, version }: DuplicateOffer) => {
        setDuplicateOffer(null);
        const node = store.getView().nodes.get(nodeId);
        if (node && !node.deleted)
          store.perform([{ type: 'updateNode', id: nodeId, baseVersion: version, text }]);
      },
      useExisting: ({ nodeId }: DuplicateOffer, existingId: string) => {
        setDuplicateOffer(null);
        const view = store.getView();
        const existing = view.nodes.get(existingId);
        if (!existing || existing.deleted || !view.nodes.get(nodeId)) return;
        if (store.perform(replaceWithExisting(view, nodeId, existingId, newId))) select(existingId);
      },
    }),
    [store, select],
  );

  /** The answers to a text conflict (ConflictDialog). */
  const resolveConflict = useMemo(
    () => ({
      keepTheirs: () => setNotice(null),
      useMine: ({ nodeId, mine }: TextConflict) => {
        const node = store.getView().nodes.get(nodeId);
        setNotice(null);
        if (node && !node.deleted)
          store.perform([
            { type: 'updateNode', id: nodeId, baseVersion: node.version, text: mine },
          ]);
      },
      merge: ({ nodeId, mine, theirs }: TextConflict) => {
        setNotice(null);
        editWith(nodeId, `${theirs.text}\n\n${mine}`, theirs.version);
      },
    }),
    [store, setNotice, editWith],
  );

  return { setEditingId, nodeEditing, resolveConflict, duplicateOffer, resolveDuplicate };
}
