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
