import 'server-only';
import { exportAif } from '../../domain/aif';
import { exportArgdown } from '../../domain/argdown';
import { fileStem } from '../../domain/interchange';
import type { Actor } from '../authz';
import { exportBackup } from './export-backup';
import { getMapSnapshot } from './get-map-snapshot';
import { readArgdownExtras } from './argdown-extras';
import { readNodeTitles } from './node-titles';

export const EXPORT_FORMATS = ['backup', 'aif', 'argdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * A map as a file to download. AIF and Argdown carry the shared graph only
 * (no sources, comments or team layers); the backup adds sources and the
 * reader's own team layer.
 */
export async function exportMap(
  actor: Actor,
  mapId: string,
  format: ExportFormat,
): Promise<{ fileName: string; contentType: string; body: string }> {
  if (format === 'backup') {
    const backup = await exportBackup(actor, mapId);
    return {
      fileName: `${fileStem(backup.map.title)}.counterpoint.json`,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(backup, null, 2),
    };
  }
  const snapshot = await getMapSnapshot(actor, mapId);
  if (format === 'aif') {
    return {
      fileName: `${fileStem(snapshot.title)}.aif.json`,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(exportAif(snapshot), null, 2),
    };
  }
  const [titles, extras] = await Promise.all([readNodeTitles(mapId), readArgdownExtras(mapId)]);
  return {
    fileName: `${fileStem(snapshot.title)}.argdown`,
    contentType: 'text/plain; charset=utf-8',
    body: exportArgdown({
      ...snapshot,
      sections: extras.sections,
      frontmatter: extras.frontmatter,
      nodes: snapshot.nodes.map((n) => ({
        ...n,
        title: titles.get(n.id) ?? null,
        section: extras.nodeSection.get(n.id) ?? null,
        data: extras.nodeData.get(n.id) ?? null,
      })),
    }),
  };
}
