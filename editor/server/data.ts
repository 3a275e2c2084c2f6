// The editor's data and outputs: a data mapping (`*.data.yaml`) read exactly as the CLI reads it
// (node/cli/mapping.ts, DuckDB for event files, here on this machine), what `data inspect` shows
// of it, and the outputs the CLI writes — the results and the impact as XLSX, statements as HTML.
// Every route is under /api, so behind app.ts's token, Host and Origin checks.

import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Hono } from 'hono';
import { zipSync, strToU8 } from 'fflate';
import {
  columnMeaning,
  compareRuns,
  diagnostic,
  loadPolicy,
  localise,
  renderIndex,
  renderStatement,
  runPolicy,
  type CompiledPolicy,
  type Diagnostic,
  type Lang,
  type RecordsResult,
  type RunResult,
} from '../../engine/index.js';
import { ExitError } from '../../node/cli/errors.js';
import { mappingTables } from '../../node/cli/mapping.js';
import { readDataFile } from '../../node/cli/pipeline.js';
import { dataInputs, mappingParts } from '../../node/cli/provenance.js';
import { eventProvenance, eventReports, describeAggregate } from '../../node/cli/events/provenance.js';
import { formatXlsx } from '../../node/cli/format/xlsx.js';
import { formatImpactXlsx } from '../../node/cli/format/impact-xlsx.js';
import { caseClashDiagnostic, caseClashes, statementFile } from '../../node/cli/commands/statements.js';
import { packageVersion } from '../../node/cli/version.js';
import { FileError, TABLE_FILE, dataPath, inside, serialisable } from './files.js';
import type { ColumnMatch, MappingInspect } from '../app/lib/data-inspect.js';

const DATA_FOLDERS = ['examples', 'data'];

interface Body {
  path?: unknown;
  policy?: unknown;
  base?: unknown;
  lang?: unknown;
  employee?: unknown;
}

async function bodyOf(req: { json: () => Promise<unknown> }): Promise<Body> {
  const body = (await req.json().catch(() => null)) as Body | null;
  if (!body || typeof body !== 'object' || typeof body.policy !== 'string' || typeof body.path !== 'string')
    throw new FileError(400, diagnostic('cli_server_file.data_body', {}));
  return body;
}

const langOf = (b: Body): Lang => (b.lang === 'en' ? 'en' : 'zh');

/** A diagnostic in `lang`, its catalogue arguments kept (the page may say it again in the other language). */
const said = (d: Diagnostic, lang: Lang): Diagnostic => ({ ...serialisable(d), ...localise(d, lang) });

/**
 * A data file under a data folder, by its path from the root, never through a link; for a mapping,
 * every file it names must be inside the same data folder too (a mapping may not read `../../`).
 */
export function datasetFile(root: string, rel: string): string {
  const folder = DATA_FOLDERS.find((f) => rel.startsWith(`${f}/`));
  if (!folder || !(TABLE_FILE.test(rel) || /\.ya?ml$/i.test(rel)))
    throw new FileError(400, diagnostic('cli_server_file.dataset', {}));
  const path = dataPath(root, folder, rel.slice(folder.length + 1));
  if (/\.ya?ml$/i.test(rel)) {
    const base = realpathSync(join(realpathSync(root), folder));
    // each file where the reading opens it (beside the mapping, or at an absolute path), named as
    // the mapping writes it (`../../x.csv`, `/home/…/x.csv`), not as the folder sees it
    for (const { file: f, written: name } of mappingParts(path)) {
      const fromBase = relative(base, f);
      if (fromBase.startsWith('..') || isAbsolute(fromBase))
        throw new FileError(403, diagnostic('cli_server_file.outside', { name }));
      if (!existsSync(f)) continue; // the reading says which file is missing, with the mapping's line
      inside(base, fromBase);
      if (realpathSync(f) !== f) throw new FileError(403, diagnostic('cli_server_file.data_link', { name }));
    }
  }
  return path;
}

/** The policy text the page has (perhaps unsaved), compiled; its problems refuse the request. */
function compiled(text: string): CompiledPolicy {
  const loaded = loadPolicy(text, 'policy.yaml');
  if (!loaded.ok)
    throw new FileError(
      422,
      diagnostic('cli_policy_invalid', {
        file: 'policy.yaml',
        count: loaded.diagnostics.filter((d) => d.severity === 'error').length,
      }),
      ...loaded.diagnostics.filter((d) => d.severity === 'error'),
    );
  return loaded.policy;
}

/** The CLI's reading of the data (a file or a mapping); a refusal it throws becomes the server's. */
async function readAsCli(path: string, policy: CompiledPolicy): Promise<RecordsResult> {
  try {
    return await readDataFile(path, policy);
  } catch (error) {
    if (error instanceof ExitError) throw new FileError(422, error.diagnostics[0]!, ...error.diagnostics.slice(1));
    throw error;
  }
}

