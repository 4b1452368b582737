import { currentActor } from '@/lib/server/actor';
import { downloadRoute } from '@/lib/server/http';
import { exportMyData } from '@/lib/server/privacy/export-data';

/** GET /api/me/data — the signed-in user's own data, as a JSON file to download. */
export async function GET() {
  return downloadRoute(async () => exportMyData(await currentActor()));
}
