import 'server-only';
import { randomBytes } from 'node:crypto';
import { sideOfSpeech } from '../../domain/formats';
import type { TOpInput } from '../../domain/ops';
import type { FlowRelation } from '../../domain/rounds/types';
import { authorizeMap, authorizeRound, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { applyMapOps, ZApplyOpsInput } from '../maps/apply-ops';
import { applyRoundOps } from './apply-round-ops';
import { roundData } from './round-views';

const KIND_OF: Record<FlowRelation, 'OBJECTION' | 'PREMISE'> = {
  ATTACKS: 'OBJECTION',
  UNDERCUTS: 'OBJECTION',
  SUPPORTS: 'PREMISE',
};

const newId = () => randomBytes(10).toString('hex');

/**
 * Makes a card of the map from a flow entry that has none: a claim for a new
 * argument, an objection or a premise for a response, joined to the card of
 * the entry it answers when that one has a card, beside it. The card is made
 * with the map's own ops, as the person's own change (their Undo on the map
 * takes it back), and the entry is then linked to it.
 */
export async function promoteEntry(
  actor: Actor,
  roundId: string,
  entryId: string,
): Promise<{ nodeId: string }> {
  const access = await authorizeRound(actor, 'round:flow', roundId);
  // A card of the map is made by the map's editors.
  await authorizeMap(actor, 'map:edit', access.round.mapId);
  const entry = await db().flowEntry.findFirst({
    where: { id: entryId, roundId, deletedAt: null, teamId: null },
    select: {
      text: true,
      speech: true,
      relation: true,
      nodeId: true,
      version: true,
      answers: {
        select: { nodeId: true, node: { select: { x: true, y: true, deletedAt: true } } },
      },
      round: { select: { format: true, clock: true } },
    },
  });
  if (!entry) throw new AppError('NOT_FOUND', 'That entry is no longer on the flow.');
  if (entry.nodeId) throw new AppError('CONFLICT', 'This entry is already on the map.');
  const { format } = roundData(entry.round);
  const target = entry.answers?.node && !entry.answers.node.deletedAt ? entry.answers : null;
  let x = 0;
  let y = 0;
  if (target?.node) {
    x = target.node.x + 340;
    y = target.node.y + 60;
  } else {
    const right = await db().node.aggregate({
      where: { mapId: access.round.mapId, deletedAt: null },
      _max: { x: true },
      _min: { y: true },
    });
    x = (right._max.x ?? -340) + 340;
    y = right._min.y ?? 0;
  }
  const nodeId = newId();
  const ops: TOpInput[] = [
    {
      type: 'createNode',
      id: nodeId,
      kind: entry.relation ? KIND_OF[entry.relation as FlowRelation] : 'CLAIM',
      text: entry.text,
      side: sideOfSpeech(format, entry.speech),
      x,
      y,
    },
  ];
  if (target?.nodeId && entry.relation)
    ops.push({
      type: 'createEdge',
      id: newId(),
      fromId: nodeId,
      toId: target.nodeId,
      relation: entry.relation as FlowRelation,
    });
  await applyMapOps(actor, access.round.mapId, ZApplyOpsInput.parse({ ops }));
  try {
    await applyRoundOps(actor, roundId, {
      ops: [{ type: 'editEntry', id: entryId, nodeId, baseVersion: entry.version }],
    });
  } catch (error) {
    // The entry changed meanwhile (someone else put it on the map, say): the card goes again.
    await applyMapOps(
      actor,
      access.round.mapId,
      ZApplyOpsInput.parse({ ops: [{ type: 'deleteNode', id: nodeId }], intent: 'undo' }),
    );
    throw error;
  }
  return { nodeId };
}
