import { MAX_BACKUP_BYTES } from '@/lib/domain/backup';
import { currentActor } from '@/lib/server/actor';
import { jsonRoute, readJsonBody } from '@/lib/server/http';
import { importBackup } from '@/lib/server/maps/import-backup';

/** POST /api/maps/import — a Counterpoint JSON backup; answers { id } of the new map, or the field at fault. */
export async function POST(request: Request) {
  return jsonRoute(async () => importBackup(await currentActor(), await readJsonBody(request, MAX_BACKUP_BYTES)));
}
