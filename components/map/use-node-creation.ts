'use client';

import { useCallback } from 'react';
import { newId } from '@/lib/client/ids';
import type { MapStore } from '@/lib/client/map-store';
import { createAnchor } from '@/lib/domain/anchor';
import { MAX_TEXT_LENGTH } from '@/lib/domain/ops';
import type { NodeKind, Relation, SourceDoc } from '@/lib/domain/types';
import type { QuoteSelection } from '../reader/source-reader';
import type { NodePlacement } from './use-node-placement';

/** A connection dropped on empty canvas, waiting for the student to choose how the new node relates. */
export type ConnectPrompt = {
  fromId: string;
  asReason: boolean;
  screen: { x: number; y: number };
  /** The canvas's box when the connection was dropped, to place the prompt there. */
  container: DOMRect | null;
};

/** The kind a new node gets from the way it is connected. */
const KIND_FOR: Record<Relation, NodeKind> = {
  SUPPORTS: 'PREMISE',
  ATTACKS: 'OBJECTION',
  UNDERCUTS: 'OBJECTION',
  REPHRASES: 'CLAIM',
  // A contradiction is no objection: neither end is the one attacked.
  CONTRADICTS: 'CLAIM',
};
/** What a new card says until its writer types: saving over it is the card's first text. */
export const TEXT_FOR: Record<NodeKind, string> = {
  CLAIM: 'New claim',
  PREMISE: 'New premise',
  OBJECTION: 'New objection',
  REBUTTAL: 'New rebuttal',
  EVIDENCE: 'New evidence',
  QUESTION: 'New question',
};

type Options = {
  store: MapStore;
  sources: SourceDoc[];
  placement: NodePlacement;
  /** Selects a node just made and opens it for typing. */
  openNew: (id: string) => void;
};

/**
 * Making new cards. Each comes with its connection in one undo step, lands
 * in a free spot next to what it relates to, comes into view, and opens for
 * typing.
 */
export function useNodeCreation({ store, sources, placement, openNew }: Options) {
  const { placeFor, placeAt, placeReason, reveal } = placement;

  /** A claim; `at` is a screen point (a double-click), else a free place. */
  const addClaim = useCallback(
    (at?: { x: number; y: number }) => {
      const text = TEXT_FOR.CLAIM;
      const spot = at ? placeAt(at, text) : placeFor(text, false);
      const id = newId();
      const ok = store.perform([
        {
          type: 'createNode',
          id,
          kind: 'CLAIM',
          text,
          side: 'NEUTRAL',
          x: spot.x,
          y: spot.y,
          anchor: null,
          card: null,
        },
      ]);
      if (!ok) return;
      openNew(id);
      reveal(spot, id);
    },
    [store, placeAt, placeFor, openNew, reveal],
  );

  /** Tab: a premise supporting `parentId`; Shift+Tab: an objection to it. */
  const addReason = useCallback(
    (parentId: string, kind: 'PREMISE' | 'OBJECTION') => {
      const text = TEXT_FOR[kind];
      const spot = placeReason(parentId, text);
      if (!spot) return;
      const id = newId();
      const ok = store.perform([
        {
          type: 'createNode',
          id,
          kind,
          text,
          side: 'NEUTRAL',
          x: spot.x,
          y: spot.y,
          anchor: null,
          card: null,
        },
        {
          type: 'createEdge',
          id: newId(),
          fromId: id,
          toId: parentId,
          relation: kind === 'PREMISE' ? 'SUPPORTS' : 'ATTACKS',
          groupId: null,
        },
      ]);
      if (!ok) return;
      openNew(id);
      reveal(spot, id);
    },
    [store, placeReason, openNew, reveal],
  );

  /**
   * Finishes a connection dropped on empty canvas: a new node where it was
   * dropped, joined to the node it was dragged from with the chosen relation.
   */
  const createConnected = useCallback(
    (prompt: ConnectPrompt, relation: Relation) => {
      const from = store.getView().nodes.get(prompt.fromId);
      if (!from || from.deleted) return;
      const kind = prompt.asReason ? KIND_FOR[relation] : 'CLAIM';
      const text = TEXT_FOR[kind];
      const spot = placeAt(prompt.screen, text);
      const id = newId();
      const ok = store.perform([
        {
          type: 'createNode',
          id,
          kind,
          text,
          side: from.side,
          x: spot.x,
          y: spot.y,
          anchor: null,
          card: null,
        },
        {
          type: 'createEdge',
          id: newId(),
          fromId: prompt.asReason ? id : from.id,
          toId: prompt.asReason ? from.id : id,
          relation,
          groupId: null,
        },
      ]);
      if (!ok) return;
      openNew(id);
      reveal(spot, id);
    },
    [store, placeAt, openNew, reveal],
  );

  /** A claim or evidence quoting exactly the passage selected in the reader; its text starts as the quote. */
  const makeFromQuote = useCallback(
    (quote: QuoteSelection, kind: 'CLAIM' | 'EVIDENCE') => {
      const source = sources.find((s) => s.id === quote.sourceId);
      if (!source) return;
      const text =
        quote.text.length > MAX_TEXT_LENGTH ? quote.text.slice(0, MAX_TEXT_LENGTH) : quote.text;
      const spot = placeFor(text, true, nearestQuoting(store, quote));
      const id = newId();
      const ok = store.perform([
        {
          type: 'createNode',
          id,
          kind,
          text,
          side: source.side,
          x: spot.x,
          y: spot.y,
          anchor: createAnchor(source.id, source.text, quote.start, quote.end),
          card: null,
        },
      ]);
      if (!ok) return;
      openNew(id);
      reveal(spot, id);
    },
    [sources, placeFor, store, openNew, reveal],
  );

  return { addClaim, addReason, createConnected, makeFromQuote };
}

/** The card quoting the passage nearest to `quote` in the same source, if any: a new quote goes beside it. */
function nearestQuoting(store: MapStore, quote: QuoteSelection): string | null {
  let nearest: { id: string; distance: number } | null = null;
  for (const node of store.getView().nodes.values()) {
    if (node.deleted || node.anchor?.sourceId !== quote.sourceId) continue;
    const distance = Math.abs(node.anchor.start - quote.start);
    if (!nearest || distance < nearest.distance) nearest = { id: node.id, distance };
  }
  return nearest?.id ?? null;
}
