import 'server-only';
import { checkBackupReferences, ZBackup, type Backup } from '../../domain/backup';
import { normalizeMarks } from '../../domain/evidence/card';
import { Prisma } from '../../generated/prisma/client';
import { db } from '../db';
import { AppError } from '../errors';
import { writeGraph } from './write-graph';

/**
 * Checks `raw` as a backup and writes it as a new map owned by `ownerId`,
 * all in one transaction. The AIF and Argdown importers end here too, so
 * every import is checked and written the same way. `title`, when given,
 * is the map's instead of the one the file has (the importer chose it).
 */
export async function restoreBackup(
  ownerId: string,
  raw: unknown,
  title?: string,
): Promise<{ id: string }> {
  const parsed = ZBackup.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    throw new AppError('VALIDATION_FAILED', `${at || 'file'}: ${issue.message}`);
  }
  const backup: Backup = parsed.data;
  const problem = checkBackupReferences(backup);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);

  try {
    return await db().$transaction(
      async (tx) => {
        const map = await tx.argumentMap.create({
          data: {
            title: title ?? backup.map.title,
            motion: backup.map.motion,
            description: backup.map.description,
            tagColors: Object.keys(backup.map.tagColors).length
              ? backup.map.tagColors
              : Prisma.DbNull,
            sections: backup.map.sections.length > 0 ? backup.map.sections : Prisma.DbNull,
            argdownFrontmatter: backup.map.argdownFrontmatter ?? Prisma.DbNull,
            ownerId,
          },
        });
        await tx.mapMember.create({ data: { mapId: map.id, userId: ownerId, role: 'OWNER' } });
        const sourceIds = new Map<string, string>();
        for (const s of backup.sources) {
          const row = await tx.source.create({
            data: {
              mapId: map.id,
              title: s.title,
              author: s.author,
              qualifications: s.qualifications,
              publisher: s.publisher,
              publishedOn: dateColumn(s.publishedOn),
              url: s.url,
              accessedOn: dateColumn(s.accessedOn),
              format: s.format,
              side: s.side,
              text: s.text,
              pageStarts: s.pageStarts,
              pageLabels: s.pageLabels,
            },
          });
          sourceIds.set(s.id, row.id);
        }
        const { nodeIds, edgeIds } = await writeGraph(
          tx,
          { mapId: map.id, ownerId, sourceIds },
          backup,
        );
        if (backup.teamLayer) {
          const team = await tx.team.create({
            data: {
              mapId: map.id,
              name: backup.teamLayer.name,
              side: backup.teamLayer.side,
              color: '#0f766e',
            },
          });
          await tx.teamMember.create({ data: { teamId: team.id, userId: ownerId } });
          const passages = new Map(backup.nodes.map((n) => [n.id, n.anchor?.exact.length ?? 0]));
          await tx.annotation.createMany({
            data: backup.teamLayer.annotations.map((a) => ({
              mapId: map.id,
              teamId: team.id,
              authorId: ownerId,
              targetType: a.target.kind,
              nodeId: a.target.kind === 'NODE' ? nodeIds.get(a.target.nodeId)! : null,
              edgeId: a.target.kind === 'EDGE' ? edgeIds.get(a.target.edgeId)! : null,
              sourceId: a.target.kind === 'SOURCE' ? sourceIds.get(a.target.sourceId)! : null,
              quoteExact: a.target.kind === 'SOURCE' ? a.target.exact : null,
              quoteStart: a.target.kind === 'SOURCE' ? a.target.start : null,
              quoteEnd: a.target.kind === 'SOURCE' ? a.target.end : null,
              kind: a.kind,
              body: a.body,
              rating: a.kind === 'RATING' ? a.rating : null,
              tag: a.kind === 'TAG' ? a.tag : null,
              marks:
                a.kind === 'CUT' && a.marks && a.target.kind === 'NODE'
                  ? normalizeMarks(a.marks, passages.get(a.target.nodeId) ?? 0)
                  : Prisma.DbNull,
            })),
          });
        }
        return { id: map.id };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    // PostgreSQL refused a value (class 22, "data exception", e.g. a NUL character in a text):
    // the transaction was rolled back, so nothing was created; the file is at fault, not the server.
    const cause = (
      error as { meta?: { driverAdapterError?: { cause?: { code?: string; message?: string } } } }
    ).meta?.driverAdapterError?.cause;
    if (cause?.code?.startsWith('22'))
      throw new AppError(
        'VALIDATION_FAILED',
        `The file has a value the database cannot store (${cause.message ?? cause.code}).`,
      );
    throw error;
  }
}

/** YYYY-MM-DD for a DATE column. */
const dateColumn = (date: string | null) => (date ? new Date(`${date}T00:00:00Z`) : null);
