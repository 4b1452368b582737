import 'server-only';
import { presetByKey } from '../../domain/formats';
import { ZFormat, type Format } from '../../domain/formats/schema';
import { authorizeClassroom, type Actor } from '../authz';
import { db } from '../db';
import { AppError } from '../errors';

/**
 * A class's own debate formats: a built-in preset (or another of the class's
 * formats) copied for the class and edited by its teacher. Students read
 * them; only the teacher copies, edits and deletes.
 *
 * A round keeps its own copy of the format it was started with, so editing
 * or deleting a class format never changes a round already made: past
 * rounds, their flows and ballots, still read as they were held.
 */

export type ClassFormatView = {
  id: string;
  classroomId: string;
  name: string;
  format: Format;
  updatedAt: string;
};

const SUFFIX = ' (our class)';
const MAX_NAME = 80;
const MAX_KEY = 40;
const hidden = () =>
  new AppError('NOT_FOUND', 'This format does not exist, or you are not in its class.');

/** A stored definition, read back through the schema (it was checked when written). */
function view(row: {
  id: string;
  classroomId: string;
  name: string;
  definition: unknown;
  updatedAt: Date;
}): ClassFormatView {
  return {
    id: row.id,
    classroomId: row.classroomId,
    name: row.name,
    format: storedFormat(row.definition),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A class format as stored (checked when it was saved). One the rules no
 * longer accept (the schema grew stricter since) is a clear 409, not a 500.
 */
export function storedFormat(definition: unknown): Format {
  const parsed = ZFormat.safeParse(definition);
  if (!parsed.success)
    throw new AppError(
      'CONFLICT',
      'This class format no longer fits the rules for formats: open it in the editor, fix it and save it.',
    );
  return parsed.data;
}

/** The class's formats, oldest first: the teacher's and the students' view alike. */
export async function listClassFormats(
  actor: Actor,
  classroomId: string,
): Promise<ClassFormatView[]> {
  await authorizeClassroom(actor, 'classroom:read', classroomId);
  const rows = await db().classFormat.findMany({
    where: { classroomId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(view);
}

/** The class format's row, after checking the actor may `action` its classroom. */
async function authorizedRow(
  actor: Actor,
  action: 'classroom:read' | 'classroom:manage',
  id: string,
) {
  const row = await db().classFormat.findUnique({ where: { id } });
  if (!row) {
    // Signed out is told to sign in, as for a classroom, before anything else.
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Sign in to see formats.');
    throw hidden();
  }
  try {
    const access = await authorizeClassroom(actor, action, row.classroomId);
    return { row, access };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw hidden();
    throw error;
  }
}

/** One class format for its editing page: the class's teacher only. */
export async function getClassFormat(
  actor: Actor,
  id: string,
): Promise<ClassFormatView & { classroom: { id: string; name: string } }> {
  const { row, access } = await authorizedRow(actor, 'classroom:manage', id);
  return { ...view(row), classroom: { id: access.classroom.id, name: access.classroom.name } };
}

/** "World Schools (our class)", kept under the name's length limit; a copy of a copy is not "(our class) (our class)". */
function copiedName(name: string): string {
  const base = name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : name;
  return `${base.slice(0, MAX_NAME - SUFFIX.length).trimEnd()}${SUFFIX}`;
}

/** A key the class has not used and no preset has: `<source>-class`, then `-class-2`, … */
function freshKey(sourceKey: string, taken: ReadonlySet<string>): string {
  const base = sourceKey.replace(/-class(-\d+)?$/, '').slice(0, MAX_KEY - 10) || 'format';
  for (let n = 1; ; n++) {
    const key = `${base}-class${n === 1 ? '' : `-${n}`}`.replace(/^-+/, '');
    if (!taken.has(key) && !presetByKey(key)) return key;
  }
}

/**
 * Copies a built-in preset (by its key) or one of the class's own formats
 * (by its id) into the class, as "<name> (our class)" with a key of its own.
 */
export async function copyFormat(
  actor: Actor,
  classroomId: string,
  presetKeyOrClassFormatId: string,
): Promise<ClassFormatView> {
  await authorizeClassroom(actor, 'classroom:manage', classroomId);
  return db().$transaction(async (tx) => {
    // One copy at a time per class, so two never take the same key.
    await tx.$queryRaw`SELECT 1 FROM "Classroom" WHERE "id" = ${classroomId} FOR UPDATE`;
    let source: Format | undefined = presetByKey(presetKeyOrClassFormatId);
    if (!source) {
      const own = await tx.classFormat.findFirst({
        where: { id: presetKeyOrClassFormatId, classroomId },
      });
      if (!own) throw new AppError('NOT_FOUND', 'There is no such format to copy.');
      source = storedFormat(own.definition);
    }
    const existing = await tx.classFormat.findMany({
      where: { classroomId },
      select: { definition: true },
    });
    const taken = new Set(
      existing.map((row) => (row.definition as { key?: unknown } | null)?.key).map(String),
    );
    const format: Format = {
      ...source,
      key: freshKey(source.key, taken),
      name: copiedName(source.name),
    };
    const row = await tx.classFormat.create({
      data: { classroomId, name: format.name, definition: format },
    });
    return view(row);
  });
}

/**
 * Saves the teacher's edit of a class format. `input` is the whole format
 * as the editor sends it; it must pass the format schema, and a failure is
 * VALIDATION_FAILED with the first problem's message and field path
 * (`speeches.0.seconds`), so the form can point at the field. The key stays
 * the format's own, whatever the input says. Rounds already made keep the
 * format as it was when they started.
 */
export async function updateClassFormat(
  actor: Actor,
  id: string,
  input: unknown,
): Promise<ClassFormatView> {
  const { row } = await authorizedRow(actor, 'classroom:manage', id);
  const stored = storedFormat(row.definition);
  const edited =
    input !== null && typeof input === 'object' ? { ...input, key: stored.key } : input;
  const result = ZFormat.safeParse(edited);
  if (!result.success) {
    const issues = result.error.issues;
    const first = issues[0];
    const field = first?.path.join('.') ?? '';
    throw new AppError('VALIDATION_FAILED', first?.message ?? 'The format is not valid.', {
      field,
      issues: issues.map((issue) => ({ path: issue.path, message: issue.message })),
    });
  }
  const updated = await db().classFormat.update({
    where: { id },
    data: { name: result.data.name, definition: result.data },
  });
  return view(updated);
}

/** Deletes a class format. Rounds already made with it keep their own copy and are unchanged. */
export async function deleteClassFormat(actor: Actor, id: string): Promise<void> {
  await authorizedRow(actor, 'classroom:manage', id);
  await db().classFormat.deleteMany({ where: { id } });
}
