// Data that fits nobody: a run in which no record could be scored is not "¥0 for 0 people" but
// the wrong file, or the wrong policy. `run`, `statements` and `diff` refuse it with this message.

import type { CompiledPolicy } from '../language/compile.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { RunResult } from '../model/scorecard.js';

/** The error when `result` scored nobody, naming the roles the file holds and the roles the policy knows; undefined otherwise. */
export function fitsNobody(policy: CompiledPolicy, result: Pick<RunResult, 'scorecards' | 'excluded'>, file: string): Diagnostic | undefined {
  if (result.scorecards.length) return undefined;
  const known = policy.contract.roles.map((r) => `${r.title} (${r.id})`).join(', ');
  const unknownRoles = [...new Set(result.excluded.flatMap((x) => x.reasons.filter((d) => d.code === 'data_unknown_role').map((d) => d.cell?.value ?? '')))];
  const codes = new Map<string, number>();
  for (const x of result.excluded) for (const code of new Set(x.reasons.map((d) => d.code))) codes.set(code, (codes.get(code) ?? 0) + 1);
  const found = unknownRoles.length ? `roles found: ${unknownRoles.map((r) => `\`${r}\``).join(', ')}; ` : '';
  const why = result.excluded.length ? `${result.excluded.length} record(s) excluded (${[...codes].map(([c, n]) => `${c} × ${n}`).join(', ')}); ` : 'the file holds no records; ';
  return {
    code: 'data_fits_nobody',
    severity: 'error',
    file,
    message: `no record in \`${file}\` fits the policy \`${policy.doc.policy}\``,
    help: `${why}${found}roles the policy knows: ${known}; check that the data file and the policy belong together`,
  };
}
