// Step 2: the document against schemas/policy.schema.json, ajv errors turned into diagnostics
// that point at the YAML node each error is about.

import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import policySchema from '../../schemas/policy.schema.json' with { type: 'json' };
import { diagnostic, type Diagnostic, type Place } from '../model/diagnostic.js';
import { messageEntry } from '../model/messages/index.js';
import { keySpan, spanOf, type Path, type SourceFile } from './parse.js';

export { policySchema };

const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
// compiled when a policy is first checked, not when the module loads: compiling costs about a
// quarter of a second of CPU, which a thread that never checks a policy (a streaming run's worker,
// handed a policy the reading thread checked) does not pay
let compiled: ReturnType<typeof ajv.compile> | undefined;
const validatePolicy = () => (compiled ??= ajv.compile(policySchema));

export function checkSchema(source: SourceFile, value: unknown): Diagnostic[] {
  const validate = validatePolicy();
  if (validate(value)) return [];
  const errors = relevantErrors(validate.errors ?? []);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const d = toDiagnostic(source, e, value);
    const key = `${d.span?.line}:${d.span?.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/**
 * Keeps the errors a person should see. For `oneOf`/`anyOf` only the branch that came closest
 * (fewest errors) is reported; `if`/`then` wrappers and the branch summaries are dropped.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  // a bad key is reported once, by its `propertyNames` error, not again by the checks inside it
  // (those carry the mapping's path and the key as their data)
  const badKeys = new Set(
    errors
      .filter((e) => e.keyword === 'propertyNames')
      .map((e) => `${e.instancePath}\0${(e.params as { propertyName: string }).propertyName}`),
  );
  let kept = errors.filter(
    (e) =>
      e.keyword !== 'if' &&
      (e.keyword === 'propertyNames' || typeof e.data !== 'string' || !badKeys.has(`${e.instancePath}\0${e.data}`)),
  );
  const branching = kept.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  // innermost first so nested choices are settled before their parents
  branching.sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const choice of branching) {
    if (!kept.includes(choice)) continue;
    const prefix = choice.schemaPath.replace(/\/(oneOf|anyOf)$/, `/${choice.keyword}/`);
    const branches = new Map<string, ErrorObject[]>();
    for (const e of kept) {
      if (!e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(choice.instancePath)) continue;
      const branch = e.schemaPath.slice(prefix.length).replace(/\/.*$/s, '');
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    if (branches.size === 0) continue;
    // each branch's only error when it fails for nothing but a missing key of the choice itself
    const required = [...branches.values()].map(([first, ...rest]) =>
      rest.length === 0 && first?.keyword === 'required' && first.instancePath === choice.instancePath
        ? first
        : undefined,
    );
    const [firstRequired] = required;
    if (firstRequired && required.every((e): e is ErrorObject => e !== undefined)) {
      // "one of these keys is needed": report once, naming them all
      const keys = required.map((e) => (e.params as { missingProperty: string }).missingProperty);
      const merged = { ...firstRequired, params: { missingProperty: keys.join('`, `') }, message: 'one-of' };
      kept = kept.filter((e) => e !== choice && !required.includes(e));
      kept.push(merged);
      continue;
    }
    const best = [...branches.values()].sort(
      (a, b) => weigh(a, choice.instancePath) - weigh(b, choice.instancePath),
    )[0];
    const drop = new Set<ErrorObject>([choice]);
    for (const list of branches.values()) if (list !== best) for (const e of list) drop.add(e);
    kept = kept.filter((e) => !drop.has(e));
  }
  return kept;
}

/**
 * How unlikely a branch is as the intent: a type error near the root, or on the value the choice
 * is about (a mapping where the branch wants a string), weighs more than a mistake inside a value of
 * the right kind.
 */
function weigh(list: ErrorObject[], choicePath: string): number {
  return list.reduce(
    (n, e) =>
      n + (e.keyword === 'type' && (e.instancePath.split('/').length <= 2 || e.instancePath === choicePath) ? 3 : 1),
    0,
  );
}

function pathOf(instancePath: string): Path {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Where a value is: its key path, or the policy itself (in the message's language: `政策` in Chinese). */
function dotted(path: Path): string | { en: string; zh: string } {
  return path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '[')
    : { en: 'the policy', zh: '政策' };
}

/** Names every JavaScript object has: a policy may not use them as ids, grades or calibrated grades. */
const RESERVED = new Set<string>((policySchema.$defs.reservedName as { enum: string[] }).enum);
const RESERVED_LIST = [...RESERVED].map((n) => `\`${n}\``).join(', ');

