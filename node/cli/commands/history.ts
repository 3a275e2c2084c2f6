// `yardstick history --employee ID`: every recorded period of one person, with corrections.

import type { Io } from '../io.js';
import { formatFen, diagnostic, normaliseId } from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { Ledger } from '../ledger.js';
import { alignTable } from '../format/text-table.js';
import { describeInputs } from '../provenance.js';
import { readRollupPeriod } from '../../../engine/index.js';
import { describeStale, recordedPeriodMonths, staleness } from '../rollup-ledger.js';

/** The table's words: Chinese by default, English with `--lang en`. */
const WORDS = {
  zh: {
    head: ['期间', '政策', '版本', '记录', '得分', '等级', '应发', '更正'],
    official: '正式',
    correction: '更正',
    from: (run: number, policy: string, months: boolean, inputs: string) =>
      `#${run} 依据: 政策 sha256 ${policy} · ${months ? '月份' : '数据'} ${inputs}`,
    stale: (run: number, what: string, period: string) =>
      `#${run} 已过时（stale）: ${what}；请用 yardstick rollup POLICY --period ${period} --amend 重新记录`,
  },
  en: {
    head: ['period', 'policy', 'version', 'run', 'score', 'grade', 'payout', 'correction'],
    official: 'official',
    correction: 'correction',
    from: (run: number, policy: string, months: boolean, inputs: string) =>
      `#${run} from: policy sha256 ${policy} · ${months ? 'months' : 'data'} ${inputs}`,
    stale: (run: number, what: string, period: string) =>
      `#${run} stale: ${what}; record it again with yardstick rollup POLICY --period ${period} --amend`,
  },
};

export async function historyCommand(
  o: { employee: string; ledger: string; lang?: 'zh' | 'en' },
  io: Io,
): Promise<number> {
  const lang = o.lang ?? 'zh';
  const w = WORDS[lang];
  if (!Ledger.exists(o.ledger))
    throw new ExitError(EXIT.input, diagnostic('io_ledger_missing.history', { ledger: o.ledger }, { file: o.ledger }));
  const ledger = await Ledger.open(o.ledger);
  // the id as the data's ids are read and recorded: `ＳＶ0001` and ` SV0001 ` are SV0001
  const id = normaliseId(o.employee);
  const rows = ledger.employeeHistory(id);
  if (!rows.length) {
    const near = ledger.employeesLike(id).map((n) => `\`${n}\``);
    const args = { employee: o.employee, ledger: o.ledger };
    throw new ExitError(
      EXIT.input,
      near.length
        ? diagnostic('cli_history_none.near', { ...args, near: near.join(', ') })
        : diagnostic('cli_history_none', args),
    );
  }
  io.stdout(
    alignTable(
      w.head,
      rows.map((r) => [
        r.period,
        r.policy_id,
        r.version,
        `#${r.run_id} ${r.kind === 'official' ? w.official : w.correction}`,
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
    io.stdout(`${w.from(r.run_id, r.inputs.policy_hash, months, describeInputs(r.inputs.data_files))}\n`);
    // a roll-up whose months were amended or recorded after it is stale: its figures are not the months' any more
    // its months as recorded (a policy's year_starts moves them), else the calendar period's
    const rollup = months ? readRollupPeriod(r.period) : undefined;
    if (rollup?.ok) {
      const periodMonths = recordedPeriodMonths(ledger, r.run_id) ?? rollup.value.months;
      const stale = staleness(ledger, r.inputs.data_files, periodMonths);
      const latest = !rows.some((x) => x.policy_id === r.policy_id && x.period === r.period && x.run_id > r.run_id);
      if (stale.length && latest) io.stdout(`${w.stale(r.run_id, describeStale(stale, lang === 'zh'), r.period)}\n`);
    }
  }
  return EXIT.ok;
}
