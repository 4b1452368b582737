import 'server-only';
import { keptSchemeName, parseAif } from '../../domain/aif';
import { parseArgdown } from '../../domain/argdown';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../domain/backup';
import { readFileText } from '../../domain/file-kind';
import { checkImportLimits, ImportFormatError, type ImportedMap } from '../../domain/interchange';
import { looksLikeKialo, parseKialo } from '../../domain/kialo';
import { estimateNodeHeight, NODE_WIDTH } from '../../domain/layout';
import type { Actor } from '../authz';
import { AppError } from '../errors';
import { restoreBackup } from './import-backup';
import { layoutOffThread } from './layout-off-thread';

export const IMPORT_FORMATS = ['backup', 'aif', 'argdown', 'kialo'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Which format a file is in: as asked, else by its name, else by its content. */
function detectFormat(
  text: string,
  fileName: string,
  asked: ImportFormat | undefined,
): ImportFormat {
  if (asked) return asked;
  if (/\.(argdown|ad)$/i.test(fileName)) return 'argdown';
  if (looksLikeKialo(text)) return 'kialo';
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return 'argdown';
  return /"format"\s*:\s*"counterpoint-backup"/.test(text.slice(0, 2000)) ? 'backup' : 'aif';
}

/** JSON.parse with the line and column of a syntax error. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = Number(/position (\d+)/.exec((error as Error).message)?.[1]);
    if (!Number.isFinite(position)) throw new ImportFormatError('The file is not valid JSON.');
    const before = text.slice(0, position).split('\n');
    throw new ImportFormatError(
      `Line ${before.length}, column ${before.at(-1)!.length + 1}: the file is not valid JSON there.`,
    );
  }
}

/**
 * Lays out a graph whose file had no usable positions, as auto-layout would
 * (each section's cards together), once it is known to be within the limits, and off the request thread.
 */
async function placed(map: ImportedMap): Promise<ImportedMap> {
  checkImportLimits(map);
  if (map.nodes.every((n) => n.x !== null && n.y !== null)) return map;
  const positions = await layoutOffThread({
    nodes: map.nodes.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: estimateNodeHeight(n.text, false, n.tags?.length ?? 0),
    })),
    edges: map.layoutEdges ?? map.edges,
    sections: map.sections?.length
      ? {
          sections: map.sections,
          nodeSection: Object.fromEntries(
            map.nodes.flatMap((n) => (n.section ? [[n.id, n.section]] : [])),
          ),
        }
      : undefined,
  });
  return { ...map, nodes: map.nodes.map((n) => ({ ...n, ...positions.get(n.id)! })) };
}

/**
 * Imports a file (a Counterpoint backup, AIF JSON, Argdown or a Kialo
 * export) as a new map owned by the importing user: its bytes as uploaded,
 * or its text. A file that is not text (an image, a program, an archive,
 * bytes that are not UTF-8) is refused (415) with what it looks like, before
 * any reader sees it. Every format ends in the backup writer: one
 * transaction, so a file that fails anywhere leaves nothing behind. A
 * malformed file is refused with the line or field at fault. `ignored` says,
 * one sentence each, what the file had that the map leaves out.
 */
export async function importMap(
  actor: Actor,
  input: ({ text: string } | { bytes: Uint8Array }) & {
    fileName?: string;
    format?: ImportFormat;
    /** The title the importer chose, instead of the file's own (or its name). */
    title?: string;
  },
): Promise<{ id: string; format: ImportFormat; ignored: string[] }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to import a map.');
  const file = readFileText('bytes' in input ? input.bytes : new TextEncoder().encode(input.text));
  if (!file.ok) throw new AppError('UNSUPPORTED_MEDIA_TYPE', file.message);
  const { text } = file;
  const fileName = input.fileName ?? '';
  const format = detectFormat(text, fileName, input.format);
  const fallbackTitle =
    fileName
      .replace(/\.(aif\.json|json|aif|argdown|ad|txt)$/i, '')
      .replace(/[-_]+/g, ' ')
      .trim() || 'Imported map';
  try {
    if (format === 'backup')
      return {
        ...(await restoreBackup(actor.userId, parseJson(text), input.title)),
        format,
        ignored: [],
      };
    const graph = await placed(
      format === 'aif'
        ? parseAif(parseJson(text), fallbackTitle)
        : format === 'kialo'
          ? parseKialo(text, fallbackTitle)
          : parseArgdown(text, fallbackTitle),
    );
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      map: {
        title: input.title ?? graph.title,
        motion: graph.motion,
        description: graph.description,
        tagColors: graph.tagColors ?? {},
        sections: graph.sections ?? [],
        argdownFrontmatter: graph.frontmatter ?? null,
      },
      sources: [],
      nodes: graph.nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        text: n.text,
        side: n.side,
        x: n.x!,
        y: n.y!,
        anchor: null,
        card: null,
        title: n.title ?? null,
        tags: n.tags ?? [],
        section: n.section ?? null,
        argdownData: n.data ?? null,
      })),
      edges: graph.edges.map((e) => ({
        ...e,
        scheme: e.scheme ?? null,
        schemeName: keptSchemeName(e),
        answers: null,
      })),
      teamLayer: null,
    };
    return {
      ...(await restoreBackup(actor.userId, backup)),
      format,
      ignored: graph.ignored ?? [],
    };
  } catch (error) {
    if (error instanceof ImportFormatError) throw new AppError('VALIDATION_FAILED', error.message);
    throw error;
  }
}