/** File names relative to the root in what the page sees: never this machine's absolute paths. */
function fromRoot(root: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  const real = realpathSync(root);
  return file.startsWith(real + sep) || file.startsWith(root + sep)
    ? relative(file.startsWith(real) ? real : root, file)
        .split(sep)
        .join('/')
    : file;
}

/**
 * The payload with this machine's path to the root taken out of every string (a diagnostic from the
 * reading may name the file by its full path): the page sees `examples/…`, never `/home/…/examples/…`.
 */
function withoutRoot<T>(root: string, value: T): T {
  let json = JSON.stringify(value);
  for (const r of new Set([realpathSync(root), root])) json = json.split(JSON.stringify(r + sep).slice(1, -1)).join('');
  return JSON.parse(json) as T;
}

/** `data inspect` of a mapping, as data: the same reading (mappingTables, the event reports, the records). */
export async function inspectMapping(
  root: string,
  rel: string,
  path: string,
  policy: CompiledPolicy,
  read: RecordsResult,
  lang: Lang,
): Promise<MappingInspect> {
  const files: MappingInspect['files'] = [];
  for (const t of await mappingTables(path)) {
    const renames = t.columns ?? {};
    const columns: ColumnMatch[] = (t.table?.header ?? []).map((h) => {
      const name = Object.hasOwn(renames, h) ? renames[h]! : h;
      const m = columnMeaning(name, policy.contract);
      const as = name !== h ? { as: name } : {};
      if (m?.kind === 'field') return { header: h, ...as, meaning: { kind: 'field', id: m.id } };
      if (m) {
        const metric = policy.metrics[m.id]!;
        return { header: h, ...as, meaning: { kind: 'metric', id: m.id, label: metric.label, unit: metric.unit } };
      }
      return { header: h, ...as, meaning: { kind: (t.keys ?? []).includes(h) ? 'key' : 'unused' } };
    });
    files.push({
      file: fromRoot(root, t.file) ?? t.file,
      ...(t.table?.sheet ? { sheet: t.table.sheet } : {}),
      ...(t.table ? { rows: t.table.rows.length } : {}),
      columns,
      problems: t.diagnostics.map((d) => said(d, lang)),
    });
  }
  const reports = eventReports(path);
  const events: MappingInspect['events'] = (reports?.reports ?? []).map((report, i) => {
    const source = reports!.sources[i]!;
    return {
      file: report.file,
      sha256: report.sha256,
      encoding: report.encoding,
      notes: report.notes,
      aggregates: report.aggregates.map((a) => ({
        key: a.key,
        ...(a.employee ? { employee: a.employee } : {}),
        rows: a.rows,
        values: Object.entries(a.values).map(([metric, v]) => ({
          metric,
          text: describeAggregate(metric, source.metrics[metric]!, v, report.file, report.periods)[lang],
        })),
      })),
    };
  });
  return {
    mapping: rel,
    ...(read.records[0]?.period ? { period: read.records[0].period } : {}),
    files,
    events,
    problems: read.diagnostics.map((d) => said(d, lang)),
    defaults: (read.defaults ?? []).map((d) => ({
      metric: d.metric,
      label: policy.metrics[d.metric]?.label ?? d.metric,
      value: d.value,
      employee_id: d.employee_id,
      ...(d.file ? { file: d.file } : {}),
      row: d.row,
      why: d.why === 'no row in source' ? `no row in ${d.source}` : d.why,
    })),
    excluded: read.excluded.map((x) => ({ ...x, reasons: x.reasons.map((d) => said(d, lang)) })),
    records: read.records.length,
  };
}

/** The run the CLI would make of this policy text on this dataset (no ledger: the editor's preview has none either). */
async function runOn(
  rel: string,
  path: string,
  text: string,
  lang: Lang,
): Promise<{ policy: CompiledPolicy; read: RecordsResult; result: RunResult }> {
  const policy = compiled(text);
  const read = await readAsCli(path, policy);
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new FileError(422, diagnostic('cli_data_unfit', { file: rel }), ...errors);
  const result = await runPolicy(
    policy,
    {
      records: read.records,
      excluded: read.excluded,
      warnings: read.diagnostics.filter((d) => d.severity === 'warning'),
    },
    { lang },
  );
  return { policy, read, result };
}

const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** What a statement says it was computed from: the policy text as edited, the data files with their hashes. */
function provenanceOf(root: string, rel: string, path: string, policy: CompiledPolicy, text: string) {
  return {
    policy: {
      file: `${policy.doc.policy}.yaml`,
      id: policy.doc.policy,
      version: policy.doc.version,
      hash: sha16(text),
    },
    data: dataInputs(path).map((f) => ({ ...f, file: fromRoot(root, f.file) ?? f.file })),
    engine: packageVersion(),
    events: /\.ya?ml$/i.test(rel) ? eventProvenance(path) : undefined,
  };
}

