import 'server-only';
import type { SourceDraft } from '../../domain/evidence/source-draft';
import { authorizeMap, type Actor } from '../authz';
import { limitRequest } from '../rate-limits';
import { readSourceFile, SOURCE_FILE_LIMITS } from './read-source';

/** An uploaded file as the route reads it: its bytes, its name, and whether it was pasted. */
export type Upload = { bytes: Uint8Array; name: string; pasted: boolean };

/**
 * Reads a file someone wants to add to a map, for them to review: only
 * someone who may edit the map, counted like imports (reading a long PDF is
 * work), and the body read only after both checks (where a write from
 * another site is refused before anything else about it is looked at). A
 * pasted text has no file name of its own.
 */
export async function readUploadForMap(
  actor: Actor,
  mapId: string,
  address: string | null,
  readUpload: (maxBytes: number) => Promise<Upload>,
): Promise<SourceDraft> {
  await authorizeMap(actor, 'map:edit', mapId);
  await limitRequest('imports', actor, address);
  const { bytes, name, pasted } = await readUpload(SOURCE_FILE_LIMITS.pdfBytes);
  const draft = await readSourceFile({ name, bytes });
  return pasted ? { ...draft, fileName: null } : draft;
}
