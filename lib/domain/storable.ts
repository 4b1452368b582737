/**
 * Text PostgreSQL cannot store, or that is not text at all: a NUL character
 * (PostgreSQL's text type refuses it) or half of a UTF-16 surrogate pair
 * (not a character; it cannot be encoded as UTF-8).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isStorable = (text: string): boolean => !UNSTORABLE.test(text);

/** What a request is told when a field holds such text. */
export const UNSTORABLE_MESSAGE =
  'contains a character that cannot be stored (a NUL character or half of a surrogate pair)';

/**
 * The path ("ops.0.text") of the first string in `value` (parsed JSON or a
 * form's fields) that cannot be stored, or null when all can. Keys are
 * checked too. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function unstorableAt(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (!isStorable(item)) return path;
    } else if (Array.isArray(item)) {
      item.forEach((v, i) => stack.push([v, path ? `${path}.${i}` : String(i)]));
    } else if (item && typeof item === 'object') {
      for (const [key, v] of Object.entries(item)) {
        const at = path ? `${path}.${key}` : key;
        if (!isStorable(key)) return at;
        stack.push([v, at]);
      }
    }
  }
  return null;
}
