import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { UNSTORABLE_MESSAGE, unstorableAt } from '../domain/storable';
import { AppError, toErrorResponse } from './errors';

/** A database id in a route parameter or a form's hidden field. */
export const ZRecordId = z.string().min(1).max(64);

/** Parses route input with a zod schema, turning failures into VALIDATION_FAILED with the field at fault. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'input';
    throw new AppError('VALIDATION_FAILED', `${field}: ${issue?.message ?? 'is invalid'}`, {
      issues: result.error.issues,
    });
  }
  return result.data;
}

/**
 * The hosts this app answers on: the one the request was sent to (as the
 * proxy in front forwards it, else Host), and AUTH_URL's when it is set
 * (the public address, for a proxy that forwards neither). A browser cannot
 * forge either header on another site's request.
 */
function ownHosts(request: Request): string[] {
  const h = request.headers;
  const hosts = [
    h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host') || new URL(request.url).host,
  ];
  if (process.env.AUTH_URL) hosts.push(new URL(process.env.AUTH_URL).host);
  return hosts.filter((host): host is string => Boolean(host));
}

/**
 * Refuses a write that another site's page sent (a cross-site form or
 * fetch rides on the reader's cookie). Browsers name the page's origin in
 * Origin on every POST; when it is missing, Sec-Fetch-Site says whether the
 * page was ours. A request with neither is not from a browser's page, so
 * it is refused too: scripts send Origin. Compared by host, as Next does for
 * server actions (a teacher's laptop serves plain HTTP on its own address).
 */
function refuseCrossSite(request: Request): void {
  const origin = request.headers.get('origin');
  let host: string | null = null;
  try {
    host = origin && origin !== 'null' ? new URL(origin).host : null;
  } catch {}
  const sameSite =
    origin !== null
      ? host !== null && ownHosts(request).includes(host)
      : request.headers.get('sec-fetch-site') === 'same-origin';
  if (!sameSite)
    throw new AppError(
      'FORBIDDEN',
      'This change was sent from another site, so it was refused. Make it on Counterpoint itself.',
    );
}

/** Refuses a body that is not of `mediaType` (a form from another site can send only plain text and form data). */
function requireMediaType(request: Request, mediaType: string): void {
  const sent = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (sent !== mediaType)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The request body must be sent as ${mediaType}${sent ? `, not ${sent}` : ''}.`,
    );
}

/**
 * The checks of `readTextBody` without reading: for routes that refuse a
 * write from another site before they look anything up (a round's routes
 * learn the map only from the round).
 */
export function refuseForeignWrite(request: Request): void {
  refuseCrossSite(request);
  requireMediaType(request, 'application/json');
}

/**
 * Reads a request body as text, refusing one larger than `maxBytes`: at once
 * when its Content-Length says so, else as soon as more than that has
 * arrived (a chunked body has no length), without reading the rest.
 *
 * Every route that changes something reads its body here, so this is where
 * a write from another site is refused (403), and a body not of
 * `mediaType` (415), before a byte is read.
 */
async function readTextBody(
  request: Request,
  maxBytes: number,
  mediaType: 'application/json' | 'application/octet-stream',
): Promise<string> {
  return new TextDecoder().decode(await readBody(request, maxBytes, mediaType));
}

/**
 * Reads an uploaded file sent as application/octet-stream, with the checks
 * of `readTextBody`, as bytes: the import tells text from other files itself
 * (lib/domain/file-kind.ts).
 */
export function readBytesBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  return readBody(request, maxBytes, 'application/octet-stream');
}

/**
 * Reads a file upload (multipart/form-data) of at most `maxBytes` in all,
 * with the same checks as `readTextBody`: another site's write is refused,
 * and so is a body of another type, before a byte is read.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<FormData> {
  const bytes = await readBody(request, maxBytes, 'multipart/form-data');
  try {
    return await new Response(new Uint8Array(bytes), {
      headers: { 'content-type': request.headers.get('content-type')! },
    }).formData();
  } catch {
    throw new AppError('BAD_REQUEST', 'The uploaded form could not be read.');
  }
}

async function readBody(
  request: Request,
  maxBytes: number,
  mediaType: 'application/json' | 'application/octet-stream' | 'multipart/form-data',
): Promise<Uint8Array> {
  refuseCrossSite(request);
  requireMediaType(request, mediaType);
  const tooLarge = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      `The request is larger than ${maxBytes >= 1_000_000 ? `${maxBytes / 1_000_000} MB` : `${Math.round(maxBytes / 1000)} kB`}.`,
    );
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON request body of at most `maxBytes`, with clear errors for too large or malformed bodies. */
export async function readJsonBody(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  const text = await readTextBody(request, maxBytes, 'application/json');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
  const at = unstorableAt(body);
  if (at !== null)
    throw new AppError('VALIDATION_FAILED', `${at || 'body'}: ${UNSTORABLE_MESSAGE}`, {
      field: at,
    });
  return body;
}

/** API answers carry a reader's private data: kept by no cache, shared or the browser's. */
const PRIVATE = { 'cache-control': 'private, no-store' };

/** Runs a route handler body, mapping thrown errors to the JSON error shape in one place. */
export async function jsonRoute(run: () => Promise<unknown>): Promise<NextResponse> {
  try {
    return NextResponse.json(await run(), { headers: PRIVATE });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A file to download: its name (any characters), type and bytes. */
export type Download = { fileName: string; contentType: string; body: string | Uint8Array };

/**
 * Runs a route handler that answers with a file to download (an attachment
 * with its name, kept by no cache); a thrown error is the same JSON error as
 * `jsonRoute` gives.
 */
export async function downloadRoute(run: () => Promise<Download>): Promise<NextResponse> {
  try {
    const file = await run();
    const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return new NextResponse(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), {
      headers: {
        ...PRIVATE,
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

function errorResponse(error: unknown): NextResponse {
  if (!(error instanceof AppError)) console.error(error);
  const { status, body } = toErrorResponse(error);
  // A refusal for now (429, 503) says when to ask again.
  const retryAfter = (body.error.details as { retryAfterSeconds?: number } | undefined)
    ?.retryAfterSeconds;
  return NextResponse.json(body, {
    status,
    headers: retryAfter ? { ...PRIVATE, 'Retry-After': String(retryAfter) } : PRIVATE,
  });
}
