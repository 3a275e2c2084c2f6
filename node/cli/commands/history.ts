// `yardstick history --employee ID`: every recorded period of one person, with corrections.

import type { Io } from '../io.js';
import { formatFen, diagnostic } from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { Ledger } from '../ledger.js';
import { alignTable } from '../format/text-table.js';
import { describeInputs } from '../provenance.js';
import { readRollupPeriod } from '../../../engine/index.js';
import { describeStale, recordedPeriodMonths, staleness } from '../rollup-ledger.js';

export async function historyCommand(o: { employee: string; ledger: string }, io: Io): Promise<number> {
  if (!Ledger.exists(o.ledger))
    throw new ExitError(EXIT.input, diagnostic('io_ledger_missing.history', { ledger: o.ledger }, { file: o.ledger }));
  const ledger = await Ledger.open(o.ledger);
  const rows = ledger.employeeHistory(o.employee);
  if (!rows.length)
    throw new ExitError(EXIT.input, diagnostic('cli_history_none', { employee: o.employee, ledger: o.ledger }));
  io.stdout(
    alignTable(
      ['期间', '政策', '版本', '记录', '得分', '等级', '应发', '更正'],
      rows.map((r) => [
        r.period,
        r.policy_id,
        r.version,
        `#${r.run_id} ${r.kind === 'official' ? '正式' : '更正'}`,
        r.score !== undefined ? String(r.score) : '—',
        r.grade ?? '—',
        formatFen(r.payoutFen),
        r.correctionFen !== undefined ? (r.correctionFen > 0 ? '+' : '') + formatFen(r.correctionFen) : '',
      ]),
      new Set([4, 6, 7]),
    ) + '\n',
  );
  // what each run was computed from: the policy's hash and every data file's (a mapping lists each export)
  const seen = new Set<number>();
  for (const r of rows) {
    if (seen.has(r.run_id)) continue;
    seen.add(r.run_id);
    const months = r.inputs.data_files.some((f) => f.role === 'month');
    io.stdout(
      `#${r.run_id} 依据: 政策 sha256 ${r.inputs.policy_hash} · ${months ? '月份' : '数据'} ${describeInputs(r.inputs.data_files)}\n`,
    );
    // a roll-up whose months were amended or recorded after it is stale: its figures are not the months' any more
    // its months as recorded (a policy's year_starts moves them), else the calendar period's
    const rollup = months ? readRollupPeriod(r.period) : undefined;
    if (rollup?.ok) {
      const periodMonths = recordedPeriodMonths(ledger, r.run_id) ?? rollup.value.months;
      const stale = staleness(ledger, r.inputs.data_files, periodMonths);
      const latest = !rows.some((x) => x.policy_id === r.policy_id && x.period === r.period && x.run_id > r.run_id);
      if (stale.length && latest)
        io.stdout(
          `#${r.run_id} 已过时（stale）: ${describeStale(stale, true)}；请用 yardstick rollup POLICY --period ${r.period} --amend 重新记录\n`,
        );
    }
  }
  return EXIT.ok;
}
