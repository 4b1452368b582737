import pg from 'pg';

class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** Connects once to `connectionString`, turning failures into one line that says what to do. */
export async function checkConnection(connectionString: string): Promise<void> {
  const url = new URL(connectionString);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version > 0 && version < 140000) {
      throw new DatabaseUnreachableError(
        `PostgreSQL at ${where} is version ${Math.floor(version / 10000)}; Counterpoint needs 14 or newer.`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) throw error;
    throw new DatabaseUnreachableError(`cannot use the database at ${where}: ${explain(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function explain(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'nothing is listening there. Is PostgreSQL running? Check DATABASE_URL, or unset it to use the embedded database.';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'that host name does not resolve. Check the host in DATABASE_URL.';
    case 'ETIMEDOUT':
      return 'the connection timed out. Check the host and port in DATABASE_URL and any firewall.';
    case '28P01':
    case '28000':
      return 'the server refused the user or password in DATABASE_URL.';
    case '3D000':
      return 'that database does not exist. Create it (createdb) or fix the name in DATABASE_URL.';
    default:
      if (e.message?.includes('timeout'))
        return 'the connection timed out. Check the host and port in DATABASE_URL.';
      return e.message ?? String(error);
  }
}
