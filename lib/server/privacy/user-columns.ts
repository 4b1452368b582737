import 'server-only';
import type { Prisma } from '../../generated/prisma/client';

/** A column that holds a user's id, as the database itself declares it (a foreign key to "User"). */
export type UserColumn = {
  table: string;
  column: string;
  nullable: boolean;
  /** The table's other columns, to scope a row to a map, a round or a class. */
  columns: string[];
};

type Reader = Pick<Prisma.TransactionClient, '$queryRawUnsafe'>;

/**
 * Every column of every table that refers to a user, read from the
 * database's catalogue, so that a table added later (votes, tasks) is
 * exported and erased without anyone remembering to list it here.
 */
export async function userColumns(tx: Reader): Promise<UserColumn[]> {
  const rows = await tx.$queryRawUnsafe<{ table: string; column: string; nullable: string }[]>(
    `SELECT k.table_name AS "table", k.column_name AS "column", c.is_nullable AS "nullable"
       FROM information_schema.referential_constraints r
       JOIN information_schema.key_column_usage k
         ON k.constraint_name = r.constraint_name AND k.constraint_schema = r.constraint_schema
       JOIN information_schema.constraint_column_usage u
         ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema
       JOIN information_schema.columns c
         ON c.table_schema = k.table_schema AND c.table_name = k.table_name AND c.column_name = k.column_name
      WHERE k.constraint_schema = current_schema() AND u.table_name = 'User' AND u.column_name = 'id'
      ORDER BY 1, 2`,
  );
  const columns = await tx.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema()`,
  );
  return rows.map((row) => ({
    table: row.table,
    column: row.column,
    nullable: row.nullable === 'YES',
    columns: columns.filter((c) => c.table === row.table).map((c) => c.column),
  }));
}

/** A table or column name as SQL: our own schema's names, quoted. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
