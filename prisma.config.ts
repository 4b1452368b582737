import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate` here (see README: Migrations).
// DATABASE_URL is optional: generate needs no database.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
