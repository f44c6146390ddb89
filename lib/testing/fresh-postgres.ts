// A new empty database on the test's Postgres server (TEST_DATABASE_URL), and its removal: for the specs that run
// several console processes against one Postgres.
export const testPostgresUrl = process.env.TEST_DATABASE_URL;

export async function freshPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { Client } = await import('pg');
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: testPostgresUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(testPostgresUrl!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
