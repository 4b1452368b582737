/** The server's words for a refused request (`{ error: { message } }`, lib/server/errors.ts), or `fallback`. */
export async function refusalOf(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string };
  } | null;
  return body?.error?.message ?? fallback;
}
