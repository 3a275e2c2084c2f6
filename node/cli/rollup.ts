// Roll-up policies on the command line: telling one from a month's policy, loading it (checked
// against the monthly policy beside it, `policies/<rollup.of>.yaml`, when there is one), reading a
// roll-up period argument. Its test file's cases: rollup-tests.ts.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  diagnostic,
  type Lang,
  isRollupDocument,
  loadPolicy,
  loadRollupPolicy,
  readPeriod,
  readRollupPeriod,
  readYaml,
  type PolicyDoc,
  type RollupDoc,
  type RollupLoadResult,
  type RollupPeriod,
  type Span,
} from '../../engine/index.js';
import { EXIT, ExitError, policyInvalid } from './errors.js';
import { readText, sayDiagnostic } from './io.js';

/** Whether a policy file is a roll-up policy (a top-level `rollup:`); a file that cannot be read is not. */
export function isRollupFile(file: string): boolean {
  try {
    const yaml = readYaml(readText(file, 'policy'), file);
    return yaml.ok && isRollupDocument(yaml.value);
  } catch {
    return false;
  }
}

/** The monthly policy a roll-up names, when it sits beside it as `<of>.yaml` and loads. */
export function monthlyBeside(file: string, of: string): PolicyDoc | undefined {
  const path = join(dirname(file), `${of}.yaml`);
  if (!existsSync(path)) return undefined;
  const loaded = loadPolicy(readText(path, 'policy'), path);
  return loaded.ok ? loaded.policy.doc : undefined;
}

/** Loads a roll-up policy file with every check; `rollup.of` checked against the monthly policy beside it. */
export function loadRollup(file: string, text = readText(file, 'policy')): RollupLoadResult {
  const yaml = readYaml(text, file);
  const of =
    yaml.ok && isRollupDocument(yaml.value) ? (yaml.value as { rollup?: { of?: unknown } }).rollup?.of : undefined;
  return loadRollupPolicy(text, file, typeof of === 'string' ? monthlyBeside(file, of) : undefined);
}

/**
 * As loadPolicyFile: a policy with errors refused with its problems in the error (so that
 * `--error-format json` gives them as JSON), warnings to stderr, both in the language asked for.
 */
export function loadRollupFile(
  file: string,
  stderr: (s: string) => void,
  lang: Lang = 'zh',
): { doc: RollupDoc; quotaMinSpans: ReadonlyMap<string, Span> } {
  const result = loadRollup(file);
  if (!result.ok) throw policyInvalid(file, result.diagnostics);
  for (const d of result.diagnostics) sayDiagnostic(stderr, d, lang);
  return { doc: result.doc, quotaMinSpans: result.quotaMinSpans };
}

const KIND_ZH = { quarter: '季度', half_year: '半年', year: '年度' } as const;
const EXAMPLE = { quarter: '2026-Q3', half_year: '2026-H2', year: '2026' } as const;

/** A roll-up period argument, refused with the forms to write; `doc` given: it must be of the policy's kind. */
export function rollupPeriodArgument(raw: string, doc?: RollupDoc): RollupPeriod {
  const read = readRollupPeriod(raw, doc?.rollup.year_starts);
  if (!read.ok)
    throw new ExitError(
      EXIT.usage,
      read.suggestion
        ? diagnostic('cli_rollup_period.suggest', { text: raw, suggestion: read.suggestion })
        : diagnostic('cli_rollup_period', { text: raw }),
    );
  if (doc && read.value.kind !== doc.rollup.period) {
    const kind = doc.rollup.period;
    throw new ExitError(
      EXIT.usage,
      diagnostic('cli_rollup_period_kind', {
        period: read.value.period,
        kind: kind.replace('_', '-'),
        kind_zh: KIND_ZH[kind],
        policy: doc.policy,
        example: EXAMPLE[kind],
      }),
    );
  }
  return read.value;
}

/**
 * `--period` of `explain`: a month in any spelling a 月份 cell accepts, or a roll-up period
 * (`2026`, `2026-H2`, `2026-Q3`). Text that looks like a half-year or quarter but is not one of
 * those (`2026年下半年`, `2026H2`) is refused with the roll-up forms; anything else with the month's.
 */
export function monthOrRollupPeriod(raw: string): string {
  const month = readPeriod(raw);
  if (month.ok) return month.period;
  const rollup = readRollupPeriod(raw);
  if (rollup.ok) return rollup.value.period;
  if (rollup.reason === 'chinese' || rollup.reason === 'near') return rollupPeriodArgument(raw).period;
  const { detail, advice } = month.why;
  throw new ExitError(
    EXIT.usage,
    diagnostic('cli_period', { detail: detail.en, detail_zh: detail.zh, advice: advice.en, advice_zh: advice.zh }),
  );
}

/** Whether a policy text is a roll-up policy (a top-level `rollup:`). */
export function isRollupText(text: string, file: string): boolean {
  const yaml = readYaml(text, file);
  return yaml.ok && isRollupDocument(yaml.value);
}

/** `diff --base` of a roll-up policy: it loads, and is listed as new or changed, with no data impact. */
export function rollupReview(
  file: string,
  now: string,
  old: string | undefined,
  beforeLabel: string,
  lang: 'zh' | 'en',
) {
  const loaded = loadRollup(file, now);
  if (!loaded.ok) throw policyInvalid(file, loaded.diagnostics);
  const before = old === undefined ? undefined : readYaml(old, beforeLabel);
  const version = before?.ok ? String((before.value as { version?: unknown } | null)?.version ?? '—') : '—';
  const zh = lang === 'zh';
  // the same document (comments and layout aside) is no change, not "the roll-up policy changed"
  const current = readYaml(now, file);
  const same = before?.ok && current.ok && JSON.stringify(before.value) === JSON.stringify(current.value);
  return {
    file,
    title: loaded.doc.title,
    before: { label: beforeLabel, version: old === undefined ? '—' : version },
    after: { label: file, version: loaded.doc.version },
    changes: same
      ? []
      : [
          {
            path: [],
            kind: old === undefined ? ('added' as const) : ('changed' as const),
            text:
              old === undefined
                ? zh
                  ? '新增汇总政策'
                  : 'new roll-up policy'
                : zh
                  ? '汇总政策有修改：对各期结果的影响请用 yardstick rollup 查看'
                  : 'roll-up policy changed: see its effect on a period with yardstick rollup',
          },
        ],
  };
}
