import 'server-only';
import type { SourceDraft } from '../../domain/evidence/source-draft';
import { authorizeMap, type Actor } from '../authz';
import { limitRequest } from '../rate-limits';
import { readSourceFile, SOURCE_FILE_LIMITS } from './read-source';

/**
 * Reads a file someone wants to add to a map, for them to review: only
 * someone who may edit the map, counted like imports (reading a long PDF is
 * work), and the body read only after both checks. A pasted text has no
 * file name of its own.
 */
export async function readUploadForMap(
  actor: Actor,
  mapId: string,
  upload: { name: string; pasted: boolean; address: string | null },
  readBody: (maxBytes: number) => Promise<Uint8Array>,
): Promise<SourceDraft> {
  await authorizeMap(actor, 'map:edit', mapId);
  await limitRequest('imports', actor, upload.address);
  const bytes = await readBody(SOURCE_FILE_LIMITS.pdfBytes);
  const draft = await readSourceFile({ name: upload.name, bytes });
  return upload.pasted ? { ...draft, fileName: null } : draft;
}
