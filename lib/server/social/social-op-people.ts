import 'server-only';
import type { TSocialOpInput } from '../../domain/social';
import type { PeopleLens } from '../maps/display-names';
import { realIdsOn } from '../maps/display-names';

/**
 * The people social ops name by id: the @mentions of a comment, the
 * assignee of a note. On an anonymous map they travel to a reader who does
 * not see names as per-map ids (an undo step, a batch's inverse) and come
 * back so; the server stores and checks user ids only.
 */
export function peopleInSocialOps(ops: readonly TSocialOpInput[]): string[] {
  return ops.flatMap((op) =>
    op.type === 'addComment' || op.type === 'editComment'
      ? (op.mentions ?? [])
      : op.type === 'upsertAnnotation' && op.assigneeId
        ? [op.assigneeId]
        : [],
  );
}

/** `ops` with the people they name as `lens` shows them to its reader. */
export function socialOpsAsSeenBy<O extends TSocialOpInput>(
  ops: readonly O[],
  lens: PeopleLens,
): O[] {
  return ops.map((op) => withPeople(op, (id) => lens.idOf(id)));
}

/** `ops` as a browser sent them, with per-map ids turned back into the user ids they stand for. */
export async function socialOpsWithRealIds<O extends TSocialOpInput>(
  mapId: string,
  ops: readonly O[],
): Promise<O[]> {
  const real = await realIdsOn(mapId, peopleInSocialOps(ops));
  if (real.size === 0) return [...ops];
  return ops.map((op) => withPeople(op, (id) => real.get(id) ?? id));
}

function withPeople<O extends TSocialOpInput>(op: O, idOf: (id: string) => string): O {
  if ((op.type === 'addComment' || op.type === 'editComment') && op.mentions)
    return { ...op, mentions: op.mentions.map(idOf) };
  if (op.type === 'upsertAnnotation' && op.assigneeId)
    return { ...op, assigneeId: idOf(op.assigneeId) };
  return op;
}