const download = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const stem = (rel: string) =>
  rel
    .split('/')
    .pop()!
    .replace(/(\.data)?\.(csv|tsv|txt|json|xlsx|ya?ml)$/i, '');

/** Registers the data and output routes on the editor's app. */
export function registerDataRoutes(app: Hono, root: string): void {
  // a mapping's records for the preview, and its `data inspect`, for the policy text the page has
  app.post('/api/data/mapping', async (c) => {
    const b = await bodyOf(c.req);
    if (!/\.data\.ya?ml$/i.test(b.path as string)) throw new FileError(400, diagnostic('cli_server_file.mapping', {}));
    const path = datasetFile(root, b.path as string);
    const policy = compiled(b.policy as string);
    const read = await readAsCli(path, policy);
    const inspect = await inspectMapping(root, b.path as string, path, policy, read, langOf(b));
    return c.json(
      withoutRoot(root, {
        read: {
          records: read.records,
          excluded: read.excluded.map((x) => ({ ...x, reasons: x.reasons.map(serialisable) })),
          diagnostics: read.diagnostics.map(serialisable),
          ...(read.defaults ? { defaults: read.defaults } : {}),
        },
        inspect,
      }),
    );
  });

  // the preview as the CLI's workbook (`yardstick run --format xlsx`)
  app.post('/api/data/results.xlsx', async (c) => {
    const b = await bodyOf(c.req);
    const path = datasetFile(root, b.path as string);
    const { result } = await runOn(b.path as string, path, b.policy as string, langOf(b));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', download(`${stem(b.path as string)}-results.xlsx`));
    return c.body(new Uint8Array(await formatXlsx(result, langOf(b))));
  });

  // 修改影响: the saved version against the edit, on the same data, as a workbook
  app.post('/api/data/impact.xlsx', async (c) => {
    const b = await bodyOf(c.req);
    if (typeof b.base !== 'string') throw new FileError(400, diagnostic('cli_server_file.data_body', {}));
    const path = datasetFile(root, b.path as string);
    const before = await runOn(b.path as string, path, b.base, langOf(b));
    const after = await runOn(b.path as string, path, b.policy as string, langOf(b));
    const comparison = compareRuns(before.result, after.result, [before.read.records, after.read.records]);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', download(`${stem(b.path as string)}-impact.xlsx`));
    return c.body(new Uint8Array(await formatImpactXlsx(comparison, langOf(b))));
  });

  // one employee's statement (`yardstick statements`' page for them), to print
  app.post('/api/data/statement', async (c) => {
    const b = await bodyOf(c.req);
    const path = datasetFile(root, b.path as string);
    const { policy, read, result } = await runOn(b.path as string, path, b.policy as string, langOf(b));
    const card = result.scorecards.find((s) => s.employee_id === b.employee);
    if (!card)
      throw new FileError(
        404,
        diagnostic('cli_server_file.employee', { employee: String(b.employee), file: b.path as string }),
      );
    const record = read.records.find((r) => r.employee_id === card.employee_id && r.period === card.period);
    const html = renderStatement(
      policy,
      card,
      provenanceOf(root, b.path as string, path, policy, b.policy as string),
      langOf(b),
      record ? { record } : {},
    );
    c.header('Content-Type', 'text/html; charset=utf-8');
    c.header('Content-Disposition', download(statementFile(card)));
    return c.body(html);
  });

  // every statement of the month and the index page, as `yardstick statements --out` writes them, zipped
  app.post('/api/data/statements.zip', async (c) => {
    const b = await bodyOf(c.req);
    const path = datasetFile(root, b.path as string);
    const { policy, read, result } = await runOn(b.path as string, path, b.policy as string, langOf(b));
    const provenance = provenanceOf(root, b.path as string, path, policy, b.policy as string);
    // ids whose statements would be one file (E1 and e1, or one id in two months) are refused as the CLI refuses them
    const clashes = caseClashes(result.scorecards);
    if (clashes.length) throw new FileError(422, caseClashDiagnostic(clashes));
    const recordOf = new Map(read.records.map((r) => [`${r.period}\u0000${r.employee_id}`, r]));
    const files: Record<string, Uint8Array> = {};
    for (const card of result.scorecards) {
      const record = recordOf.get(`${card.period}\u0000${card.employee_id}`);
      files[statementFile(card)] = strToU8(
        renderStatement(policy, card, provenance, langOf(b), record ? { record } : {}),
      );
    }
    files['index.html'] = strToU8(renderIndex(policy, result, provenance, statementFile, langOf(b)));
    c.header('Content-Type', 'application/zip');
    c.header('Content-Disposition', download(`${stem(b.path as string)}-statements.zip`));
    return c.body(zipSync(files, { level: 6 }));
  });
}
