// Period and employee arguments on the command line, read as data cells are: `--period 2026/10`
// is 2026-10, `--employee Ｅ１` is E1 (engine/data/period.ts, engine/data/ids.ts).

import { normaliseId, readPeriod, diagnostic } from '../../engine/index.js';
import { EXIT, ExitError } from './errors.js';

/** `--period`: any spelling of a month → `YYYY-MM`; anything else is a usage error. */
export function periodArgument(raw: string): string {
  const p = readPeriod(raw);
  if (!p.ok) {
    const { detail, advice } = p.why;
    throw new ExitError(
      EXIT.usage,
      diagnostic('cli_period', { detail: detail.en, detail_zh: detail.zh, advice: advice.en, advice_zh: advice.zh }),
    );
  }
  return p.period;
}

/** `--employee`: the id as the data's ids are compared. */
export function employeeArgument(raw: string): string {
  return normaliseId(raw);
}
