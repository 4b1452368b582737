import { cardOf } from '../../domain/evidence/card';
import type { EdgeState, NodeState } from '../../domain/ops';
import type { Edge, Node } from '../../generated/prisma/client';
import { cqAnswerOf } from '../../domain/reasoning/answers';

/** Row ↔ domain-state mapping for nodes and edges, in one place. */

export function nodeStateOf(row: Node): NodeState {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    side: row.side,
    x: row.x,
    y: row.y,
    version: row.version,
    deleted: row.deletedAt !== null,
    anchor:
      row.sourceId && row.anchorExact !== null && row.anchorStart !== null && row.anchorEnd !== null
        ? {
            sourceId: row.sourceId,
            exact: row.anchorExact,
            prefix: row.anchorPrefix ?? '',
            suffix: row.anchorSuffix ?? '',
            start: row.anchorStart,
            end: row.anchorEnd,
          }
        : null,
    card: cardOf(row.card),
    tags: row.tags,
    // Only a node in a section has one (as a node an op made has none).
    ...(row.section !== null && { section: row.section }),
  };
}

export function edgeStateOf(row: Edge): EdgeState {
  return {
    id: row.id,
    fromId: row.fromId,
    toId: row.toId,
    relation: row.relation,
    groupId: row.groupId,
    scheme: row.scheme,
    schemeName: row.schemeName,
    answers: cqAnswerOf(row.answers),
    version: row.version,
    deleted: row.deletedAt !== null,
  };
}

/** Columns of a node row for a state; keeps the original deletion time while still deleted. */
export function nodeColumns(state: NodeState, previous: Node | undefined, now: Date) {
  const a = state.anchor;
  return {
    kind: state.kind,
    text: state.text,
    side: state.side,
    x: state.x,
    y: state.y,
    version: state.version,
    deletedAt: state.deleted ? (previous?.deletedAt ?? now) : null,
    sourceId: a?.sourceId ?? null,
    anchorExact: a?.exact ?? null,
    anchorPrefix: a?.prefix ?? null,
    anchorSuffix: a?.suffix ?? null,
    anchorStart: a?.start ?? null,
    anchorEnd: a?.end ?? null,
    card: state.card,
    tags: state.tags,
    section: state.section ?? null,
  };
}

export function edgeColumns(state: EdgeState, previous: Edge | undefined, now: Date) {
  return {
    fromId: state.fromId,
    toId: state.toId,
    relation: state.relation,
    groupId: state.groupId,
    scheme: state.scheme,
    schemeName: state.schemeName,
    answers: state.answers,
    version: state.version,
    deletedAt: state.deleted ? (previous?.deletedAt ?? now) : null,
  };
}
