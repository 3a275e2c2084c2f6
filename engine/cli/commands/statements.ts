// `yardstick statements POLICY --data FILE --out DIR`: one printable HTML statement per employee
// and an index page, each written atomically, with the provenance of policy and data.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIndex, renderStatement, type Lang, type Scorecard } from '../../index.js';
import { EXIT, ExitError } from '../errors.js';
import { checkOutputFolder, readBytes, writeAtomic } from '../io.js';
import type { Io } from '../main.js';
import { dryRun, refuseExcluded, reportExcluded } from '../pipeline.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

export function engineVersion(): string {
  const pkg = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** A file name for an employee id: letters, digits, `-` and `_` kept, anything else becomes `_`. */
export const statementFile = (c: Scorecard) => `${c.employee_id.replace(/[^A-Za-z0-9_-]/g, '_')}.html`;

export async function statementsCommand(policyFile: string, o: { data: string; out: string; lang: Lang; excludeInvalid?: boolean; encoding?: 'auto' | 'utf-8' | 'gbk' | 'gb18030'; sheet?: string; period?: string }, io: Io): Promise<number> {
  checkOutputFolder(o.out, 'statements');
  const { policy, result } = await dryRun({ policy: policyFile, data: o.data, period: o.period, lang: o.lang, encoding: o.encoding, sheet: o.sheet, stderr: io.stderr });
  refuseExcluded(result, o.excludeInvalid, io.stderr, o.lang);
  const provenance = {
    policy: { file: policyFile, id: policy.doc.policy, version: policy.doc.version, hash: sha(readBytes(policyFile, 'policy')) },
    data: [{ file: o.data, hash: sha(readBytes(o.data, 'data')) }],
    engine: engineVersion(),
  };
  try {
    mkdirSync(o.out, { recursive: true });
  } catch (error) {
    throw new ExitError(EXIT.input, `cannot write statements to \`${o.out}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  for (const card of result.scorecards) writeAtomic(join(o.out, statementFile(card)), renderStatement(policy, card, provenance, o.lang));
  writeAtomic(join(o.out, 'index.html'), renderIndex(policy, result, provenance, statementFile, o.lang));
  io.stderr(o.lang === 'zh' ? `已写入 ${result.scorecards.length} 份结果通知和 index.html 到 ${o.out}` : `wrote ${result.scorecards.length} statements and index.html to ${o.out}`);
  reportExcluded(result, io.stderr, o.lang);
  return EXIT.ok;
}
