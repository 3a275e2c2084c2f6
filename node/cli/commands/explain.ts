// `yardstick explain POLICY --data FILE --employee ID`: why one person got their score and pay.

import { formatDiagnostic, scorecardToJson, type Lang, readYaml, diagnostic } from '../../../engine/index.js';
import { EXIT, ExitError } from '../errors.js';
import { dryRun, monthOfWholeFile, refuseExcluded, reportExcluded } from '../pipeline.js';
import { Ledger } from '../ledger.js';
import { readText, type Io } from '../io.js';
import { describeInputs } from '../provenance.js';
import { formatFen, readRollupPeriod } from '../../../engine/index.js';
import { recordedRollup } from '../rollup-ledger.js';
import { cellText } from '../format/text-table.js';

/**
 * A statement's lines for the terminal: a control character from a name or a team (an escape
 * sequence, a carriage return that would overprint the pay) is shown as text, never sent; the
 * statement's own lines are unchanged.
 */
const statementText = (lines: readonly string[]) => `${lines.map(cellText).join('\n')}\n`;

export async function explainCommand(
  policyFile: string | undefined,
  o: {
    data?: string;
    employee: string;
    lang: Lang;
    period?: string;
    format: 'text' | 'json';
    encoding?: 'auto' | 'utf-8' | 'gbk' | 'gb18030';
    sheet?: string;
    ledger: string;
    excludeInvalid?: boolean;
  },
  io: Io,
): Promise<number> {
  if (!o.data) return explainRecorded(policyFile, o, io);
  if (!policyFile) throw new ExitError(EXIT.usage, diagnostic('cli_explain_needs_policy', {}));
  const options = {
    policy: policyFile,
    data: o.data,
    lang: o.lang,
    diagnosticLang: io.lang,
    encoding: o.encoding,
    sheet: o.sheet,
    ledger: o.ledger,
    // what stops the month (a column that cannot be read, a file that fits nobody) is said with its
    // cell, as `run` says it; no progress for one person's explanation
    quiet: true,
    stderr: io.stderr,
  };
  const filtered = await dryRun({ ...options, period: o.period });
  const { result } = filtered;
  let cards = result.scorecards.filter((c) => c.employee_id === o.employee);
  // --period naming one month of a file that holds several: that month as `run` scores the file
  // whole, its history taking in the file's earlier months (the filtered run leaves them out)
  if (cards.length === 1) {
    const card = (await monthOfWholeFile({ ...options, period: o.period }, filtered))?.result.scorecards.find(
      (c) => c.employee_id === o.employee,
    );
    if (card) cards = [card];
  }
  // a file of several months holds a person once a month: which one to explain is the user's to say
  if (cards.length > 1)
    throw new ExitError(
      EXIT.input,
      diagnostic(
        'cli_explain_several_periods',
        { employee: o.employee, file: o.data, count: cards.length, periods: cards.map((c) => c.period).join(', ') },
        { file: o.data },
      ),
    );
  const card = cards[0];
  if (card) {
    // another record of the month cannot be scored (`run` refuses the month): with a pool, a budget
    // or a forced distribution, this person's pay or grade is shared out without that person, which
    // is not what the month will pay: refused as `run` refuses it, unless --exclude-invalid says to
    // leave them out. Without one, this explanation is the person's own, and the others are named.
    // (a row of another month than --period names is not this month's, whatever else is wrong with it)
    const others = {
      excluded: result.excluded.filter(
        (x) => x.employee_id !== o.employee && !x.reasons.some((d) => d.code === 'data_period_mismatch'),
      ),
    };
    const { doc } = filtered.policy;
    if (doc.pools || doc.budget || doc.calibration)
      refuseExcluded(others, o.excludeInvalid, io.stderr, o.lang, io.lang);
    reportExcluded(others, io.stderr, o.lang, io.lang);
    io.stdout(
      o.format === 'json' ? JSON.stringify(scorecardToJson(card), null, 2) + '\n' : statementText(card.explanation),
    );
    return EXIT.ok;
  }
  const excluded = result.excluded.find((x) => x.employee_id === o.employee);
  if (excluded) {
    io.stderr(
      cellText(
        o.lang === 'zh'
          ? `${o.employee} ${excluded.name ?? ''} 的记录有数据问题，未评分：`
          : `the record of ${o.employee} ${excluded.name ?? ''} has data problems and was not scored:`,
      ) +
        '\n' +
        excluded.reasons.map((d) => formatDiagnostic(d, io.lang ?? o.lang)).join('\n'),
    );
    return EXIT.input;
  }
  const ids = [...result.scorecards.map((c) => c.employee_id), ...result.excluded.map((x) => x.employee_id ?? '')];
  const near = ids
    .filter(
      (id) =>
        id.toLowerCase().includes(o.employee.toLowerCase()) || o.employee.toLowerCase().includes(id.toLowerCase()),
    )
    .slice(0, 5);
  const quoted = (list: string[], separator = ', ') => list.map((n) => `\`${n}\``).join(separator);
  throw new ExitError(
    EXIT.input,
    diagnostic(
      'cli_unknown_employee',
      {
        employee: o.employee,
        file: o.data,
        near: near.length ? { en: `did you mean ${quoted(near)}? `, zh: `是不是 ${quoted(near, '、')}？` } : '',
        count: ids.length,
        examples: { en: quoted(ids.slice(0, 3)), zh: quoted(ids.slice(0, 3), '、') },
      },
      { file: o.data },
    ),
  );
}

