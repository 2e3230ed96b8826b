import type { DataSource } from 'typeorm';

/** Reverts migrations, newest first, up to and including `name`: later migrations (other features') are undone too. */
export async function undoThrough(db: DataSource, name: string): Promise<void> {
  for (;;) {
    const [last] = (await db.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')) as { name: string }[];
    if (!last) throw new Error(`migration ${name} was never applied`);
    await db.undoLastMigration({ transaction: 'each' });
    if (last.name === name) return;
  }
}

/** The table's column names, in table order, on SQLite and PostgreSQL alike. */
export async function columnNames(db: DataSource, table: string): Promise<string[]> {
  const runner = db.createQueryRunner();
  try {
    return (await runner.getTable(table))?.columns.map((column) => column.name) ?? [];
  } finally {
    await runner.release();
  }
}

/** Whether the table exists, on SQLite and PostgreSQL alike. */
export async function hasTable(db: DataSource, table: string): Promise<boolean> {
  const runner = db.createQueryRunner();
  try {
    return await runner.hasTable(table);
  } finally {
    await runner.release();
  }
}
