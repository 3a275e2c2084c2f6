// `yardstick doc POLICY`: the 考核方案 (performance plan) employees receive, rendered from the
// policy as HTML (printed to A4, a page per role) or Markdown, with a change summary against an
// earlier version (`--base REV`, the same words as `yardstick diff`).

import {
  buildDocument,
  diagnostic,
  loadPolicy,
  renderHtml,
  renderMarkdown,
  type Lang,
  type PolicyDoc,
} from '../../../engine/index.js';
import { EXIT, ExitError, policyInvalid } from '../errors.js';
import { policyPathAt, showAt } from '../git.js';
import { checkOutput, writeAtomic, type Io } from '../io.js';
import { loadPolicyFile } from '../pipeline.js';

export function docCommand(
  file: string,
  o: { format?: 'html' | 'md'; out?: string; base?: string; lang: Lang },
  io: Io,
): number {
  // a document is Markdown or HTML: any other extension (`.xlsx`, `.csv`, `.pdf`) would hold Markdown
  const ext = o.out === undefined ? undefined : /\.([^./\\]+)$/.exec(o.out.replace(/[. ]+$/, ''))?.[1];
  const unwritten =
    ext !== undefined && !['md', 'markdown', 'html', 'htm', 'txt'].includes(ext.toLowerCase()) ? ext : undefined;
  if (unwritten !== undefined)
    throw new ExitError(
      EXIT.usage,
      diagnostic('cli_out_format.unwritten', {
        file: o.out!,
        ext: unwritten,
        command: 'doc',
        choices: '`.md` or `.html`',
        choices_zh: '`.md` 或 `.html`',
      }),
    );
  // a --format the --out file's extension contradicts (`--out plan.md --format html`) is refused, as `run` refuses it
  const named = o.out === undefined ? undefined : /\.(html?|md)$/i.exec(o.out)?.[1]?.toLowerCase();
  const namedFormat = named === undefined ? undefined : named === 'md' ? 'md' : 'html';
  if (o.format !== undefined && namedFormat !== undefined && namedFormat !== o.format) {
    const ext = named!;
    throw new ExitError(
      EXIT.usage,
      diagnostic('cli_out_format', {
        file: o.out!,
        ext,
        format: o.format,
        suggest: o.out!.slice(0, -ext.length) + (o.format === 'md' ? 'md' : 'html'),
      }),
    );
  }
  const policy = loadPolicyFile(file, io.stderr, io.lang);
  let base: PolicyDoc | undefined;
  let baseName: string | undefined;
  if (o.base) {
    // a policy renamed since the base is compared with its old file, named in the summary's title
    const old = policyPathAt(o.base, file);
    const text = showAt(o.base, old);
    const loaded = loadPolicy(text, `${o.base}:${old}`);
    // the base version's own problems are said after the count, each at its line and column
    if (!loaded.ok) throw policyInvalid(`${o.base}:${old}`, loaded.diagnostics, file);
    base = loaded.policy.doc;
    baseName = old === file ? o.base : `${o.base}:${old}`;
  }
  // the format follows --out's extension unless named
  const format = o.format ?? (o.out && /\.html?$/i.test(o.out) ? 'html' : 'md');
  const doc = buildDocument(policy, { lang: o.lang, ...(base ? { base, baseName } : {}) });
  const text = format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
  if (o.out) {
    checkOutput(o.out, [{ path: file, label: { en: `the policy \`${file}\``, zh: `政策 \`${file}\`` } }]);
    writeAtomic(o.out, text);
  } else io.stdout(text);
  return EXIT.ok;
}
