import { jsonRoute } from '@/lib/server/http';
import { checkHealth } from '@/lib/server/check-health';

export const dynamic = 'force-dynamic';

/** GET /api/health — 200 when the database answers, 503 otherwise. */
export async function GET() {
  return jsonRoute(checkHealth);
}
