import 'server-only';
import { buildBlocks, type BlockPocket } from '../../domain/evidence/blocks';
import { SIDE_LABELS, type Side } from '../../domain/types';
import { formatCalendarDate } from '../../util/format-date';
import type { Actor } from '../authz';
import { AppError } from '../errors';
import { readMapCards } from './map-cards';
import type { CardDoc, VerbatimFile, VerbatimItem } from './verbatim-docx';

/**
 * What the blocks page and the blocks .docx show: a side's blocks (or a
 * team's: its side), with the card of every anchored evidence node in
 * them. The marks are the map's shared cut, or, for a team's blocks read
 * by a member of that team, the team's own cut where it has one.
 */
export type BlocksView = {
  mapId: string;
  title: string;
  motion: string;
  side: Side;
  team: { id: string; name: string } | null;
  /** The map's teams, whose blocks can be chosen (a member's file carries the team's own cut). */
  teams: { id: string; name: string }[];
  /** Whether the reader may add cards to the map. */
  canEdit: boolean;
  /** The day it was made, YYYY-MM-DD (UTC). */
  madeOn: string;
  pockets: BlockPocket[];
  /** By node id: the card (its quote, cite and marks) of every node quoting a source. */
  cards: Record<string, CardDoc>;
};

export async function loadBlocks(
  actor: Actor,
  mapId: string,
  choice: { side?: 'FOR' | 'AGAINST'; teamId?: string },
): Promise<BlocksView> {
  const { snapshot, cards } = await readMapCards(actor, mapId, choice.teamId);
  const team = choice.teamId ? snapshot.teams.find((t) => t.id === choice.teamId) : undefined;
  if (choice.teamId && !team)
    throw new AppError('NOT_FOUND', 'This map has no such team.', { field: 'team' });
  const side = team?.side ?? choice.side;
  if (!side)
    throw new AppError('VALIDATION_FAILED', 'side: choose FOR or AGAINST, or a team.', {
      field: 'side',
    });
  return {
    mapId,
    title: snapshot.title,
    motion: snapshot.motion,
    side,
    team: team ? { id: team.id, name: team.name } : null,
    teams: snapshot.teams.map((t) => ({ id: t.id, name: t.name })),
    canEdit: snapshot.canEdit,
    madeOn: new Date().toISOString().slice(0, 10),
    pockets: buildBlocks(snapshot.nodes, snapshot.edges, side),
    cards,
  };
}

/** Who the blocks are for, in words: "For the motion" or "Team Turchenko (for the motion)". */
export function blocksFor(view: Pick<BlocksView, 'side' | 'team'>): string {
  const side = SIDE_LABELS[view.side];
  return view.team ? `${view.team.name} (${side.toLowerCase()})` : side;
}

/** What an empty block says: nothing answers their argument, or nothing supports ours, yet. */
export const EMPTY_BLOCK: Record<BlockPocket['kind'], string> = {
  'our-case': 'Nothing on the map supports this yet.',
  answers: 'No answer on the map yet.',
  'their-case': 'No answer on the map yet.',
};

/** The blocks as a Verbatim file's outline. */
export function blocksFile(view: BlocksView): VerbatimFile {
  const items: VerbatimItem[] = [];
  for (const pocket of view.pockets) {
    items.push({ kind: 'heading', level: 1, text: pocket.title });
    for (const hat of pocket.hats) {
      items.push({ kind: 'heading', level: 2, text: hat.node.text });
      for (const block of hat.blocks) {
        items.push({ kind: 'heading', level: 3, text: block.node.text });
        if (block.tags.length === 0) items.push({ kind: 'text', text: EMPTY_BLOCK[pocket.kind] });
        for (const tag of block.tags) {
          const own = view.cards[tag.node.id];
          items.push(
            own ? { kind: 'card', card: own } : { kind: 'heading', level: 4, text: tag.node.text },
          );
          for (const card of tag.cards) {
            const doc = view.cards[card.id];
            if (card.id !== tag.node.id)
              items.push(
                doc ? { kind: 'card', card: doc } : { kind: 'heading', level: 4, text: card.text },
              );
          }
        }
      }
    }
  }
  return {
    title: `Blocks: ${view.title}`,
    lines: [
      ...(view.motion ? [`Motion: ${view.motion}`] : []),
      `Side: ${blocksFor(view)}`,
      `Made on ${formatCalendarDate(view.madeOn)}`,
    ],
    items,
  };
}
