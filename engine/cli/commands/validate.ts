// `yardstick validate POLICY…`: every problem in every file, with file:line:col and help.

import { formatDiagnostic, loadPolicy, type Diagnostic } from '../../index.js';
import { EXIT } from '../errors.js';
import { readText } from '../io.js';
import type { Io } from '../main.js';

export function validateCommand(files: string[], options: { format: 'human' | 'json' }, io: Io): number {
  const all: Diagnostic[] = [];
  const summaries: string[] = [];
  let failed = 0;
  for (const file of files) {
    const result = loadPolicy(readText(file, 'policy'), file);
    all.push(...result.diagnostics);
    if (result.ok) {
      const p = result.policy.doc;
      summaries.push(`ok  ${file}: ${p.policy} v${p.version}, ${Object.keys(p.roles).length} roles, ${Object.keys(p.stages).length} stages`);
    } else {
      failed++;
      summaries.push(`err ${file}: ${result.diagnostics.filter((d) => d.severity === 'error').length} problem(s)`);
    }
  }
  if (options.format === 'json') {
    io.stdout(JSON.stringify({ ok: failed === 0, diagnostics: all }, null, 2) + '\n');
  } else {
    for (const d of all) io.stderr(formatDiagnostic(d));
    for (const s of summaries) io.stdout(s + '\n');
  }
  return failed ? EXIT.input : EXIT.ok;
}
