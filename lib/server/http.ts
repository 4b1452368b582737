import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError, toErrorResponse } from './errors';

/** Parses route input with a zod schema, turning failures into VALIDATION_FAILED with the field at fault. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'input';
    throw new AppError('VALIDATION_FAILED', `${field}: ${issue?.message ?? 'is invalid'}`, { issues: result.error.issues });
  }
  return result.data;
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
