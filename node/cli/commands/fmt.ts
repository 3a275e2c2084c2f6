// `yardstick fmt [--check] POLICY…`: the canonical layout, comments kept; the editor saves the same.

import { formatPolicyText, loadPolicy } from '../../../engine/index.js';
import { EXIT } from '../errors.js';
import { readText, writeAtomic, type Io, sayDiagnostic } from '../io.js';
import { isTestFile } from './validate.js';

export function fmtCommand(files: string[], o: { check?: boolean; stdout?: boolean }, io: Io): number {
  const unformatted: string[] = [];
  let broken = 0;
  // what it did, in the language of the command's messages (--lang, Chinese by default)
  const zh = (io.lang ?? 'zh') === 'zh';
  for (const file of files) {
    // test files keep the layout their authors gave them (hand-worked numbers beside each case)
    if (isTestFile(file) && !o.stdout) continue;
    const text = readText(file, 'policy');
    const formatted = formatPolicyText(text);
    if (formatted === null) {
      broken++;
      // the YAML's problems, or a number it would have to decide (`06000`: 6000, or octal 3072?)
      const why = (x: { code: string }) => x.code.startsWith('yaml_') || x.code === 'policy_number_ambiguous';
      for (const d of loadPolicy(text, file).diagnostics.filter(why)) sayDiagnostic(io.stderr, d, io.lang ?? 'zh');
      continue;
    }
    if (o.stdout) {
      // for `git diff` (textconv): print the canonical form, change nothing
      io.stdout(formatted);
      continue;
    }
    if (formatted === text) continue;
    unformatted.push(file);
    if (!o.check) writeAtomic(file, formatted);
  }
  if (o.check) {
    for (const f of unformatted) io.stdout(zh ? `格式不规范：${f}\n` : `not formatted: ${f}\n`);
    if (unformatted.length)
      io.stderr(
        zh
          ? `请运行 \`yardstick fmt ${unformatted.join(' ')}\` 整理格式`
          : `run \`yardstick fmt ${unformatted.join(' ')}\` to format`,
      );
    return unformatted.length || broken ? EXIT.input : EXIT.ok;
  }
  for (const f of unformatted) io.stdout(zh ? `已整理格式：${f}\n` : `formatted ${f}\n`);
  return broken ? EXIT.input : EXIT.ok;
}
