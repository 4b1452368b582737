/**
 * A random id for an entity the browser creates (20 hex characters, 80
 * bits). crypto.getRandomValues works on plain-http classroom addresses
 * too, where crypto.randomUUID does not exist.
 */
export function newId(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
