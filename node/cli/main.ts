// `yardstick`: command dispatch and exit codes. Commands return an exit code or throw ExitError;
// only this file decides what reaches the process, and prints an error's diagnostics in the
// language (`--lang`, Chinese by default) and format (`--error-format human|json`) asked for.

import { Argument, Command, CommanderError, Option } from 'commander';
import { usageErrorZh } from './usage-zh.js';
import { diagnostic, formatDiagnostic, localise, type Diagnostic, type Lang } from '../../engine/index.js';
import { EXIT, ExitError } from './errors.js';
import { validateCommand } from './commands/validate.js';
import { runCommand } from './commands/run.js';
import { explainCommand } from './commands/explain.js';
import { fmtCommand } from './commands/fmt.js';
import { diffCommand } from './commands/diff.js';
import { testCommand } from './commands/test.js';
import { verifyCommand } from './commands/verify.js';
import { docCommand } from './commands/doc.js';
import { checkCommand } from './commands/check.js';
import { statementsCommand } from './commands/statements.js';
import { sweepCommand } from './commands/sweep.js';
import { inspectCommand } from './commands/inspect.js';
import { historyCommand } from './commands/history.js';
import { dataSqlCommand } from './commands/data-sql.js';
import { rollupCommand } from './commands/rollup.js';
import { monthOrRollupPeriod } from './rollup.js';
import { initCommand, STARTERS } from './commands/init.js';
import { textconv } from './textconv.js';
import { mergeDriver } from './merge-driver.js';
import { completionCommand } from './completion.js';
import { DEFAULT_LEDGER } from './ledger.js';
import { employeeArgument, periodArgument } from './period.js';
import { defaultIo, keepDiagnostics, keptDiagnostics, rememberReads, stdoutFailed, type Io } from './io.js';
import { packageVersion } from './version.js';

type ErrorFormat = 'human' | 'json';

/**
 * `--lang` and `--error-format` as the command line gives them, read before commander parses it:
 * they decide how every error reads, a usage error that stops the parse included.
 */
function errorOptions(argv: readonly string[], lang: Lang): { lang: Lang; format: ErrorFormat } {
  const out: { lang: Lang; format: ErrorFormat } = { lang, format: 'human' };
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const [name, inline] =
      argv[i].startsWith('--') && argv[i].includes('=')
        ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
        : [argv[i], undefined];
    if (name !== '--lang' && name !== '--error-format') continue;
    const value = inline ?? argv[++i];
    if (name === '--lang' && (value === 'zh' || value === 'en')) out.lang = value;
    if (name === '--error-format' && (value === 'human' || value === 'json')) out.format = value;
  }
  return out;
}

/**
 * An option that takes one value, given twice with different values (`--data a.csv --data b.csv`):
 * commander keeps the last one silently, so the run would use one file while the reader meant
 * both. Refused before anything runs. The same value twice means one thing and is accepted. An
 * empty value (`--out ""`) is refused too: it would be read as the option not given.
 */
function repeatedOption(argv: readonly string[], command: Command): Diagnostic | undefined {
  const takesValue = new Set(command.options.filter((o) => o.required || o.optional).map((o) => o.long));
  const seen = new Map<string, string>();
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!takesValue.has(name)) continue;
    const value = eq > 0 ? arg.slice(eq + 1) : (argv[++i] ?? '');
    // `--out "$OUT"` with OUT unset: the option would be taken as not given (stdout, the default ledger)
    if (value.trim() === '') return diagnostic('cli_option_repeated.empty', { option: name });
    // `-` is stdout to many tools: here it would be a file (or a folder of statements) named `-`
    if (name === '--out' && value.trim() === '-') return diagnostic('cli_out_format.dash', {});
    const first = seen.get(name);
    if (first !== undefined && first !== value)
      return diagnostic('cli_option_repeated', { option: name, first, second: value });
    seen.set(name, value);
  }
  return undefined;
}

const HELP_LABEL = { en: 'help: ', zh: '提示：' } as const;

