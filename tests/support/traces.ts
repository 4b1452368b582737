import type { PrismaClient } from '@/lib/db/client';

/** A place a person is still found: a table, and the column (a foreign key) or 'row' (anywhere in the row, JSON included). */
export type Trace = { table: string; where: string; count: number };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every place in the database that still holds any of `needles` (a user's
 * id, their email): each foreign-key column to "User" that holds it, and
 * every row of every table whose text (all columns, JSON, arrays) contains
 * it. Tables and columns are read from the database itself, so a table
 * added later is checked without being listed. `except` leaves out tables
 * where the person is meant to remain (their own User row, when only one
 * class's data was erased).
 */
export async function tracesOf(
  db: PrismaClient,
  needles: string[],
  { except = [] }: { except?: string[] } = {},
): Promise<Trace[]> {
  const tables = (
    await db.$queryRawUnsafe<{ table: string }[]>(
      `SELECT table_name AS "table" FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  )
    .map((t) => t.table)
    .filter((t) => !except.includes(t));
  const foreignKeys = await db.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT k.table_name AS "table", k.column_name AS "column"
       FROM information_schema.referential_constraints r
       JOIN information_schema.key_column_usage k
         ON k.constraint_name = r.constraint_name AND k.constraint_schema = r.constraint_schema
       JOIN information_schema.constraint_column_usage u
         ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema
      WHERE k.constraint_schema = current_schema() AND u.table_name = 'User'`,
  );
  if (foreignKeys.length < 10) throw new Error('The foreign keys to "User" were not found.');
  const traces: Trace[] = [];
  const count = async (table: string, where: string, sql: string, needle: string) => {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${ident(table)} t WHERE ${sql}`,
      needle,
    );
    if (row!.n > 0) traces.push({ table, where, count: row!.n });
  };
  for (const needle of needles) {
    for (const { table, column } of foreignKeys)
      if (tables.includes(table)) await count(table, column, `t.${ident(column)} = $1`, needle);
    for (const table of tables)
      await count(table, 'row', `strpos(lower(t::text), lower($1)) > 0`, needle);
  }
  return traces;
}
