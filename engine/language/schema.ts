// Step 2: the document against schemas/policy.schema.json, ajv errors turned into diagnostics
// that point at the YAML node each error is about.

import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import policySchema from '../../schemas/policy.schema.json' with { type: 'json' };
import type { Diagnostic } from '../model/diagnostic.js';
import { keySpan, spanOf, type Path, type SourceFile } from './parse.js';

export { policySchema };

const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
const validatePolicy = ajv.compile(policySchema);

export function checkSchema(source: SourceFile, value: unknown): Diagnostic[] {
  if (validatePolicy(value)) return [];
  const errors = relevantErrors(validatePolicy.errors ?? []);
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
  const badKeys = new Set(errors.filter((e) => e.keyword === 'propertyNames').map((e) => `${e.instancePath}\0${(e.params as { propertyName: string }).propertyName}`));
  let kept = errors.filter((e) => e.keyword !== 'if' && (e.keyword === 'propertyNames' || typeof e.data !== 'string' || !badKeys.has(`${e.instancePath}\0${e.data}`)));
  const branching = kept.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  // innermost first so nested choices are settled before their parents
  branching.sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const choice of branching) {
    if (!kept.includes(choice)) continue;
    const prefix = choice.schemaPath.replace(/\/(oneOf|anyOf)$/, `/${choice.keyword}/`);
    const branches = new Map<string, ErrorObject[]>();
    for (const e of kept) {
      if (!e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(choice.instancePath)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    if (branches.size === 0) continue;
    const lists = [...branches.values()];
    if (lists.every((l) => l.length === 1 && l[0].keyword === 'required' && l[0].instancePath === choice.instancePath)) {
      // "one of these keys is needed": report once, naming them all
      const keys = lists.map((l) => (l[0].params as { missingProperty: string }).missingProperty);
      const merged = { ...lists[0][0], params: { missingProperty: keys.join('`, `') }, message: 'one-of' };
      kept = kept.filter((e) => e !== choice && !lists.some((l) => l.includes(e)));
      kept.push(merged);
      continue;
    }
    const best = [...branches.values()].sort((a, b) => weigh(a) - weigh(b))[0];
    const drop = new Set<ErrorObject>([choice]);
    for (const list of branches.values()) if (list !== best) for (const e of list) drop.add(e);
    kept = kept.filter((e) => !drop.has(e));
  }
  return kept;
}

/** A branch that fails only on a type or missing key of its own is the likelier intent. */
function weigh(list: ErrorObject[]): number {
  return list.reduce((n, e) => n + (e.keyword === 'type' && e.instancePath.split('/').length <= 2 ? 3 : 1), 0);
}

function pathOf(instancePath: string): Path {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function dotted(path: Path): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[') : 'the policy';
}

/** Names every JavaScript object has: a policy may not use them as ids, grades or calibrated grades. */
const RESERVED = new Set<string>((policySchema.$defs.reservedName as { enum: string[] }).enum);
const RESERVED_HELP = `choose another name: ${[...RESERVED].map((n) => `\`${n}\``).join(', ')} are reserved (docs/policy-language.md, reserved names)`;

function toDiagnostic(source: SourceFile, e: ErrorObject, value: unknown): Diagnostic {
  const path = pathOf(e.instancePath);
  const where = dotted(path);
  const base = { severity: 'error' as const, file: source.file, path: [...path] };
  const description = (e.parentSchema as { description?: string } | undefined)?.description;
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      if (e.message === 'one-of') {
        return {
          ...base,
          code: 'schema_missing_key',
          message: `\`${where}\` needs at least one of \`${missing}\``,
          help: `add one of \`${missing}\``,
          span: (path.length ? keySpan(source, path.slice(0, -1), String(path[path.length - 1])) : undefined) ?? spanOf(source, path),
        };
      }
      const parentKey = path.length ? keySpan(source, path.slice(0, -1), String(path[path.length - 1])) : undefined;
      return {
        ...base,
        code: 'schema_missing_key',
        message: `\`${where}\` is missing required key \`${missing}\``,
        help: helpForKey(e, missing) ?? `add \`${missing}:\``,
        span: parentKey ?? spanOf(source, path),
      };
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const near = closest(extra, allowed);
      return {
        ...base,
        code: 'schema_unknown_key',
        message: `unknown key \`${extra}\` in \`${where}\``,
        help: near ? `did you mean \`${near}\`? allowed keys: ${allowed.join(', ')}` : `allowed keys: ${allowed.join(', ')}`,
        span: keySpan(source, path, extra) ?? spanOf(source, path),
        path: [...path, extra],
      };
    }
    case 'type':
      if (path[path.length - 1] === 'version' && typeof valueAt(value, path) === 'number') {
        return {
          ...base,
          code: 'schema_type',
          message: "`version` must be text such as `1.0.0`, not a number",
          help: 'write three numbers: `version: 1.0.0` (YAML reads `1.0` as a number)',
          span: spanOf(source, path),
        };
      }
      return {
        ...base,
        code: 'schema_type',
        message: `\`${where}\` must be ${article((e.params as { type: string }).type)}, not \`${show(valueAt(value, path))}\``,
        help: description ?? 'see docs/policy-language.md',
        span: spanOf(source, path),
      };
    case 'enum':
      return {
        ...base,
        code: 'schema_enum',
        message: `\`${where}\` must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${v}\``).join(', ')}, not \`${show(valueAt(value, path))}\``,
        help: description ?? 'pick one of the allowed values',
        span: spanOf(source, path),
      };
    case 'pattern':
      return {
        ...base,
        code: 'schema_pattern',
        message: `\`${show(valueAt(value, path))}\` is not a valid value for \`${where}\``,
        help: description ?? `it must match ${(e.params as { pattern: string }).pattern}`,
        span: spanOf(source, path),
      };
    case 'propertyNames': {
      const name = (e.params as { propertyName: string }).propertyName;
      if (RESERVED.has(name)) {
        return {
          ...base,
          code: 'schema_reserved_name',
          message: `\`${name}\` in \`${where}\` is a reserved name`,
          help: RESERVED_HELP,
          span: keySpan(source, path, name) ?? spanOf(source, path),
          path: [...path, name],
        };
      }
      return {
        ...base,
        code: 'schema_bad_id',
        message: `\`${name}\` in \`${where}\` is not a valid id`,
        help: 'ids start with a lowercase letter and use lowercase letters, digits and underscores, e.g. `follower_growth`',
        span: keySpan(source, path, name) ?? spanOf(source, path),
        path: [...path, name],
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'minLength':
      return {
        ...base,
        code: 'schema_range',
        message: `\`${where}\` ${e.message}${valueAt(value, path) !== undefined && typeof valueAt(value, path) !== 'object' ? `, got \`${show(valueAt(value, path))}\`` : ''}`,
        help: description ?? 'see docs/policy-language.md',
        span: spanOf(source, path),
      };
    case 'not':
      if (RESERVED.has(valueAt(value, path) as string)) {
        return {
          ...base,
          code: 'schema_reserved_name',
          message: `\`${show(valueAt(value, path))}\` in \`${where}\` is a reserved name`,
          help: RESERVED_HELP,
          span: spanOf(source, path),
        };
      }
      return {
        ...base,
        code: 'schema_not',
        message: `\`${where}\` is not allowed here`,
        help: description ?? 'see docs/policy-language.md',
        span: spanOf(source, path),
      };
    case 'anyOf':
    case 'oneOf':
      return {
        ...base,
        code: 'schema_shape',
        message: `\`${where}\` does not have a recognised shape`,
        help: description ?? 'see docs/policy-language.md',
        span: spanOf(source, path),
      };
    default:
      return {
        ...base,
        code: `schema_${e.keyword.toLowerCase()}`,
        message: `\`${where}\` ${e.message ?? 'is not valid'}`,
        help: description ?? 'see docs/policy-language.md',
        span: spanOf(source, path),
      };
  }
}

function helpForKey(e: ErrorObject, key: string): string | undefined {
  const props = (e.parentSchema as { properties?: Record<string, { description?: string }> })?.properties;
  const d = props?.[key]?.description;
  return d ? `add \`${key}:\` — ${d}` : undefined;
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

function article(type: string): string {
  return type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : type === 'integer' ? 'a whole number' : `a ${type}`;
}

/** Nearest candidate by edit distance, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
