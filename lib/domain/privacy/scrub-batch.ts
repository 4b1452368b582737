/**
 * Erasing a person from a map's op log without breaking it. The log is
 * append-only (history, undo and past views of the map replay it), but a
 * person's right to erasure outranks that: their id is taken out of every
 * batch body, and the words of the comments and notes that were erased are
 * taken out of the ops that carried them. Everything else in a batch, its
 * shape included, stays as it was, so the batch still reads and replays.
 */

/** What a comment or note erased from a map says in the log from now on. @internal Exported for the tests. */
export const ERASED_TEXT = '(deleted)';

/** The ops whose `body` (and `mentions`) are the words of one comment or note, keyed by its `id`. */
const WORDED_OPS = new Set(['addComment', 'editComment', 'upsertAnnotation']);

export type ScrubTarget = {
  /** The person erased: their id goes wherever it appears. */
  userId: string;
  /** Comments and team notes whose words are erased (the person's own, in the scope erased). */
  erasedIds: ReadonlySet<string>;
};

/**
 * A batch body with the person's id removed (from lists: the item goes;
 * elsewhere: null, or cut out of a longer string) and the erased comments'
 * and notes' words replaced. Returns the same object when nothing changed.
 */
export function scrubBatch(body: unknown, target: ScrubTarget): unknown {
  return scrub(body, target);
}

function scrub(value: unknown, target: ScrubTarget): unknown {
  if (typeof value === 'string') {
    if (value === target.userId) return null;
    return value.includes(target.userId) ? value.split(target.userId).join('') : value;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out: unknown[] = [];
    for (const item of value) {
      if (item === target.userId) {
        changed = true;
        continue;
      }
      const next = scrub(item, target);
      if (next !== item) changed = true;
      out.push(next);
    }
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) {
      const next = scrub(item, target);
      if (next !== item) changed = true;
      out[key] = next;
    }
    if (
      typeof record.type === 'string' &&
      WORDED_OPS.has(record.type) &&
      typeof record.id === 'string' &&
      target.erasedIds.has(record.id)
    ) {
      if (typeof out.body === 'string' && out.body !== '') out.body = ERASED_TEXT;
      if (Array.isArray(out.mentions) && out.mentions.length > 0) out.mentions = [];
      changed = changed || out.body !== record.body || out.mentions !== record.mentions;
    }
    return changed ? out : value;
  }
  return value;
}
