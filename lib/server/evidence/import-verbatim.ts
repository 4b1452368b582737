import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { estimateNodeHeight, NODE_WIDTH } from '../../domain/layout';
import { MAX_TEXT_LENGTH, ZOp, type TOp } from '../../domain/ops';
import type { Side } from '../../domain/types';
import { authorizeMap, refuseHeldChanges, type Actor } from '../authz';
import { AppError } from '../errors';
import { appendToLog } from '../maps/append-to-log';
import { applyOpsWithin } from '../maps/apply-ops';
import { parseVerbatimDocx, type ParsedCard } from './verbatim-import';

/** The largest Word file of cards accepted. */
export const MAX_VERBATIM_BYTES = 10_000_000;
/** The most cards one import adds. */
const MAX_VERBATIM_CARDS = 500;

const GAP = 40;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A date written M-D-YYYY, M/D/YYYY or "November 4, 2020", or null. */
function dateIn(text: string): Date | null {
  const numeric = /\b(\d{1,2})[-/](\d{1,2})[-/](\d{4})\b/.exec(text);
  const named = /\b([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})\b/.exec(text);
  const [month, day, year] = numeric
    ? [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])]
    : named
      ? [MONTHS.indexOf(named[1]!.toLowerCase()) + 1, Number(named[2]), Number(named[3])]
      : [0, 0, 0];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
    ? new Date(Date.UTC(year, month - 1, day))
    : null;
}

/**
 * What a cite says of its source, as far as it can be read: "Strakes 2020
 * (Jason E. Strakes, …, “Title,” Publisher, November 4, 2020, https://…)",
 * or Verbatim's usual "Strakes 20 [Jason E. Strakes, …, 11-4-2020, …]".
 */
