// `yardstick run POLICY --data FILE`: the month's dry run, as a table, JSON, CSV or Markdown.

import { formatDiagnostic, type Lang } from '../../index.js';
import { EXIT, ExitError } from '../errors.js';
import { formatXlsx } from '../format/xlsx.js';
import { recordRun } from './record.js';
import { writeAtomic } from '../io.js';
import type { Io } from '../main.js';
import { dryRun, refuseExcluded, reportExcluded } from '../pipeline.js';
import { formatCsv, formatMarkdown, formatTable } from '../format/results.js';

export interface RunCommandOptions {
  data: string;
  format: 'table' | 'json' | 'csv' | 'md' | 'xlsx';
  out?: string;
  lang: Lang;
  period?: string;
  excludeInvalid?: boolean;
  record?: boolean;
  amend?: boolean;
  ledger: string;
  executor?: 'compiled' | 'reference';
  encoding?: 'auto' | 'utf-8' | 'gbk' | 'gb18030';
  sheet?: string;
}

export async function runCommand(policyFile: string, o: RunCommandOptions, io: Io): Promise<number> {
  const { result } = await dryRun({ policy: policyFile, data: o.data, period: o.period, lang: o.lang, encoding: o.encoding, sheet: o.sheet, ledger: o.ledger, executor: o.executor, explain: o.format === 'json' || o.format === 'md' || Boolean(o.record || o.amend), stderr: io.stderr });
  for (const w of result.warnings) io.stderr(formatDiagnostic(w));
  refuseExcluded(result, o.excludeInvalid, io.stderr, o.lang);
  if (o.format === 'xlsx' && !o.out) throw new ExitError(EXIT.usage, '--format xlsx writes a workbook: give it a file with --out results.xlsx');
  const text =
    o.format === 'xlsx' ? await formatXlsx(result, o.lang) :
    o.format === 'json' ? JSON.stringify(result, null, 2) + '\n' :
    o.format === 'csv' ? formatCsv(result, o.lang) :
    o.format === 'md' ? formatMarkdown(result, o.lang) :
    formatTable(result, o.lang);
  if (o.out) {
    writeAtomic(o.out, text);
    io.stderr(o.lang === 'zh' ? `已写入 ${o.out}（${result.scorecards.length} 人）` : `wrote ${o.out} (${result.scorecards.length} employees)`);
  } else {
    io.stdout(text as string);
  }
  reportExcluded(result, io.stderr, o.lang);
  if (o.record || o.amend) await recordRun(policyFile, o.data, o.ledger, result, Boolean(o.amend), io, o.lang);
  return EXIT.ok;
}
