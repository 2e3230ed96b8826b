/** Listings print a JSON array alone with --json, else an aligned table. */
export function printListing(rows: Record<string, unknown>[], json: boolean, columns: string[], out: NodeJS.WritableStream = process.stdout): void {
  if (json) {
    out.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  if (rows.length === 0) {
    out.write('(none)\n');
    return;
  }
  const cell = (v: unknown) => (v === null || v === undefined ? '-' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd() + '\n';
  out.write(line(columns));
  for (const row of rows) out.write(line(columns.map((c) => cell(row[c]))));
}

export class CliError extends Error {}
