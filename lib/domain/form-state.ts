/**
 * What a form's server action answers, shared by the action (app/, through
 * lib/server/form-action) and the form that shows it (components/): browser
 * code never imports lib/server, not even for a type.
 */
export type FormState<Extra extends object = object> = {
  /** What went wrong, in words for the person filling the form in. */
  error?: string;
  /** The field at fault (its form name), when the error is about one field. */
  field?: string;
  /** The refusal's code (lib/server/errors), for a form that answers one kind its own way (STALE_VERSION). */
  code?: string;
  /** What went right, when there is something to say ("Teams saved."). */
  notice?: string;
  /** What was typed, to put back after an error (never passwords); a repeated name's last value. */
  values?: Record<string, string>;
  /**
   * Every value sent under each name, to put choices back after an error: the
   * boxes ticked of a group (two judges, say), and no box for a name not sent
   * (a box unticked stays unticked).
   */
  chosen?: Record<string, string[]>;
} & Partial<Extra>;

/** A server action as a form's `action` with `useActionState`. */
export type FormAction<Extra extends object = object> = (
  state: FormState<Extra>,
  form: FormData,
) => Promise<FormState<Extra>>;
