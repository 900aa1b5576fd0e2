// Tables for people (cli-table3): what a user would rather look at than JSON.
import Table from 'cli-table3';

export type Cell = string | number;
export type Row = readonly Cell[];

export function renderTable(head: readonly string[], rows: readonly Row[]): string {
  const t = new Table({ head: [...head], style: { head: [], border: [], compact: true } });
  for (const r of rows) t.push(r.map(String));
  return t.toString();
}

export function printTable(head: readonly string[], rows: readonly Row[]): void {
  process.stdout.write(`${renderTable(head, rows)}\n`);
}
