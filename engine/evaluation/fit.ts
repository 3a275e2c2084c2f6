// Data that fits nobody: a run in which no record could be scored is not "¥0 for 0 people" but
// the wrong file, or the wrong policy. `run`, `statements` and `diff` refuse it with this message.

import type { CompiledPolicy } from '../language/compile.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { RunResult } from '../model/scorecard.js';

/** The error when `result` scored nobody, naming the roles the file holds and the roles the policy knows; undefined otherwise. */
export function fitsNobody(
  policy: CompiledPolicy,
  result: Pick<RunResult, 'scorecards' | 'excluded'>,
  file: string,
): Diagnostic | undefined {
  if (result.scorecards.length) return undefined;
  const titles = policy.contract.roles.map((r) => `${r.title} (${r.id})`);
  const unknownRoles = [
    ...new Set(
      result.excluded.flatMap((x) =>
        x.reasons.filter((d) => d.code === 'data_unknown_role').map((d) => d.cell?.value ?? ''),
      ),
    ),
  ].map((r) => `\`${r}\``);
  const codes = new Map<string, number>();
  for (const x of result.excluded)
    for (const code of new Set(x.reasons.map((d) => d.code))) codes.set(code, (codes.get(code) ?? 0) + 1);
  const counts = [...codes].map(([c, n]) => `${c} × ${n}`);
  const n = result.excluded.length;
  const found = unknownRoles.length
    ? { en: `roles found: ${unknownRoles.join(', ')}; `, zh: `文件中的岗位：${unknownRoles.join('、')}；` }
    : '';
  const why = n
    ? { en: `${n} record(s) excluded (${counts.join(', ')}); `, zh: `${n} 条记录未参与计算（${counts.join('，')}）；` }
    : { en: 'the file holds no records; ', zh: '文件中没有记录；' };
  const known = { en: titles.join(', '), zh: titles.join('、') };
  return diagnostic('data_fits_nobody', { file, policy: policy.doc.policy, why, found, known }, { file });
}
