'use client';

import { useMemo } from 'react';
import type { MapStore, StoreNotice } from '@/lib/client/map-store';
import type { ModerationRefusal } from '@/lib/client/use-moderation';
import { suggestionShape, type SuggestionKind } from '@/lib/domain/moderation/suggestions';
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

/** What the writer reads once a suggestion of theirs is sent. */
const SENT: Record<Exclude<SuggestionKind, 'new'>, string> = {
  edit: 'Your new words were sent as a suggestion: the card changes once a moderator approves them (see Review).',
  rekind:
    'The new kind was sent as a suggestion: the card changes once a moderator approves it (see Review).',
  connect:
    'The connection was sent as a suggestion: it is on the map once a moderator approves it (see Review).',
  delete:
    'Deleting the card was sent as a suggestion: it goes once a moderator approves (see Review).',
};

/**
 * The map store as the editor's commands see it on a map that holds this
 * reader's changes: moves go to the map as ever; a new card (from "Add
 * claim", N, Tab, a double-click, a drop) opens the suggestion dialog
 * instead of appearing on the map; a card's new words, a card's new kind
 * (the Kind select), a connection between two cards and deleting one card
 * are sent as suggestions (`suggestionShape`), and the map shows none of
 * them until a moderator approves; anything else is refused here with
 * words, before the server would refuse it (NEEDS_APPROVAL). Every other
 * method is the store's own.
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
        const words = shape.kind === 'edit' ? ` Your words: “${shape.text}”` : '';
        void suggest(ops).then((refusal) =>
          setNotice(
            refusal
              ? { kind: 'refused', message: `${refusal.message}${words}` }
              : { kind: 'local', message: SENT[shape.kind] },
          ),
        );
        return false;
      }
      setNotice({
        kind: 'local',
        message:
          'This map asks for approval: you can move cards and suggest one change at a time (a new card, new words, a new kind, a connection, deleting a card); a moderator makes other changes.',
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
