import 'server-only';
import type { z } from 'zod';
import type { FormAction, FormState } from '../domain/form-state';
import { UNSTORABLE_MESSAGE, unstorableAt } from '../domain/storable';
import { currentActor } from './actor';
import type { Actor } from './authz';
import { AppError } from './errors';

type Issue = { path: PropertyKey[]; message: string };

/** Fields never sent back to the browser after an error. */
const SECRET = /password/i;

/** The form's entries by name (the last of a repeated name wins, as with `form.get`). */
function entriesOf(form: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries(form.entries());
}

/**
 * What was typed and chosen, to put back after an error: the text fields,
 * without secrets. Gathered by name in a Map, then made plain objects with
 * every name an own property: a field named `constructor` or `__proto__`
 * (a crafted request) is just a field, never the object's prototype.
 */
function valuesOf(form: FormData): Pick<FormState, 'values' | 'chosen'> {
  const chosen = new Map<string, string[]>();
  for (const [name, value] of form.entries())
    if (typeof value === 'string' && !SECRET.test(name) && !name.startsWith('$ACTION')) {
      const sent = chosen.get(name);
      if (sent) sent.push(value);
      else chosen.set(name, [value]);
    }
  return {
    values: Object.fromEntries([...chosen].map(([name, sent]) => [name, sent.at(-1)!])),
    chosen: Object.fromEntries(chosen),
  };
}

/** The message and field of an AppError, including a use case's own schema failure (lib/server/http `parseInput`). */
function explain(error: AppError): Pick<FormState, 'error' | 'field' | 'code'> {
  const details = error.details as { field?: unknown; issues?: Issue[] } | undefined;
  const issue = details?.issues?.[0];
  if (issue)
    return { error: issue.message, field: issue.path.join('.') || undefined, code: error.code };
  return {
    error: error.message,
    field: typeof details?.field === 'string' ? details.field : undefined,
    code: error.code,
  };
}

type Options = {
  /**
   * Turns the form into the schema's input, when its entries by name are not
   * enough (numbered fields, uploaded files). An AppError thrown here is shown
   * like any other.
   */
  read?: (form: FormData) => unknown;
};

/**
 * The one way a server action handles a form: the form is parsed with
 * `schema`, `work` runs with the parsed input and the request's actor, and
 * what it returns (a notice, a new link) is the new state. A schema failure
 * or an AppError becomes `{ error, field, values }`: the message, the field
 * at fault and what was typed (passwords excepted), so the form can be
 * corrected. Anything else, Next's redirect and notFound included, passes
 * through.
 */
export function formAction<S extends z.ZodType, Extra extends object = object>(
  schema: S,
  work: (input: z.output<S>, actor: Actor) => Promise<FormState<Extra> | void>,
  { read = entriesOf }: Options = {},
): FormAction<Extra> {
  return async (_state, form) => {
    try {
      const input = await read(form);
      const at = unstorableAt(input);
      if (at !== null)
        return {
          error: `This field ${UNSTORABLE_MESSAGE}.`,
          field: at || undefined,
          ...valuesOf(form),
        } as FormState<Extra>;
      const parsed = await schema.safeParseAsync(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
          error: issue?.message ?? 'Check the form and try again.',
          field: issue?.path.join('.') || undefined,
          ...valuesOf(form),
        } as FormState<Extra>;
      }
      return (await work(parsed.data, await currentActor())) ?? {};
    } catch (error) {
      if (error instanceof AppError)
        return { ...explain(error), ...valuesOf(form) } as FormState<Extra>;
      throw error;
    }
  };
}
