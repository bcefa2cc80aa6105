import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/** Where import reports go unless told otherwise (git-ignored). */
export const REPORT_DIR = path.join(PROJECT_ROOT, '.import-reports');

export interface RejectedRow {
  /** Line of the file the row ends on (the header is line 1). */
  line: number;
  key?: string;
  reason: string;
  row: Record<string, string> | string[];
}

export interface DatasetReport {
  dataset: string;
  file: string;
  contentHash: string;
  snapshotDate: string | null;
  dryRun: boolean;
  /** Data rows in the file (the header not counted). */
  read: number;
  /** Rows that passed every check (and were written, unless a dry run). */
  valid: number;
  created: number;
  updated: number;
  /** Rows whose facts a newer snapshot had closed and that are listed again. */
  reopened: number;
  unchanged: number;
  /** Facts of earlier snapshots this one no longer lists, closed now (a dry run: that would be closed). */
  closed: number;
  /** Facts no longer listed that stayed open because the snapshot has no date to close them on. */
  leftOpen: number;
  rejected: number;
  rejections: RejectedRow[];
  /** Things loaded but worth a look (one city named two ways). */
  warnings: string[];
  ms: number;
  rowsPerSecond: number;
  /** Nodes (`Label:key`) and facts (ids) this snapshot states, for whoever counts what a seed holds. */
  nodes: string[];
  facts: string[];
  /** Facts the mapping's `derive` inferred from the data set (what they are, and what changed). */
  derived?: { what: string; created: number; updated: number; unchanged: number; dropped: number; inferredOnly: number };
  reportFile?: string;
}

/** The printed summary: one line of counts, then the rejections' reasons (at most `limit`) and warnings. */
export function summaryLines(report: DatasetReport, limit = 10): string[] {
  const time = `in ${(report.ms / 1000).toFixed(1)} s (${Math.round(report.rowsPerSecond)} rows/s)`;
  const lines = [
    report.dryRun
      ? `${report.dataset} (dry run, nothing written): ${report.read} rows read, ${report.valid} valid (${report.created} new, ${report.updated} changed, ` +
        `${report.reopened} to reopen, ${report.unchanged} unchanged), ${report.rejected} rejected, ${report.closed} facts to close ${time}`
      : `${report.dataset}: ${report.read} rows read, ${report.created} created, ${report.updated} updated, ${report.reopened} reopened, ` +
        `${report.unchanged} unchanged, ${report.closed} closed, ${report.rejected} rejected ${time}`,
  ];
  if (report.leftOpen > 0) {
    lines.push(`  ${report.leftOpen} facts are no longer listed but stay open: the snapshot has no date (give --snapshot-date)`);
  }
  if (report.derived) {
    const d = report.derived;
    lines.push(`  inferred ${d.what}: ${d.created} created, ${d.updated} updated, ${d.unchanged} unchanged, ${d.dropped} dropped (${d.inferredOnly} rest on this data set alone)`);
  }
  for (const r of report.rejections.slice(0, limit)) lines.push(`  rejected line ${r.line}${r.key ? ` (${r.key})` : ''}: ${r.reason}`);
  if (report.rejections.length > limit) lines.push(`  ... ${report.rejections.length - limit} more rejected rows`);
  for (const w of report.warnings.slice(0, limit)) lines.push(`  warning: ${w}`);
  if (report.warnings.length > limit) lines.push(`  ... ${report.warnings.length - limit} more warnings`);
  if (report.reportFile) lines.push(`  report: ${path.relative(process.cwd(), report.reportFile) || report.reportFile}`);
  return lines;
}

/** Writes the report (every rejected row with its line and reason) as JSON; returns the file's path. */
export function writeReport(report: DatasetReport, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.dataset}${report.dryRun ? '.dry-run' : ''}.json`);
  const { nodes: _nodes, facts: _facts, reportFile: _file, ...rest } = report;
  fs.writeFileSync(file, `${JSON.stringify({ ...rest, writtenAt: new Date().toISOString() }, null, 2)}\n`);
  return file;
}
