import 'server-only';
import type { SourceChange } from '../../domain/evidence/source-draft';
import type { SourceDoc } from '../../domain/types';
import { MAX_SOURCE_CHARS } from '../../domain/types';
import { authorizeMap, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../http';
import { appendToLog } from '../maps/append-to-log';
import { sourceDocOf } from './source-doc';
import {
  assembleText,
  MAX_SOURCES_PER_MAP,
  ZNewSource,
  ZSourceDetails,
  type TSourceDetails,
} from './source-input';

const dateOrNull = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

function detailsData(d: TSourceDetails) {
  return {
    title: d.title,
    author: d.author,
    qualifications: d.qualifications,
    publisher: d.publisher,
    publishedOn: dateOrNull(d.publishedOn),
    url: d.url,
    accessedOn: dateOrNull(d.accessedOn),
    side: d.side,
  };
}

/**
 * Adds a reviewed source to a map, for anyone who may edit it. The text is
 * fixed from now on (evidence anchors into it); the details can change. The
 * op log records it as a batch of kind 'source', so open pages fetch it.
 */
export async function addSource(
  actor: Actor,
  mapId: string,
  raw: unknown,
): Promise<{ id: string; seq: number }> {
  await authorizeMap(actor, 'map:edit', mapId);
  const input = parseInput(ZNewSource, raw);
  const { text, pageStarts, pageLabels } = assembleText(input);
  if (!text)
    throw new AppError('VALIDATION_FAILED', 'The source has no text left to save.', {
      field: 'text',
    });
  if (text.length > MAX_SOURCE_CHARS)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `A source can hold at most ${MAX_SOURCE_CHARS.toLocaleString('en')} characters; this one has ${text.length.toLocaleString('en')}.`,
      { field: 'text' },
    );
  const appended = await appendToLog(
    { mapId, actorId: actor.kind === 'user' ? actor.userId : null },
    async (tx) => {
      const count = await tx.source.count({ where: { mapId } });
      if (count >= MAX_SOURCES_PER_MAP)
        throw new AppError(
          'CONFLICT',
          `A map holds at most ${MAX_SOURCES_PER_MAP} sources, and this one is full.`,
        );
      const source = await tx.source.create({
        data: {
          mapId,
          ...detailsData(input),
          format: input.format,
          fileName: input.fileName,
          text,
          pageStarts,
          pageLabels,
        },
        select: { id: true, title: true },
      });
      const change: SourceChange = { type: 'addSource', id: source.id, title: source.title };
      return {
        op: { kind: 'source', ops: [change] },
        live: { changes: [change] },
        value: source.id,
      };
    },
  );
  if (appended.duplicate) throw new AppError('CONFLICT', 'This source was already added.');
  return { id: appended.value, seq: appended.seq };
}

/** Changes a source's details (never its text), for anyone who may edit the map. */
export async function updateSourceDetails(
  actor: Actor,
  mapId: string,
  sourceId: string,
  raw: unknown,
): Promise<SourceDoc> {
  await authorizeMap(actor, 'map:edit', mapId);
  const details = parseInput(ZSourceDetails.strict(), raw);
  const appended = await appendToLog(
    { mapId, actorId: actor.kind === 'user' ? actor.userId : null },
    async (tx) => {
      const { count } = await tx.source.updateMany({
        where: { id: sourceId, mapId },
        data: detailsData(details),
      });
      if (count === 0) throw new AppError('NOT_FOUND', 'This source is not on the map any more.');
      const row = await tx.source.findUniqueOrThrow({ where: { id: sourceId } });
      const change: SourceChange = { type: 'updateSource', id: sourceId, title: row.title };
      return {
        op: { kind: 'source', ops: [change] },
        live: { changes: [change] },
        value: sourceDocOf(row),
      };
    },
  );
  if (appended.duplicate) throw new AppError('CONFLICT', 'This change was already made.');
  return appended.value;
}

/** The map's sources, for anyone who may read it (an open page refetches them when one is added). */
export async function listSources(actor: Actor, mapId: string): Promise<SourceDoc[]> {
  await authorizeMap(actor, 'map:read', mapId);
  const rows = await db().source.findMany({ where: { mapId }, orderBy: { createdAt: 'asc' } });
  return rows.map(sourceDocOf);
}

/** A source's details for the page that changes them, for anyone who may edit the map. */
export async function getSourceDetails(actor: Actor, mapId: string, sourceId: string) {
  await authorizeMap(actor, 'map:edit', mapId);
  const row = await db().source.findFirst({
    where: { id: sourceId, mapId },
    include: { map: { select: { title: true } } },
  });
  if (!row) throw new AppError('NOT_FOUND', 'This source is not on the map any more.');
  const doc = sourceDocOf(row);
  return {
    id: row.id,
    mapId,
    mapTitle: row.map.title,
    fileName: row.fileName,
    format: row.format,
    pages: row.pageStarts.length,
    characters: row.text.length,
    details: {
      title: doc.title,
      author: doc.author,
      qualifications: doc.qualifications,
      publisher: doc.publisher,
      publishedOn: doc.publishedOn,
      url: doc.url,
      accessedOn: doc.accessedOn,
      side: doc.side,
    },
  };
}

/** The map a source is being added to, for anyone who may edit it. */
export async function mapForNewSource(actor: Actor, mapId: string): Promise<{ title: string }> {
  await authorizeMap(actor, 'map:edit', mapId);
  return db().argumentMap.findUniqueOrThrow({ where: { id: mapId }, select: { title: true } });
}
