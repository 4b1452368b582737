import 'server-only';
import { buildBrief, type BriefItem } from '../../domain/brief';
import { fileStem } from '../../domain/interchange';
import { KIND_LABELS, RELATION_LABELS, SIDE_LABELS } from '../../domain/types';
import { formatCalendarDate } from '../../util/format-date';
import type { Actor } from '../authz';
import { blocksFile, loadBlocks } from './load-blocks';
import { readMapCards } from './map-cards';
import { verbatimDocx, type CardDoc, type VerbatimItem } from './verbatim-docx';

/** A Word file to download. */
export type WordFile = { fileName: string; body: Buffer };

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name safe in any header: the title's ASCII letters and digits. */
const asciiStem = (title: string) =>
  fileStem(title.normalize('NFKD').replace(/[^\x20-\x7e]/g, '')).replace(/^map$/, '') || 'map';

/** A side's (or a team's) blocks as a Verbatim-style .docx. */
export async function exportBlocksDocx(
  actor: Actor,
  mapId: string,
  choice: { side?: 'FOR' | 'AGAINST'; teamId?: string },
): Promise<WordFile> {
  const view = await loadBlocks(actor, mapId, choice);
  const who = view.team ? asciiStem(view.team.name) : view.side.toLowerCase();
  return {
    fileName: `blocks-${asciiStem(view.title)}-${who}.docx`,
    body: await verbatimDocx(blocksFile(view)),
  };
}

const BRIEF_POCKETS = { ...SIDE_LABELS, NEUTRAL: 'Other claims' };

/**
 * The debate brief (the brief page's outline) as a .docx in the same
 * styles: a pocket per side, a hat per main claim, a block per argument
 * bearing on it, tags below that; quotes as cite and passage.
 */
export async function exportBriefDocx(actor: Actor, mapId: string): Promise<WordFile> {
  const { snapshot, cards } = await readMapCards(actor, mapId);
  const items: VerbatimItem[] = [];
  const quote = (card: CardDoc | undefined) =>
    card ? [{ kind: 'quote', card } satisfies VerbatimItem] : [];
  const add = (item: BriefItem, depth: number) => {
    const kind = KIND_LABELS[item.node.kind].toLowerCase();
    const text = item.relation
      ? `${RELATION_LABELS[item.relation][0]!.toUpperCase()}${RELATION_LABELS[item.relation].slice(1)}: ${item.node.text} (${kind})`
      : `${item.node.text} (${kind})`;
    items.push({ kind: 'heading', level: Math.min(depth + 2, 4) as 2 | 3 | 4, text });
    items.push(...quote(cards[item.node.id]));
    item.children.forEach((child) => add(child, depth + 1));
  };
  for (const side of buildBrief(snapshot.nodes, snapshot.edges)) {
    items.push({ kind: 'heading', level: 1, text: BRIEF_POCKETS[side.side] });
    side.claims.forEach((claim) => add(claim, 0));
  }
  if (snapshot.sources.length > 0) {
    items.push({ kind: 'heading', level: 1, text: 'Sources' });
    for (const s of snapshot.sources)
      items.push({
        kind: 'text',
        text: [
          s.author,
          `“${s.title}”`,
          s.publisher,
          s.publishedOn && formatCalendarDate(s.publishedOn),
          s.url,
        ]
          .filter(Boolean)
          .join(', '),
      });
  }
  return {
    fileName: `brief-${asciiStem(snapshot.title)}.docx`,
    body: await verbatimDocx({
      title: `Debate brief: ${snapshot.title}`,
      lines: [
        ...(snapshot.motion ? [`Motion: ${snapshot.motion}`] : []),
        `Made on ${formatCalendarDate(new Date().toISOString().slice(0, 10))}`,
      ],
      items,
    }),
  };
}
