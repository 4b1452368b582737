import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
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

/** Reads a request body as text, refusing one larger than `maxBytes` before and after reading it. */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      `The request is larger than ${maxBytes >= 1_000_000 ? `${maxBytes / 1_000_000} MB` : `${Math.round(maxBytes / 1000)} kB`}.`,
    );
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  return text;
}

/** Reads a JSON request body of at most `maxBytes`, with clear errors for too large or malformed bodies. */
export async function readJsonBody(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  const text = await readTextBody(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

/** Runs a route handler body, mapping thrown errors to the JSON error shape in one place. */
export async function jsonRoute(run: () => Promise<unknown>): Promise<NextResponse> {
  try {
    return NextResponse.json(await run());
  } catch (error) {
    if (!(error instanceof AppError)) console.error(error);
    const { status, body } = toErrorResponse(error);
    return NextResponse.json(body, { status });
  }
}
