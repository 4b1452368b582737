'use client';

import { useCallback, useMemo, useState } from 'react';
import type { MapStore, StoreNotice, TextConflict } from '@/lib/client/map-store';
import { MAX_TEXT_LENGTH } from '@/lib/domain/ops';
import type { NodeEditing } from './editor-context';

type Options = {
  store: MapStore;
  canEdit: boolean;
  setNotice: (notice: StoreNotice | null) => void;
};

/**
 * Editing a card's text in place: which card is open, the text it opens
 * with, saving (refused with a reason when empty or too long), and the
 * choices after someone else changed the same text first.
 */
export function useTextEditing({ store, canEdit, setNotice }: Options) {
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
        store.perform([
          { type: 'updateNode', id, baseVersion: base?.version ?? node.version, text },
        ]);
      },
    };
  }, [canEdit, editingId, draft, opened, store, setNotice, setEditingId]);

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

  return { setEditingId, nodeEditing, resolveConflict };
}