/** The statement as it was recorded, byte for byte, whatever the policy file says today. */
async function explainRecorded(
  policyFile: string | undefined,
  o: { employee: string; period?: string; format: 'text' | 'json'; ledger: string },
  io: Io,
): Promise<number> {
  if (!o.period) throw new ExitError(EXIT.usage, diagnostic('cli_explain_needs_period', {}));
  if (!Ledger.exists(o.ledger))
    throw new ExitError(EXIT.input, diagnostic('io_ledger_missing', { ledger: o.ledger }, { file: o.ledger }));
  const policyYaml = policyFile ? readYaml(readText(policyFile, 'policy'), policyFile) : undefined;
  if (policyYaml && !policyYaml.ok)
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_policy_unreadable', { file: String(policyFile) }, { file: policyFile }),
      policyYaml.diagnostics,
    );
  const policyId = policyYaml?.ok ? String((policyYaml.value as { policy?: string } | null)?.policy ?? '') : undefined;
  const ledger = await Ledger.open(o.ledger);
  // a roll-up period (2026, 2026-H2, 2026-Q3): the roll-up card as recorded
  if (readRollupPeriod(o.period).ok) return explainRecordedRollup(ledger, { ...o, period: o.period }, policyId, io);
  const found = ledger.recorded(o.period, o.employee, policyId);
  if (!found.length) refuseRemoved(ledger.removedFrom(o.period, o.employee, policyId), { ...o, period: o.period });
  const { card, inputs, run_id } = onlyStatement(found, o, policyId);
  io.stdout(
    o.format === 'json' ? JSON.stringify(scorecardToJson(card), null, 2) + '\n' : statementText(card.explanation),
  );
  // the statement is reprinted as recorded; what it was computed from goes beside it, on stderr
  io.stderr(recordedFrom(run_id, inputs.policy_hash, false, describeInputs(inputs.data_files), io.lang ?? 'zh'));
  return EXIT.ok;
}

/** A recorded roll-up, as recorded: its explanation (or card as JSON), and on stderr the months it was computed from. */
function explainRecordedRollup(
  ledger: Ledger,
  o: { employee: string; period: string; format: 'text' | 'json'; ledger: string },
  policyId: string | undefined,
  io: Io,
): number {
  const { card, run_id, policy_hash, data_files } = onlyStatement(
    recordedRollup(ledger, o.period, o.employee, policyId),
    o,
    policyId,
  );
  io.stdout(o.format === 'json' ? `${JSON.stringify(card, null, 2)}\n` : statementText(card.explanation));
  let files: { file: string; hash: string }[] = [];
  try {
    files = JSON.parse(data_files) as typeof files;
  } catch {
    files = [];
  }
  io.stderr(recordedFrom(run_id, policy_hash, true, describeInputs(files), io.lang ?? 'zh'));
  return EXIT.ok;
}

/**
 * No statement in the run in force, but an earlier run of the period listed the employee: a
 * correction removed them. Saying "no record" would send HR looking for a typo in the id.
 */
function refuseRemoved(
  removed: { policy_id: string; run_id: number; listed_run_id: number; listed_fen: number }[],
  o: { employee: string; period: string },
): void {
  const [r] = removed;
  if (removed.length !== 1 || !r) return;
  throw new ExitError(
    EXIT.input,
    diagnostic('cli_statement_removed', {
      employee: o.employee,
      period: o.period,
      policy: r.policy_id,
      run: String(r.run_id),
      listed: String(r.listed_run_id),
      pay: formatFen(r.listed_fen),
    }),
  );
}

/** The one statement recorded for the employee and period: none is an input error, several (under different policies) ask for `--policy`. */
function onlyStatement<T extends { policy_id: string }>(
  found: T[],
  o: { employee: string; period?: string; ledger: string },
  policyId: string | undefined,
): T {
  if (!found.length)
    throw new ExitError(
      EXIT.input,
      diagnostic('cli_no_statement', {
        employee: o.employee,
        period: o.period ?? '',
        under: policyId ? { en: ` under \`${policyId}\``, zh: ` 按政策 \`${policyId}\`` } : '',
        ledger: o.ledger,
      }),
    );
  if (found.length > 1)
    throw new ExitError(
      EXIT.usage,
      diagnostic('cli_statement_ambiguous', {
        employee: o.employee,
        period: o.period ?? '',
        policies: found.map((f) => f.policy_id).join(', '),
      }),
    );
  return found[0]!;
}

/** What a recorded statement was computed from, beside it on stderr: the run, the policy's hash, the data or months. */
function recordedFrom(run: number, policyHash: string, months: boolean, inputs: string, lang: Lang): string {
  return lang === 'zh'
    ? `记录于运行 #${run}，依据：政策 sha256 ${policyHash} · ${months ? '月份' : '数据'} ${inputs}`
    : `recorded as run #${run} from policy sha256 ${policyHash} and ${months ? 'months' : 'data'} ${inputs}`;
}
