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
 * Reads a request body as text, refusing one larger than `maxBytes`: at once
 * when its Content-Length says so, else as soon as more than that has
 * arrived (a chunked body has no length), without reading the rest.
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      `The request is larger than ${maxBytes >= 1_000_000 ? `${maxBytes / 1_000_000} MB` : `${Math.round(maxBytes / 1000)} kB`}.`,
    );
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return '';
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
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Reads a JSON request body of at most `maxBytes`, with clear errors for too large or malformed bodies. */
export async function readJsonBody(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  const text = await readTextBody(request, maxBytes);
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
}
