// `yardstick explain POLICY --data FILE --employee ID`: why one person got their score and pay.

import { formatDiagnostic, type Lang } from '../../index.js';
import { EXIT, ExitError } from '../errors.js';
import type { Io } from '../main.js';
import { dryRun } from '../pipeline.js';

export async function explainCommand(
  policyFile: string,
  o: { data: string; employee: string; lang: Lang; period?: string; format: 'text' | 'json'; encoding?: 'auto' | 'utf-8' | 'gbk' | 'gb18030'; sheet?: string },
  io: Io,
): Promise<number> {
  const { result } = await dryRun({ policy: policyFile, data: o.data, period: o.period, lang: o.lang, encoding: o.encoding, sheet: o.sheet, stderr: () => {} });
  const card = result.scorecards.find((c) => c.employee_id === o.employee);
  if (card) {
    io.stdout(o.format === 'json' ? JSON.stringify(card, null, 2) + '\n' : card.explanation.join('\n') + '\n');
    return EXIT.ok;
  }
  const excluded = result.excluded.find((x) => x.employee_id === o.employee);
  if (excluded) {
    io.stderr(
      (o.lang === 'zh' ? `${o.employee} ${excluded.name ?? ''} 的记录有数据问题，未评分：` : `the record of ${o.employee} ${excluded.name ?? ''} has data problems and was not scored:`) +
        '\n' + excluded.reasons.map(formatDiagnostic).join('\n'),
    );
    return EXIT.input;
  }
  const ids = [...result.scorecards.map((c) => c.employee_id), ...result.excluded.map((x) => x.employee_id ?? '')];
  const near = ids.filter((id) => id.toLowerCase().includes(o.employee.toLowerCase()) || o.employee.toLowerCase().includes(id.toLowerCase())).slice(0, 5);
  throw new ExitError(
    EXIT.input,
    `unknown employee id \`${o.employee}\` in \`${o.data}\`\n  help: ${near.length ? `did you mean ${near.map((n) => `\`${n}\``).join(', ')}? ` : ''}the file has ${ids.length} employees, e.g. ${ids.slice(0, 3).map((n) => `\`${n}\``).join(', ')}`,
  );
}