function sourceOfCite(card: Pick<ParsedCard, 'tag' | 'citeShort' | 'citeFull'>) {
  const full = card.citeFull;
  const quoted = /[“"]([^”"]+?)[,.]?[”"]/.exec(full)?.[1]?.trim();
  const url = /https?:\/\/[^\s\])]+/.exec(full)?.[0]?.replace(/[.,;)]+$/, '') ?? null;
  const first =
    full
      .replace(/^[[(]/, '')
      .split(/[,;[\]()]/)[0]
      ?.trim() ?? '';
  const named = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3}$/u.test(first)
    ? `${first.split(' ').at(-1)}, ${first.split(' ').slice(0, -1).join(' ')}`
    : /^\p{L}[\p{L}'’-]*/u.exec(card.citeShort)?.[0];
  return {
    title: (quoted || card.citeShort || card.tag).slice(0, 500),
    author: named ?? '',
    url,
    publishedOn: dateIn(full),
  };
}

export type VerbatimImportResult = { seq: number; cards: number; claims: number };

/**
 * Adds the cards of a Verbatim-style Word file to a map, for `side`: each
 * card becomes a source (its passage as the text, what its cite says as
 * the citation) and an evidence node quoting the whole passage, with the
 * file's underlining and highlighting as its card (in its createNode op, so
 * the marks travel and undo with the node); the cards under one block
 * heading (else hat, else pocket) support a claim of that side worded as the
 * heading. Laid out in columns to the right of the map. One batch in the
 * map's op log, in one transaction: everyone with the map open sees it
 * arrive, Undo takes it back, and a file that fails anywhere adds nothing.
 */
export async function importVerbatimCards(
  actor: Actor,
  mapId: string,
  bytes: Uint8Array,
  side: Side,
  fileName: string | null = null,
): Promise<VerbatimImportResult> {
  // Every card of an import is new content: held like any other from someone whose changes are.
  await refuseHeldChanges(actor, await authorizeMap(actor, 'map:edit', mapId), ['createNode']);
  if (bytes.byteLength > MAX_VERBATIM_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 10 MB.');
  const cards = await parseVerbatimDocx(bytes);
  if (cards.length === 0)
    throw new AppError(
      'UNPROCESSABLE',
      'No cards were found in this file. A card is a tag (Heading 4, “Tag”), its cite on the next line, then the card’s text.',
    );
  if (cards.length > MAX_VERBATIM_CARDS)
    throw new AppError(
      'UNPROCESSABLE',
      `This file has ${cards.length} cards; import at most ${MAX_VERBATIM_CARDS} at a time.`,
    );
  const tooLong = cards.find(
    (c) => c.passage.length > MAX_TEXT_LENGTH || c.tag.length > MAX_TEXT_LENGTH,
  );
  if (tooLong)
    throw new AppError(
      'UNPROCESSABLE',
      `The card “${tooLong.tag.slice(0, 80)}” is longer than ${MAX_TEXT_LENGTH} characters; cut it shorter and try again.`,
    );

  const actorId = actor.kind === 'user' ? actor.userId : null;
  const appended = await appendToLog(
    { mapId, actorId },
    async (tx) => {
      const bounds = await tx.node.aggregate({
        where: { mapId, deletedAt: null },
        _max: { x: true },
        _min: { y: true },
      });
      const left = (bounds._max.x ?? -NODE_WIDTH) + NODE_WIDTH + 160;
      let y = bounds._min.y ?? 0;
      // A card filed under several blocks is one card: one source and one
      // evidence node, supporting the claim of each block it is under.
      const byKey = new Map<string, { id: string; card: ParsedCard }>();
      const placed = cards.map((card) => {
        const key = JSON.stringify([card.tag, card.citeParagraph, card.passage, card.marks]);
        let one = byKey.get(key);
        if (!one) byKey.set(key, (one = { id: randomUUID(), card }));
        return { one, heading: card.block || card.hat || card.pocket };
      });
      const sources = [...byKey.values()];
      await tx.source.createMany({
        data: sources.map(({ id, card }) => ({
          id,
          mapId,
          ...sourceOfCite(card),
          format: 'DOCX' as const,
          fileName,
          text: card.passage,
          side,
        })),
      });
      const ops: unknown[] = [];
      const groups = new Map<string, typeof sources>();
      for (const { one, heading } of placed) {
        const members = groups.get(heading) ?? [];
        if (!members.includes(one)) groups.set(heading, [...members, one]);
      }
      /** The evidence node made for each source, made where its card first appears. */
      const nodeOf = new Map<string, string>();
      for (const [heading, members] of groups) {
        const claimId = heading ? randomUUID() : null;
        if (claimId)
          ops.push({
            type: 'createNode',
            id: claimId,
            kind: 'CLAIM',
            text: heading,
            side,
            x: left,
            y,
          });
        for (const { id: sourceId, card } of members) {
          let id = nodeOf.get(sourceId);
          if (!id) {
            id = randomUUID();
            nodeOf.set(sourceId, id);
            const anchor = {
              sourceId,
              exact: card.passage,
              prefix: '',
              suffix: '',
              start: 0,
              end: card.passage.length,
            };
            ops.push({
              type: 'createNode',
              id,
              kind: 'EVIDENCE',
              text: card.tag,
              side,
              x: left + NODE_WIDTH + 80,
              y,
              anchor,
              card: card.marks,
            });
            y += estimateNodeHeight(card.tag, true) + GAP;
          }
          if (claimId)
            ops.push({
              type: 'createEdge',
              id: randomUUID(),
              fromId: id,
              toId: claimId,
              relation: 'SUPPORTS',
            });
        }
        y += GAP;
      }
      const parsed = z.array(ZOp).safeParse(ops);
      if (!parsed.success)
        throw new AppError(
          'UNPROCESSABLE',
          `A card could not be added: ${parsed.error.issues[0]?.message}.`,
        );
      const entry = await applyOpsWithin(tx, { mapId, actorId }, parsed.data as TOp[], 'do');
      return {
        ...entry,
        value: { cards: sources.length, claims: groups.size - (groups.has('') ? 1 : 0) },
      };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  if (appended.duplicate) throw new Error('An import has no idempotency key to repeat.');
  return { seq: appended.seq, cards: appended.value.cards, claims: appended.value.claims };
}
