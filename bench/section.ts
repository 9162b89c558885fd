/**
 * A bench section measures one thing and returns tables. `run.ts` runs the
 * sections in order and prints them; a new section (e.g. Discord end to end)
 * is one file exporting a Section, added to the list in run.ts.
 */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Lines printed under the table (targets met or missed, notes). */
  notes?: string[];
}

export interface Section {
  name: string;
  run(): Promise<Table[]> | Table[];
}

export function formatTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((r) => r.map(String))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]): string =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const out = [`### ${table.title}`, "", line(table.columns)];
  out.push(
    `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(Math.max(0, w - 1))}:`)).join(" | ")} |`,
  );
  for (const r of table.rows) out.push(line(r.map(String)));
  for (const n of table.notes ?? []) out.push(`- ${n}`);
  return out.join("\n");
}
