import 'server-only';
import type { Actor } from './authz';

/**
 * Who is making this request. Accounts and share links arrive with their
 * own issue; until then every visitor is anonymous and sees public maps.
 */
export async function currentActor(): Promise<Actor> {
  return { kind: 'anonymous' };
}
