'use client';

import { useCallback } from 'react';
import { newId } from '@/lib/client/ids';
import type { MapStore } from '@/lib/client/map-store';
import { liveSection } from '@/lib/domain/sections';
import { colourOfTag } from '@/lib/domain/tags';

/**
 * The commands that edit a map's sections and tag colours: each an op on
 * the store (optimistic, sent live to every reader, undoable). An edit
 * expects what the editor saw, so someone else's change in between is
 * refused as stale instead of overwritten.
 */
export function useSectionEditing(store: MapStore) {
  /** Puts a card in a section, or takes it out of its section (null). */
  const setSection = useCallback(
    (nodeId: string, section: string | null) => {
      const view = store.getView();
      const node = view.nodes.get(nodeId);
      if (!node) return;
      const now = liveSection(view.map?.sections ?? [], node.section);
      if (now === section) return;
      store.perform([{ type: 'updateNode', id: nodeId, expect: { section: now }, section }]);
    },
    [store],
  );

  /** Makes a section (inside `parentId`, or at the top), with `nodeId` put in it: one undo step. */
  const createSection = useCallback(
    (title: string, parentId: string | null, nodeId?: string) => {
      const view = store.getView();
      const id = newId();
      const node = nodeId ? view.nodes.get(nodeId) : undefined;
      return store.perform([
        { type: 'createSection', id, title, parentId },
        ...(node
          ? [
              {
                type: 'updateNode' as const,
                id: node.id,
                expect: { section: liveSection(view.map?.sections ?? [], node.section) },
                section: id,
              },
            ]
          : []),
      ]);
    },
    [store],
  );

  const renameSection = useCallback(
    (id: string, title: string) => {
      const section = store.getView().map?.sections.find((s) => s.id === id);
      if (!section || section.title === title.trim()) return;
      store.perform([{ type: 'renameSection', id, title, expect: { title: section.title } }]);
    },
    [store],
  );

  /** Deletes a section and its subsections; their cards stay on the map, in no section. */
  const deleteSection = useCallback(
    (id: string) => store.perform([{ type: 'deleteSection', id }]),
    [store],
  );

  /** Sets a tag's colour for the whole map, or back to the default (null). */
  const setTagColour = useCallback(
    (tag: string, colour: string | null) => {
      const now = colourOfTag(store.getView().map?.tagColors ?? {}, tag) ?? null;
      if (now === colour) return;
      store.perform([{ type: 'setTagColor', tag, colour, expect: now }]);
    },
    [store],
  );

  return { setSection, createSection, renameSection, deleteSection, setTagColour };
}
