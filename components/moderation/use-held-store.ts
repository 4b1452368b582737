'use client';

import { useMemo } from 'react';
import type { MapStore, StoreNotice } from '@/lib/client/map-store';
import type { ModerationRefusal } from '@/lib/client/use-moderation';
import { suggestionShape } from '@/lib/domain/moderation/suggestions';
import type { TOp } from '@/lib/domain/ops';

type Options = {
  store: MapStore;
  /** This reader's changes are held for approval. */
  held: boolean;
  /** A new card the editor would have made: the writer words it in the suggestion dialog. */
  onNewCard: (ops: TOp[]) => void;
  suggest: (ops: TOp[]) => Promise<ModerationRefusal | null>;
  setNotice: (notice: StoreNotice | null) => void;
};

/**
 * The map store as the editor's commands see it on a map that holds this
 * reader's changes: moves go to the map as ever; a new card (from "Add
 * claim", N, Tab, a double-click, a drop) opens the suggestion dialog
 * instead of appearing on the map; a card's new words are sent as a
 * suggestion; anything else is refused here with words, before the server
 * would refuse it (NEEDS_APPROVAL). Every other method is the store's own.
 */
export function useHeldStore({ store, held, onNewCard, suggest, setNotice }: Options): MapStore {
  return useMemo(() => {
    if (!held) return store;
    const perform = (ops: TOp[]): boolean => {
      if (ops.every((op) => op.type === 'moveNodes')) return store.perform(ops);
      const shape = suggestionShape(ops);
      if (typeof shape !== 'string' && shape.kind === 'new') {
        onNewCard(ops);
        return false;
      }
      if (typeof shape !== 'string') {
        void suggest(ops).then((refusal) =>
          setNotice(
            refusal
              ? { kind: 'refused', message: `${refusal.message} Your words: “${shape.text}”` }
              : {
                  kind: 'local',
                  message:
                    'Your new words were sent as a suggestion: the card changes once a moderator approves them (see Review).',
                },
          ),
        );
        return false;
      }
      setNotice({
        kind: 'local',
        message:
          'This map asks for approval: you can suggest new cards and new words, and move cards; a moderator makes other changes.',
      });
      return false;
    };
    return new Proxy(store, {
      get(target, property) {
        if (property === 'perform') return perform;
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
  }, [store, held, onNewCard, suggest, setNotice]);
}
