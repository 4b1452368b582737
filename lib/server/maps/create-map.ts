import 'server-only';
import { z } from 'zod';
import { DEMO_MAP_SLUG } from '../../domain/demo-map';
import { ZSide } from '../../domain/ops';
import { MAX_SOURCE_CHARS } from '../../domain/types';
import { authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';
import { parseInput } from '../http';
import { AppError } from '../errors';
import { edgeStateOf, nodeStateOf } from './graph-rows';
import { writeGraph } from './write-graph';

export const MAX_SOURCES = 4;

const ZNewSource = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give each source a title')
    .max(300, 'A source title is at most 300 characters'),
  author: z.string().trim().max(200, 'An author name is at most 200 characters').default(''),
  side: ZSide,
  text: z
    .string()
    .transform((t) => t.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, 'A source needs its text')
        .max(
          MAX_SOURCE_CHARS,
          `A source can hold at most ${MAX_SOURCE_CHARS.toLocaleString('en')} characters`,
        ),
    ),
});

/** A map's title, as a person types it. */
export const ZMapTitle = z
  .string()
  .trim()
  .min(1, 'Give the map a title')
  .max(120, 'Use at most 120 characters for the title');

export const ZCreateMapInput = z.object({
  title: ZMapTitle,
  motion: z
    .string()
    .trim()
    .min(1, 'Write the motion or question under debate')
    .max(300, 'Use at most 300 characters for the motion'),
  template: z.enum(['blank', 'demo'], { message: 'Choose how to start the map' }),
  /** The class the map is for: its students can open and edit it. Only its teacher may choose it. */
  classroomId: z.string().min(1).max(64).nullable().default(null),
  /** Source documents for a blank map, pasted or read from .txt/.md files. */
  sources: z
    .array(ZNewSource)
    .max(MAX_SOURCES, `A map can start with at most ${MAX_SOURCES} sources`)
    .default([]),
});
export type TCreateMapInput = z.input<typeof ZCreateMapInput>;

/**
 * Creates a map owned by the signed-in actor: blank, or a copy of the demo
 * debate as it stands now (its sources, live nodes with their anchors, live
 * edges and teams, all under new ids). One transaction: a map is created
 * whole or not at all.
 */
export async function createMap(actor: Actor, raw: TCreateMapInput): Promise<{ id: string }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to create a map.');
  const input = parseInput(ZCreateMapInput, raw);
  const ownerId = actor.userId;
  if (input.classroomId) await authorizeClassroom(actor, 'classroom:manage', input.classroomId);
  return db().$transaction(
    async (tx) => {
      const demo =
        input.template === 'demo'
          ? await tx.argumentMap.findUnique({
              where: { slug: DEMO_MAP_SLUG },
              include: {
                sources: true,
                nodes: { where: { deletedAt: null } },
                edges: { where: { deletedAt: null } },
                teams: true,
              },
            })
          : null;
      if (input.template === 'demo' && !demo)
        throw new AppError('NOT_FOUND', 'The demo debate is not available on this server.');

      const map = await tx.argumentMap.create({
        data: {
          title: input.title,
          motion: input.motion,
          description: demo?.description ?? '',
          ownerId,
          classroomId: input.classroomId,
        },
      });
      await tx.mapMember.create({ data: { mapId: map.id, userId: ownerId, role: 'OWNER' } });
      if (!demo) {
        for (const s of input.sources) {
          await tx.source.create({
            data: {
              mapId: map.id,
              title: s.title,
              author: s.author || 'Unknown author',
              publisher: '',
              text: s.text,
              side: s.side,
            },
          });
        }
        return { id: map.id };
      }

      const sourceIds = new Map<string, string>();
      for (const s of demo.sources) {
        const copy = await tx.source.create({
          data: {
            mapId: map.id,
            title: s.title,
            author: s.author,
            qualifications: s.qualifications,
            publisher: s.publisher,
            publishedOn: s.publishedOn,
            url: s.url,
            accessedOn: s.accessedOn,
            format: s.format,
            fileName: s.fileName,
            text: s.text,
            pageStarts: s.pageStarts,
            pageLabels: s.pageLabels,
            side: s.side,
          },
        });
        sourceIds.set(s.id, copy.id);
      }
      await writeGraph(
        tx,
        { mapId: map.id, ownerId, sourceIds },
        { nodes: demo.nodes.map(nodeStateOf), edges: demo.edges.map(edgeStateOf) },
      );
      await tx.team.createMany({
        data: demo.teams.map((t) => ({
          mapId: map.id,
          name: t.name,
          color: t.color,
          side: t.side,
        })),
      });
      return { id: map.id };
    },
    { timeout: 30_000 },
  );
}
