/** The server's words for a refused request (`{ error: { message } }`, lib/server/errors.ts), or `fallback`. */
export async function refusalOf(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string };
  } | null;
  return body?.error?.message ?? fallback;
}

/**
 * A refused form's words and the field at fault: the server names it first
 * ("title: Give the source a title", lib/server/http.ts parseInput), and the
 * form marks that field and shows the rest.
 */
export async function fieldRefusalOf(
  response: Response,
  fallback: string,
): Promise<{ message: string; field: string | null }> {
  const message = await refusalOf(response, fallback);
  const field = /^(\w+): /.exec(message)?.[1] ?? null;
  return { message: field ? message.slice(field.length + 2) : message, field };
}
