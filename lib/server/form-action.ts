import 'server-only';
import type { z } from 'zod';
import { AppError } from './errors';

/** What a form's server action answers: an error or a notice to show, and the values to keep. */
export type FormState = { error?: string; notice?: string; values?: Record<string, string> };

/** Parses a form with a zod schema; a failure becomes a VALIDATION_FAILED AppError with the first message. */
export function parseForm<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new AppError(
      'VALIDATION_FAILED',
      result.error.issues[0]?.message ?? 'Check the form and try again.',
    );
  return result.data;
}

/**
 * Runs a server action's work and turns the errors we mean (AppError) into a
 * message on the form, keeping what was typed. Anything else (including
 * Next's redirect) passes through.
 */
export async function runFormAction(
  work: () => Promise<string | void>,
  values: Record<string, string> = {},
): Promise<FormState> {
  try {
    const notice = await work();
    return notice ? { notice } : {};
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, values };
    throw error;
  }
}

/** The string fields of a form, for keeping them after an error. */
export function formValues(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((n) => [n, typeof form.get(n) === 'string' ? String(form.get(n)) : '']),
  );
}