function toDiagnostic(source: SourceFile, e: ErrorObject, value: unknown): Diagnostic {
  const path = pathOf(e.instancePath);
  const where = dotted(path);
  const description = (e.parentSchema as { description?: string } | undefined)?.description;
  // the schema's own description (Chinese / English) is the best help when there is one
  const place = (more: Place = {}): Place => ({
    file: source.file,
    path: [...path],
    span: spanOf(source, path),
    ...(description !== undefined ? { help: description } : {}),
    ...more,
  });
  const shown = show(valueAt(value, path));
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const parentKey = path.length ? keySpan(source, path.slice(0, -1), String(path[path.length - 1])) : undefined;
      if (e.message === 'one-of') {
        return diagnostic(
          'schema_missing_key.one_of',
          { where, keys: missing },
          { file: source.file, path: [...path], span: parentKey ?? spanOf(source, path) },
        );
      }
      const at: Place = { file: source.file, path: [...path], span: parentKey ?? spanOf(source, path) };
      const described = descriptionOfKey(e, missing);
      return described !== undefined
        ? diagnostic('schema_missing_key.described', { where, key: missing, description: described }, at)
        : diagnostic('schema_missing_key', { where, key: missing }, at);
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const near = closest(extra, allowed);
      const at: Place = {
        file: source.file,
        path: [...path, extra],
        span: keySpan(source, path, extra) ?? spanOf(source, path),
      };
      return near
        ? diagnostic('schema_unknown_key.near', { key: extra, where, near, allowed: allowed.join(', ') }, at)
        : diagnostic('schema_unknown_key', { key: extra, where, allowed: allowed.join(', ') }, at);
    }
    case 'type': {
      if (path[path.length - 1] === 'version' && typeof valueAt(value, path) === 'number') {
        return diagnostic(
          'schema_type.version',
          {},
          { file: source.file, path: [...path], span: spanOf(source, path) },
        );
      }
      const type = (e.params as { type: string }).type;
      const raw = valueAt(value, path);
      if ((type === 'number' || type === 'integer') && typeof raw === 'string') {
        const text = raw.trim();
        // these two have a help of their own, more useful here than the field's description
        const own: Place = { file: source.file, path: [...path], span: spanOf(source, path) };
        const percent = /^[-+]?\d+(?:\.\d+)?\s*[%％]$/.exec(text);
        if (percent) {
          const decimal = String(Number((Number(text.replace(/[%％]/, '')) / 100).toPrecision(12)));
          return diagnostic('schema_type.percent_text', { where, value: raw, decimal }, own);
        }
        if (text !== '' && Number.isFinite(Number(text)) && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text))
          return diagnostic('schema_type.quoted_number', { where, value: text }, own);
        // `０.５`, `８０`: digits a Chinese input method types full-width, which YAML reads as text
        const ascii = text.normalize('NFKC');
        if (ascii !== text && /^[-+]?(\d+\.?\d*|\.\d+)$/.test(ascii))
          return diagnostic('schema_type.full_width_number', { where, value: text, number: ascii }, own);
      }
      const id = `schema_type.${type}` as const;
      return messageEntry(id)
        ? diagnostic(id as 'schema_type.object', { where, value: shown }, place())
        : diagnostic('schema_type', { where, value: shown, type }, place());
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${v}\``).join(', ');
      return diagnostic('schema_enum', { where, allowed, value: shown }, place());
    }
    case 'pattern':
      return diagnostic(
        'schema_pattern',
        { value: shown, where, pattern: (e.params as { pattern: string }).pattern },
        place(),
      );
    case 'propertyNames': {
      const name = (e.params as { propertyName: string }).propertyName;
      const at: Place = {
        file: source.file,
        path: [...path, name],
        span: keySpan(source, path, name) ?? spanOf(source, path),
      };
      if (RESERVED.has(name)) return diagnostic('schema_reserved_name', { name, where, reserved: RESERVED_LIST }, at);
      // `weight: { startup: 30, 成熟期: 70 }`: the stage's title where its id belongs
      const stage = path[path.length - 1] === 'weight' ? stageTitled(value, name) : undefined;
      return stage === undefined
        ? diagnostic('schema_bad_id', { name, where }, at)
        : diagnostic('schema_bad_id.stage_title', { name, where, stage }, at);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'minLength':
    case 'maxProperties': {
      const v = valueAt(value, path);
      const got = v !== undefined && typeof v !== 'object';
      return diagnostic(
        'schema_range',
        {
          where,
          detail: `${e.message}${got ? `, got \`${shown}\`` : ''}`,
          detail_zh: `${rangeZh(e)}${got ? `，实为 \`${shown}\`` : ''}`,
        },
        place(),
      );
    }
    case 'uniqueItems': {
      const { i, j } = e.params as { i: number; j: number };
      return diagnostic(
        'schema_uniqueitems',
        {
          where,
          detail: e.message ?? 'must NOT have duplicate items',
          detail_zh: `第 ${j + 1} 项与第 ${i + 1} 项相同`,
        },
        place(),
      );
    }
    case 'not':
      if (RESERVED.has(valueAt(value, path) as string)) {
        return diagnostic(
          'schema_reserved_name',
          { name: shown, where, reserved: RESERVED_LIST },
          { file: source.file, path: [...path], span: spanOf(source, path) },
        );
      }
      return diagnostic('schema_not', { where }, place());
    case 'anyOf':
    case 'oneOf':
      return diagnostic('schema_shape', { where }, place());
    default: {
      const code = `schema_${e.keyword.toLowerCase()}`;
      const detail = e.message ?? 'is not valid';
      if (messageEntry(code)) return diagnostic(code as 'schema_const', { where, detail }, place());
      // a keyword the schema starts using later: ajv's words, from an entry that says just that,
      // under its own code until it has an entry
      return { ...diagnostic('schema_const', { where, detail }, place()), code };
    }
  }
}

/** A range keyword's bound in Chinese (ajv says it in English only): `须 ≥ 0`, `至少需要 1 项`. */
function rangeZh(e: ErrorObject): string {
  const { limit } = e.params as { limit: number };
  switch (e.keyword) {
    case 'minimum':
      return `须 ≥ ${limit}`;
    case 'maximum':
      return `须 ≤ ${limit}`;
    case 'exclusiveMinimum':
      return `须 > ${limit}`;
    case 'exclusiveMaximum':
      return `须 < ${limit}`;
    case 'minItems':
      return `至少需要 ${limit} 项`;
    case 'maxItems':
      return `最多 ${limit} 项`;
    case 'minProperties':
      return `至少需要 ${limit} 个键`;
    case 'maxProperties':
      return `最多 ${limit} 个键`;
    default:
      return `至少需要 ${limit} 个字符`;
  }
}

function descriptionOfKey(e: ErrorObject, key: string): string | undefined {
  const props = (e.parentSchema as { properties?: Record<string, { description?: string }> })?.properties;
  return props?.[key]?.description || undefined;
}

/** The id of the policy's stage whose title is `name` (width, spaces and case ignored), if one is. */
function stageTitled(value: unknown, name: string): string | undefined {
  const stages = (value as { stages?: unknown } | null)?.stages;
  if (stages === null || typeof stages !== 'object') return undefined;
  const same = (t: string) => t.normalize('NFKC').trim().toLowerCase();
  for (const [id, stage] of Object.entries(stages as Record<string, unknown>)) {
    const title = (stage as { title?: unknown } | null)?.title;
    if (typeof title === 'string' && same(title) === same(name)) return id;
  }
  return undefined;
}

function valueAt(value: unknown, path: Path): unknown {
  let v: unknown = value;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function show(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return Array.isArray(v) ? 'a list' : 'a mapping';
  return String(v);
}

/**
 * Nearest candidate by edit distance, if it is close enough to be a typo. Letter case and width do
 * not count: `ｃ` (a full-width c typed with a Chinese input method) is `c`, not a typo of `r`.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const folded = (s: string) => s.normalize('NFKC').toLowerCase();
  const w = folded(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, folded(c));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(w.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  // one row of the table: row[j] for j in 0..b.length, so every row[…] below is in range
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = i - 1; // row[0] of the row before
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The document against one definition of the schema instead of the whole policy: `rollupPolicy`
 * for a roll-up policy (a file with a top-level `rollup:`). Same diagnostics as checkSchema.
 */
export function checkSchemaDefinition(source: SourceFile, value: unknown, definition: 'rollupPolicy'): Diagnostic[] {
  // the definitions are found once the whole schema is compiled
  validatePolicy();
  const validate = ajv.getSchema(`${policySchema.$id}#/$defs/${definition}`);
  if (!validate) throw new Error(`schemas/policy.schema.json has no $defs/${definition}`);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of relevantErrors(validate.errors ?? [])) {
    const d = toDiagnostic(source, e, value);
    const key = `${d.span?.line}:${d.span?.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