/** Prints the diagnostics of an error: the problem as `error: message` with its help, then those behind it. */
function reportError(diagnostics: readonly Diagnostic[], o: { lang: Lang; format: ErrorFormat }, io: Io): void {
  if (o.format === 'json') {
    const json = diagnostics.map((d) => {
      const { message, help } = localise(d, o.lang);
      return { code: d.code, severity: d.severity, message, help, file: d.file, span: d.span, cell: d.cell };
    });
    io.stderr(JSON.stringify({ diagnostics: json }, null, 2));
    return;
  }
  const [problem, ...behind] = diagnostics;
  const { message, help } = localise(problem, o.lang);
  io.stderr(`error: ${message}${help === undefined ? '' : `\n  ${HELP_LABEL[o.lang]}${help}`}`);
  for (const d of behind) io.stderr(formatDiagnostic(d, o.lang));
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code: number = EXIT.ok;
  // an input saved while the command runs is refused when read again (provenance hashes), not misrecorded
  rememberReads();
  const errors = errorOptions(argv, io.errorLang ?? 'zh');
  // the process's own stdout (not a test's buffers), asked before `io` is copied below
  const processStdout = io.stdout === defaultIo.stdout;
  // warnings and left-out records printed on the way read in the language errors do
  io = { ...io, lang: errors.lang };
  const program = new Command('yardstick')
    .description("KPI and bonus policies as code: validate a policy, dry-run it on last month's data, explain a result")
    .version(packageVersion(), '-V, --version', 'print the version of yardstick')
    .exitOverride()
    // commander's own messages (usage errors) go through reportError when JSON is asked for
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => {
        if (errors.format === 'json') return;
        const zh = errors.lang === 'zh' && s.startsWith('error: ') ? usageErrorZh(s) : undefined;
        io.stderr(zh ? `error: ${zh}` : s.trimEnd());
      },
    })
    .showHelpAfterError()
    .hook('preAction', (_program, action) => {
      const repeated = repeatedOption(argv, action);
      if (repeated) throw new ExitError(EXIT.usage, repeated);
    });

  const lang = () =>
    new Option('--lang <lang>', 'language of explanations, summaries, warnings and errors')
      .choices(['zh', 'en'])
      .default('zh');
  const encoding = () =>
    new Option('--encoding <encoding>', 'encoding of the data file (auto detects UTF-8, UTF-8 with BOM and GBK)')
      .choices(['auto', 'utf-8', 'gbk', 'gb18030'])
      .default('auto');

  program
    .command('validate')
    .description('check policy files and report every problem with file:line:col')
    .argument('<policy...>', 'policy YAML files')
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json']).default('human'))
    .action((files: string[], o: { format: 'human' | 'json'; lang: Lang }) => {
      code = validateCommand(files, { ...o, lang: errors.lang }, io);
    });

  program
    .command('run')
    .description(
      "dry-run a policy on a month of data: every employee's score, grade, payout, holds and triggers, with totals",
    )
    .argument('<policy>', 'policy YAML file')
    .requiredOption(
      '--data <file>',
      'data file (.csv, .tsv, .txt, .json, .xlsx) or a data mapping (.yaml) joining several',
    )
    .addOption(
      new Option(
        '--format <format>',
        "output format (default: what --out's extension says, .csv .json .ndjson .md .xlsx, else table; ndjson: one scorecard a line)",
      ).choices(['table', 'json', 'ndjson', 'csv', 'md', 'xlsx']),
    )
    .option('--out <file>', 'write the result to this file instead of stdout')
    .option('--period <YYYY-MM>', 'period for data without a 月份/period column', periodArgument)
    .option(
      '--exclude-invalid',
      'leave records with data problems out of the results and totals (listed) instead of refusing the data',
    )
    .addOption(
      new Option(
        '--executor <executor>',
        'compiled (default): the rules as closures; reference: json-rules-engine itself',
      )
        .choices(['compiled', 'reference'])
        .default('compiled'),
    )
    .option('--record', "store this period's result in the results ledger as the official one")
    .option('--amend', 'record a correction of an already recorded period (with top-up and clawback lines)')
    .option(
      '--out-of-order',
      "with --record or --amend: allow a period earlier than a recorded one (the later periods' history facts are then stale: amend them in order)",
    )
    .option('--ledger <file>', 'results ledger (earlier periods give history facts)', DEFAULT_LEDGER)
    .option('--quiet', 'no progress on stderr (a bar on a terminal, plain lines otherwise, for a large month)')
    .addOption(encoding())
    .option('--sheet <name>', 'sheet of an .xlsx workbook (default: the first)')
    .option(
      '--workers <n>',
      'threads evaluating a run from a CSV file as CSV, JSON or NDJSON, which streams; output keeps the input order (default: 2 for JSON or NDJSON from a CSV file of 4 MiB or more on a machine with 2 cores or more, else 1)',
    )
    .addOption(lang())
    .action(async (policy: string, o) => {
      code = await runCommand(policy, o, io);
    });

  program
    .command('explain')
    .description(
      "explain one employee's score, grade and payout; without --data, reprint the statement recorded for --period",
    )
    .argument('[policy]', 'policy YAML file')
    .option('--data <file>', 'data file (.csv, .tsv, .txt, .json, .xlsx) or a data mapping (.yaml) joining several')
    .requiredOption('--employee <id>', 'employee id (工号)', employeeArgument)
    .option(
      '--period <period>',
      'with --data: period for data without a 月份 column; without: the recorded period to reprint (a month, or a roll-up period: 2026, 2026-H2, 2026-Q3)',
      monthOrRollupPeriod,
    )
    .option('--ledger <file>', 'results ledger', DEFAULT_LEDGER)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(encoding())
    .option('--sheet <name>', 'sheet of an .xlsx workbook (default: the first)')
    .option(
      '--exclude-invalid',
      'with --data: explain the employee while other records of the month cannot be scored, as run --exclude-invalid scores it (without it, explain refuses such a month as run does)',
    )
    .addOption(lang())
    .action(async (policy: string | undefined, o) => {
      code = await explainCommand(policy, o, io);
    });

  program
    .command('history')
    .description('every recorded period of one employee, with corrections')
    .requiredOption('--employee <id>', 'employee id (工号)', employeeArgument)
    .option('--ledger <file>', 'results ledger', DEFAULT_LEDGER)
    .action(async (o: { employee: string; ledger: string; lang: 'zh' | 'en' }) => {
      code = await historyCommand(o, io);
    });

  program
    .command('rollup')
    .description(
      'a roll-up policy (quarter, half-year, year) over the months recorded in the ledger: facts, grade, forced distribution, awards',
    )
    .argument('<policy>', 'roll-up policy YAML file (a top-level `rollup:`)')
    .requiredOption('--period <period>', 'the roll-up period: 2026 (a year), 2026-H1 / 2026-H2, 2026-Q1 … 2026-Q4')
    .option('--record', 'store this roll-up in the results ledger as the official one')
    .option('--amend', 'record a correction of a recorded roll-up (with top-up and clawback lines)')
    .option('--ledger <file>', 'results ledger holding the recorded months', DEFAULT_LEDGER)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(lang())
    .action(async (policy: string, o) => {
      code = await rollupCommand(policy, o, io);
    });

  program
    .command('statements')
    .description('write one printable HTML statement per employee, and an index page, into a folder')
    .argument('<policy>', 'policy YAML file')
    .requiredOption(
      '--data <file>',
      'data file (.csv, .tsv, .txt, .json, .xlsx) or a data mapping (.yaml) joining several',
    )
    .requiredOption('--out <dir>', 'folder for the statements (created if missing)')
    .option('--quiet', 'no progress on stderr (a bar on a terminal, plain lines otherwise, for a large month)')
    .option('--exclude-invalid', 'leave records with data problems out (listed) instead of refusing the data')
    .option('--period <YYYY-MM>', 'period for data without a 月份/period column', periodArgument)
    .addOption(encoding())
    .option('--sheet <name>', 'sheet of an .xlsx workbook (default: the first)')
    .option(
      '--ledger <file>',
      'results ledger whose earlier periods give history facts, as run reads it',
      DEFAULT_LEDGER,
    )
    .addOption(lang())
    .action(async (policy: string, o) => {
      code = await statementsCommand(policy, o, io);
    });

  program
    .command('sweep')
    .description(
      're-run the month with one number of the policy set to each value of a range; --budget finds the value that fits',
    )
    .argument('<policy>', 'policy YAML file')
    .requiredOption(
      '--data <file>',
      'data file (.csv, .tsv, .txt, .json, .xlsx) or a data mapping (.yaml) joining several',
    )
    .requiredOption(
      '--set <path=from..to/step>',
      'the key path of a number in the policy and the range, e.g. roles.editor.indicators.completion_rate.target=0.35..0.50/0.01',
    )
    .option('--budget <amount>', 'find the value whose payout total fits this amount (¥700,000, 700000 or 70万)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--exclude-invalid', 'leave records with data problems out (listed) instead of refusing the data')
    .option('--period <YYYY-MM>', 'period for data without a 月份/period column', periodArgument)
    .addOption(encoding())
    .option('--sheet <name>', 'sheet of an .xlsx workbook (default: the first)')
    .option(
      '--ledger <file>',
      'results ledger whose earlier periods give history facts, as run reads it',
      DEFAULT_LEDGER,
    )
    .addOption(lang())
    .action(async (policy: string, o) => {
      code = await sweepCommand(policy, o, io);
    });

  const data = program.command('data').description('look at data files before a run');
  data
    .command('inspect')
    .description('how each column maps to the policy, missing and unused columns, and every cell that cannot be read')
    .argument('<file...>', 'data files (.csv, .tsv, .txt, .json, .xlsx) or data mappings (.yaml)')
    .requiredOption('--policy <file>', 'the policy the data is for')
    .option('--sheet <name>', 'the workbook sheet to read (.xlsx; the first otherwise)')
    .action(async (files: string[], o: { policy: string; sheet?: string }) => {
      code = await inspectCommand(files, o, io);
    });

  data
    .command('sql')
    .description(
      "the SQL that aggregates a mapping's event sources into per-employee metrics; --explain runs it and shows each aggregate per employee",
    )
    .argument('<mapping>', 'data mapping (.yaml) with `events:`')
    .option('--period <YYYY-MM>', 'the month, when the mapping has no `period:`', periodArgument)
    .option('--explain', 'run the aggregation and show each metric per employee with its source rows')
    .addOption(
      new Option('--format <format>', 'output format of --explain').choices(['human', 'json']).default('human'),
    )
    .action(async (mapping: string, o: { period?: string; explain?: boolean; format: 'human' | 'json' }) => {
      code = await dataSqlCommand(mapping, o, io);
    });

  program
    .command('fmt')
    .description('rewrite policies in the canonical layout (comments kept); --check only lists the files that are not')
    .argument('<policy...>', 'policy YAML files')
    .option('--check', 'exit 1 listing the files that are not formatted, change nothing')
    .option('--stdout', 'print the formatted text instead of writing it (for git textconv)')
    .action((files: string[], o: { check?: boolean; stdout?: boolean }) => {
      code = fmtCommand(files, o, io);
    });

  program
    .command('diff')
    .description('what a policy change means in business terms and, with --data, what it does to grades and pay')
    .argument('[specs...]', 'OLD NEW: files or git revisions such as HEAD~1:policies/short-video-team.yaml')
    .option('--base <ref>', 'compare every policy changed since this git revision')
    .option('--data <file>', 'data to measure the impact on (.csv, .tsv, .txt, .json, .xlsx, or a data mapping .yaml)')
    .option(
      '--allow-unscorable',
      'exit 0 even when the new version cannot score records the old one scored (they are still listed apart)',
    )
    .option(
      '--outlier <yuan>',
      "flag one employee's change of this many yuan or more (¥1000 by default; `¥2,000`, `2000` and `1万` work)",
    )
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'md', 'json']).default('human'))
    .option('--quiet', 'no progress on stderr (a bar on a terminal, plain lines otherwise, for a large month)')
    .option(
      '--ledger <file>',
      'with --data: results ledger whose earlier periods give history facts, as run reads it',
      DEFAULT_LEDGER,
    )
    .addOption(lang())
    .action(async (specs: string[], o) => {
      code = await diffCommand(specs, o, io);
    });

  program
    .command('test')
    .description('run the policy tests (*.test.yaml beside each policy) and list what no case exercises')
    .argument('[policy...]', 'policy YAML files (default: every policy in policies/)')
    .action(async (files: string[]) => {
      code = await testCommand(files, io, errors.lang);
    });

  program
    .command('verify')
    .description(
      'check the policy properties: monotone pay, reachable grades, tiers and rules, bounded pay, declared ones',
    )
    .argument('[policy...]', 'policy YAML files (default: every policy in policies/)')
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json']).default('human'))
    .option('--all', 'list every verdict, not only those that fail or stay undecided')
    .option('--runs <n>', 'employees drawn per search (default 200)')
    .action((files: string[], o: { format: 'human' | 'json'; all?: boolean; runs?: string }) => {
      code = verifyCommand(files, { ...o, lang: errors.lang }, io);
    });

  program
    .command('doc')
    .description('render the performance plan (考核方案) employees receive from a policy, as HTML for A4 or Markdown')
    .argument('<policy>', 'policy YAML file')
    .addOption(
      new Option('--format <format>', 'output format (default: html for an --out ending in .html, else md)').choices([
        'html',
        'md',
      ]),
    )
    .option('--out <file>', 'write the document to this file instead of stdout')
    .option('--base <rev>', 'git revision of the previous version, for the change summary')
    .addOption(lang())
    .action((file: string, o: { format?: 'html' | 'md'; out?: string; base?: string; lang: Lang }) => {
      code = docCommand(file, o, io);
    });

  program
    .command('check')
    .description(
      'one command for CI: every policy validates, is formatted, passes its tests, and a changed policy has a higher version',
    )
    .option('--base <ref>', 'git revision to compare versions with, e.g. main or HEAD~1')
    .option(
      '--data <file>',
      "with --base: fail when a changed policy cannot score a record of this file that the base version scored (default: each policy's `review_data:`)",
    )
    .option(
      '--staged',
      'only the policies staged for a commit, as staged, versions compared with HEAD (the pre-commit hook)',
    )
    .action(async (o: { base?: string; data?: string; staged?: boolean }) => {
      code = await checkCommand(o, io);
    });

  program
    .command('init')
    .description(
      'create a policies repository: a starter policy with its tests, a synthetic month, git settings, CI workflow, pre-commit hook, editor settings, README',
    )
    .argument('[dir]', 'folder to create it in (default: the current folder); no file in it is ever overwritten')
    .addOption(
      new Option('--template <name>', 'the starter policy').choices(Object.keys(STARTERS)).default('startup-team'),
    )
    .action((dir: string | undefined, o: { template: keyof typeof STARTERS }) => {
      code = initCommand(dir, o, io);
    });

  program
    .command('textconv')
    .description("git's diff driver for policies: the canonical layout, or the text as written with a marker")
    .argument('<file>', 'the version of a policy git hands over')
    .action((file: string) => {
      code = textconv(file, io.stdout);
    });

  program
    .command('merge-driver')
    .description(
      "git's merge driver for policies: the three versions in the canonical layout, merged line by line into OURS",
    )
    .argument('<base>', 'the common ancestor (%O)')
    .argument('<ours>', 'our version, where the result is left (%A)')
    .argument('<theirs>', 'their version (%B)')
    .action((base: string, ours: string, theirs: string) => {
      code = mergeDriver(base, ours, theirs);
    });

  program
    .command('completion')
    .description('print the shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .action((shell: 'bash' | 'zsh' | 'fish') => {
      code = completionCommand(program, shell, io);
    });

  // every command takes the language and the format of its errors
  const leaves = (c: Command): Command[] => (c.commands.length ? c.commands.flatMap(leaves) : [c]);
  for (const command of leaves(program)) {
    if (!command.options.some((x) => x.long === '--lang')) command.addOption(lang());
    command.addOption(
      new Option('--error-format <format>', 'format of errors and warnings on stderr')
        .choices(['human', 'json'])
        .default('human'),
    );
  }

  try {
    keepDiagnostics(errors.format === 'json');
    await program.parseAsync(argv, { from: 'user' });
    // a command that succeeded with warnings: they are the JSON document
    const warnings = keptDiagnostics();
    if (warnings.length) reportError(warnings, errors, io);
    // a closed or full stdout has been reported; the run did not deliver its output
    return processStdout && stdoutFailed() && code === EXIT.ok ? EXIT.input : code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      if (errors.format === 'json')
        reportError(
          [
            diagnostic('cli_usage', {
              detail: {
                en: error.message.replace(/^error: /, ''),
                zh: usageErrorZh(error.message) ?? error.message.replace(/^error: /, ''),
              },
            }),
          ],
          errors,
          io,
        );
      return EXIT.usage;
    }
    if (error instanceof ExitError) {
      // the problem first, then what was met on the way, then what the error itself carries
      const [problem, ...behind] = error.diagnostics;
      reportError([problem!, ...keptDiagnostics(), ...behind], errors, io);
      return error.code;
    }
    reportError(
      [diagnostic('cli_internal', { detail: (error as Error)?.stack ?? String(error) }), ...keptDiagnostics()],
      errors,
      io,
    );
    return EXIT.internal;
  }
}
