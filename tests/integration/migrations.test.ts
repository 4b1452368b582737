import { cp, mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  checksumOf,
  DEFAULT_MIGRATIONS_DIR,
  migrate,
  MigrationError,
  readMigrations,
} from '@/lib/db/migrate';
import { withScratchDatabase } from '../support/scratch-database';

const require = createRequire(import.meta.url);
const { get_dmmf } = require('@prisma/prisma-schema-wasm') as {
  get_dmmf: (params: string) => string;
};

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type Dmmf = {
  datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[] };
};

async function prismaSchema(): Promise<Dmmf> {
  const schema = await readFile(
    path.resolve(import.meta.dirname, '../../prisma/schema.prisma'),
    'utf8',
  );
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schema })));
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The PostgreSQL type Prisma's default mapping gives a scalar field. */
function expectedType(field: DmmfField): { data_type: string; udt_name?: string } {
  if (field.kind === 'enum') return { data_type: 'USER-DEFINED', udt_name: field.type };
  if (field.nativeType?.[0] === 'Date') return { data_type: 'date' };
  const map: Record<string, string> = {
    String: 'text',
    Int: 'integer',
    BigInt: 'bigint',
    Float: 'double precision',
    Boolean: 'boolean',
    DateTime: 'timestamp without time zone',
    Json: 'jsonb',
  };
  const type = map[field.type];
  if (!type) throw new Error(`no expected type for ${field.type}`);
  // A scalar list is a PostgreSQL array of the element type (udt "_text" for String[]).
  if (field.isList)
    return {
      data_type: 'ARRAY',
      udt_name: `_${{ text: 'text', integer: 'int4', bigint: 'int8', boolean: 'bool' }[type] ?? type}`,
    };
  return { data_type: type };
}

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'counterpoint-migrations-'));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('migrations', () => {
  it('build, on an empty database, every model, field, nullability, enum and relation of the Prisma schema', async () => {
    const dmmf = await prismaSchema();
    await withScratchDatabase(async (url) => {
      await migrate(url);
      const columns = await query<{
        table_name: string;
        column_name: string;
        is_nullable: string;
        data_type: string;
        udt_name: string;
      }>(
        url,
        `SELECT table_name, column_name, is_nullable, data_type, udt_name FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      const byTable = new Map<string, Map<string, (typeof columns)[number]>>();
      for (const c of columns) {
        if (!byTable.has(c.table_name)) byTable.set(c.table_name, new Map());
        byTable.get(c.table_name)!.set(c.column_name, c);
      }
      const foreignKeys = await query<{
        table_name: string;
        columns: string[];
        ref_table: string;
        ref_columns: string[];
      }>(
        url,
        `SELECT cl.relname AS table_name, rc.relname AS ref_table,
                array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
                array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS ref_columns
           FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rc ON rc.oid = c.confrelid
          WHERE c.contype = 'f'`,
      );
      const indexes = await query<{ table_name: string; columns: string[] }>(
        url,
        `SELECT t.relname AS table_name,
                array(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns
           FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE ns.nspname = 'public'`,
      );

      const problems: string[] = [];
      for (const model of dmmf.datamodel.models) {
        const table = model.dbName ?? model.name;
        const cols = byTable.get(table);
        if (!cols) {
          problems.push(`table ${table} is missing`);
          continue;
        }
        const dbNameOf = (fieldName: string) => {
          const f = model.fields.find((x) => x.name === fieldName);
          return f?.dbName ?? fieldName;
        };
        for (const field of model.fields) {
          if (field.kind === 'object') {
            if (!field.relationFromFields?.length) continue;
            const target = dmmf.datamodel.models.find((m) => m.name === field.type)!;
            const fromCols = field.relationFromFields.map(dbNameOf);
            const toCols = field.relationToFields!.map(
              (n) => target.fields.find((f) => f.name === n)?.dbName ?? n,
            );
            const fk = foreignKeys.find(
              (k) =>
                k.table_name === table &&
                k.ref_table === (target.dbName ?? target.name) &&
                k.columns.join() === fromCols.join() &&
                k.ref_columns.join() === toCols.join(),
            );
            if (!fk)
              problems.push(
                `foreign key ${table}(${fromCols}) → ${target.name}(${toCols}) is missing`,
              );
            if (
              !indexes.some(
                (ix) =>
                  ix.table_name === table &&
                  ix.columns.slice(0, fromCols.length).join() === fromCols.join(),
              )
            ) {
              problems.push(`foreign key ${table}(${fromCols}) has no index`);
            }
            continue;
          }
          const column = cols.get(field.dbName ?? field.name);
          if (!column) {
            problems.push(`column ${table}.${field.name} is missing`);
            continue;
          }
          const nullable = column.is_nullable === 'YES';
          // Prisma Migrate leaves list columns nullable (a list field is never null to the client).
          if (!field.isList && nullable === field.isRequired)
            problems.push(
              `column ${table}.${field.name} should be ${field.isRequired ? 'NOT NULL' : 'nullable'}`,
            );
          const expected = expectedType(field);
          if (
            column.data_type !== expected.data_type ||
            (expected.udt_name && column.udt_name !== expected.udt_name)
          ) {
            problems.push(
              `column ${table}.${field.name} is ${column.data_type}/${column.udt_name}, expected ${expected.data_type}${expected.udt_name ? `/${expected.udt_name}` : ''}`,
            );
          }
        }
        const extra = [...cols.keys()].filter(
          (c) => !model.fields.some((f) => (f.dbName ?? f.name) === c),
        );
        for (const c of extra) problems.push(`column ${table}.${c} is not in the Prisma schema`);
      }
      const enums = await query<{ name: string; values: string[] }>(
        url,
        `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
           FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
      );
      for (const e of dmmf.datamodel.enums) {
        const found = enums.find((x) => x.name === e.name);
        if (!found) problems.push(`enum ${e.name} is missing`);
        else if (found.values.join() !== e.values.map((v) => v.name).join())
          problems.push(`enum ${e.name} has values ${found.values}`);
      }
      expect(problems).toEqual([]);
    });
  });

  it('record themselves in _prisma_migrations as Prisma does, and apply nothing the second time', async () => {
    await withScratchDatabase(async (url) => {
      const files = await readMigrations();
      const first = await migrate(url);
      expect(first.applied).toEqual(files.map((f) => f.name));
      const rows = await query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        applied_steps_count: number;
        id: string;
      }>(
        url,
        `SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
      for (const [i, row] of rows.entries()) {
        expect(row.checksum).toBe(checksumOf(files[i]!.sql));
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.applied_steps_count).toBe(1);
        expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      }
      const second = await migrate(url);
      expect(second).toEqual({ applied: [], alreadyApplied: files.map((f) => f.name) });
    });
  });

  it('refuses a migration that was changed after it was applied, and changes nothing', async () => {
    await withScratchDatabase(async (url) => {
      const dir = await copyMigrations();
      await migrate(url, { dir });
      const [first] = await readMigrations(dir);
      await writeFile(
        path.join(dir, first!.name, 'migration.sql'),
        `${first!.sql}\nCREATE TABLE "sneaky" (id int);\n`,
      );
      const attempt = migrate(url, { dir });
      await expect(attempt).rejects.toBeInstanceOf(MigrationError);
      await expect(attempt).rejects.toThrow(
        `migration ${first!.name} was changed after it was applied`,
      );
      const sneaky = await query(
        url,
        `SELECT 1 FROM information_schema.tables WHERE table_name = 'sneaky'`,
      );
      expect(sneaky).toHaveLength(0);
    });
  });

  it('rolls a failing migration back whole and does not record it', async () => {
    await withScratchDatabase(async (url) => {
      const dir = await copyMigrations();
      const name = '29990101000000_broken';
      await mkdir(path.join(dir, name));
      await writeFile(
        path.join(dir, name, 'migration.sql'),
        `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n`,
      );
      await expect(migrate(url, { dir })).rejects.toThrow(
        `migration ${name} failed and was rolled back`,
      );
      expect(
        await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`),
      ).toHaveLength(0);
      expect(
        await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [name]),
      ).toHaveLength(0);
      // The good migrations before it stay applied.
      expect(await query(url, `SELECT 1 FROM "_prisma_migrations"`)).toHaveLength(
        (await readMigrations()).length,
      );
    });
  });

  it('applies each migration once when several processes start at the same moment', async () => {
    await withScratchDatabase(async (url) => {
      const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
      const files = await readMigrations();
      expect(results.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name).sort());
      expect(await query(url, `SELECT migration_name FROM "_prisma_migrations"`)).toHaveLength(
        files.length,
      );
    });
  });
});
