import { z } from 'zod';
import type { CqAnswer } from '../types';
import { schemeById } from './schemes';

/**
 * What an edge stores for the reasoning aids, as ops carry it and rows hold
 * it: a support's scheme (`Edge.scheme`) and an attack's answer to a
 * critical question (`Edge.answers`; critical-questions.ts says how they are
 * used).
 */

export const ZSchemeId = z.string().refine((id) => schemeById(id) !== undefined, {
  message: 'There is no such argumentation scheme',
});
/**
 * An imported AIF file's own scheme name (`Edge.schemeName`), as the file
 * wrote it (aif-import.ts clips it to 200 characters).
 */
export const ZSchemeName = z.string().trim().min(1).max(200);
/** Which critical question an attack answers (lib/domain/reasoning/critical-questions.ts). */
export const ZCqAnswer = z
  .object({
    argument: z
      .string()
      .max(140)
      .regex(
        /^(e:[A-Za-z0-9_-]{1,64}|g:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64})$/,
        'The argument is a support (e:edge) or a linked group (g:conclusion:group)',
      ),
    scheme: ZSchemeId,
    question: z.string().max(64),
  })
  .strict()
  .refine((a) => schemeById(a.scheme)?.questions.some((q) => q.id === a.question) === true, {
    message: 'The scheme has no such critical question',
  });

/**
 * An answer as it reads in a copy of its map whose entities have new ids
 * (a backup restored, the demo copied); null when what it answers was not
 * copied.
 */
export function remapCqAnswer(
  answer: CqAnswer,
  ids: {
    nodes: ReadonlyMap<string, string>;
    edges: ReadonlyMap<string, string>;
    groups: ReadonlyMap<string, string>;
  },
): CqAnswer | null {
  const [kind, first, second] = answer.argument.split(':');
  const argument =
    kind === 'e'
      ? ids.edges.has(first!) && `e:${ids.edges.get(first!)}`
      : ids.nodes.has(first!) &&
        ids.groups.has(second!) &&
        `g:${ids.nodes.get(first!)}:${ids.groups.get(second!)}`;
  return argument ? { ...answer, argument } : null;
}

/** A stored answer as the domain reads it: null unless well formed (jsonb keeps no key order). */
export function cqAnswerOf(json: unknown): CqAnswer | null {
  const parsed = ZCqAnswer.safeParse(json);
  if (!parsed.success) return null;
  const { argument, scheme, question } = parsed.data;
  return { argument, scheme, question };
}
