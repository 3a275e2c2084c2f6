// The schemas an editor uses for the files of a policies repository (schemas/*.schema.json) keep
// stable ids, and the ones for test files and data mappings list exactly the keys the code that
// reads those files knows: they are checked against the readers' key lists and TypeScript
// interfaces, so neither can change without the other.

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  CASE_KEYS,
  EXPECT_KEYS,
  RECORD_KEYS,
  SAMPLE_KEYS,
  TEST_FILE_KEYS,
  readCaseList,
} from '../../node/cli/commands/test.js';
import { readMappingFile } from '../../node/cli/mapping.js';
import {
  ROLLUP_CASE_KEYS,
  ROLLUP_EXPECT_KEYS,
  ROLLUP_MONTH_KEYS,
  ROLLUP_SAMPLE_KEYS,
} from '../../node/cli/rollup-tests.js';
import { AGGREGATES, OPS } from '../../node/cli/events/spec.js';
import { loadPolicy } from '../../engine/index.js';

type Schema = {
  $id?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
};
const schema = (name: string): Schema => JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8'));
const keys = (s: Schema | undefined) => Object.keys(s?.properties ?? {}).sort();
const sorted = (l: readonly string[]) => [...l].sort();
const ajv = new Ajv2020({ allErrors: true, strict: false });

describe('schema ids', () => {
  it('are stable URNs an editor and another schema can refer to', () => {
    expect(schema('policy').$id).toBe('urn:yardstick:schema:policy');
    expect(schema('policy-test').$id).toBe('urn:yardstick:schema:policy-test');
    expect(schema('data-mapping').$id).toBe('urn:yardstick:schema:data-mapping');
  });
});

describe('the policy-test schema and the test file reader', () => {
  const s = schema('policy-test');
  // a case of a monthly policy; the second branch is a roll-up policy's case (checked on annual-review.test.yaml)
  const item = s.properties!.cases!.items!.anyOf![0]!;
  it('list the same keys at every level', () => {
    expect(keys(s)).toEqual(sorted(TEST_FILE_KEYS));
    expect(keys(item)).toEqual(sorted(CASE_KEYS));
    expect(keys(item.properties!.record)).toEqual(sorted(RECORD_KEYS));
    expect(keys(item.properties!.sample)).toEqual(sorted(SAMPLE_KEYS));
    expect(keys(item.properties!.expect)).toEqual(sorted(EXPECT_KEYS));
  });
  it('list the same keys as the roll-up reader, at every level of a roll-up case', () => {
    const rollup = s.properties!.cases!.items!.anyOf![1]!;
    expect(keys(rollup)).toEqual(sorted(ROLLUP_CASE_KEYS));
    expect(keys(rollup.properties!.months!.items)).toEqual(sorted(ROLLUP_MONTH_KEYS));
    expect(keys(rollup.properties!.sample)).toEqual(sorted(ROLLUP_SAMPLE_KEYS));
    expect(keys(rollup.properties!.expect!.additionalProperties as Schema)).toEqual(sorted(ROLLUP_EXPECT_KEYS));
  });

  const testFiles = [
    ...readdirSync('policies')
      .filter((f) => f.endsWith('.test.yaml'))
      .map((f) => `policies/${f}`),
    ...readdirSync('scaffold/tests').map((f) => `scaffold/tests/${f}`),
  ];
  it.each(testFiles)('%s is valid under the schema', (file) => {
    const validate = ajv.compile(s);
    expect(validate(parse(readFileSync(file, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuse the same misspelt key: `expects:` in a case, `grades:` in an expectation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-schema-'));
    const file = join(dir, 'p.test.yaml');
    const text =
      'cases:\n' +
      '  - name: 拼错\n    record: { role: staff }\n    expects: { grade: A }\n' +
      '  - name: 也拼错\n    record: { role: staff }\n    expect: { grades: A }\n';
    writeFileSync(file, text);
    expect(ajv.validate(s, parse(text))).toBe(false);
    const read = readCaseList(file, { metrics: {} } as never);
    expect(read.map((c) => (c.ok ? 'ok' : c.problem.message))).toEqual([
      `${file}:4:5: \`expects\` is not a key of a test case; the keys are \`name\`, \`record\`, \`sample\`, \`history\`, \`expect\``,
      `${file}:7:15: \`grades\` is not a key of a case’s \`expect:\`; the keys are \`score\`, \`grade\`, \`tier\`, \`payout\`, \`status\`, \`holds\`, \`triggers\``,
    ]);
  });
});

/** The properties of an interface of a source file, and for each its string literal values if it is a union of them. */
function interfaces(file: string): Map<string, Map<string, { literals?: string[]; type: ts.Type }>> & {
  checker: ts.TypeChecker;
} {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const out = new Map<string, Map<string, { literals?: string[]; type: ts.Type }>>() as ReturnType<typeof interfaces>;
  out.checker = checker;
  const source = program.getSourceFile(file)!;
  ts.forEachChild(source, (node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    out.set(node.name.text, members(checker, checker.getTypeAtLocation(node)));
  });
  return out;
}

function members(checker: ts.TypeChecker, type: ts.Type): Map<string, { literals?: string[]; type: ts.Type }> {
  const props = new Map<string, { literals?: string[]; type: ts.Type }>();
  for (const p of checker.getPropertiesOfType(type)) {
    const t = checker.getNonNullableType(checker.getTypeOfSymbol(p));
    const parts = t.isUnion() ? t.types : [t];
    const literals = parts.every((x) => x.isStringLiteral())
      ? parts.map((x) => (x as ts.StringLiteralType).value).sort()
      : undefined;
    props.set(p.name, { type: t, ...(literals ? { literals } : {}) });
  }
  return props;
}

describe('the data-mapping schema and the mapping reader', () => {
  const s = schema('data-mapping');
  const mapping = interfaces('node/cli/mapping.ts');
  const events = interfaces('node/cli/events/spec.ts');
  const source = s.properties!.sources!.items!;
  const event = s.properties!.events!.items!;
  const metric = event.properties!.metrics!.additionalProperties as Schema;
  const condition = metric.properties!.where!.oneOf![0]!;

  /** The keys of a TypeScript interface and, for those whose type is a union of strings, the same values in the schema. */
  const same = (schemaPart: Schema, props: Map<string, { literals?: string[] }>) => {
    expect(keys(schemaPart)).toEqual([...props.keys()].sort());
    for (const [name, p] of props)
      if (p.literals) expect(sorted((schemaPart.properties![name]!.enum ?? []) as string[]), name).toEqual(p.literals);
  };

  it('list the keys of MappingFile, MappingSource, EventSource, EventMetric and Condition, with their values', () => {
    same(s, mapping.get('MappingFile')!);
    same(source, mapping.get('MappingSource')!);
    same(event, events.get('EventSource')!);
    same(metric, events.get('EventMetric')!);
    expect(keys(condition)).toEqual([...events.get('Condition')!.keys()].sort());
    expect(sorted(metric.properties!.agg!.enum as string[])).toEqual(sorted(AGGREGATES));
    expect(sorted(condition.properties!.op!.enum as string[])).toEqual(sorted(OPS));
  });

  it("list a column's options as the mapping's `columns:` type declares them", () => {
    const columns = mapping.get('MappingSource')!.get('columns')!.type;
    const value = mapping.checker.getIndexInfosOfType(columns)[0]!.type;
    const object = (value.isUnion() ? value.types : [value]).find((t) => (t.flags & ts.TypeFlags.Object) !== 0)!;
    const spec = (source.properties!.columns!.additionalProperties as Schema).oneOf![1]!;
    same(spec, members(mapping.checker, object));
  });

  it('roster is a source without a join, columns or missing rows', () => {
    expect(keys(s.properties!.roster)).toEqual(['encoding', 'file', 'sheet']);
  });

  const examples = [
    'examples/exports-2026-10/month.data.yaml',
    'examples/events-2026-10/month.data.yaml',
    'examples/events-2026-10/livestream.data.yaml',
    'examples/events-2026-10/explore.data.yaml',
  ];
  it.each(examples)('%s is read by the code and valid under the schema', (file) => {
    expect(readMappingFile(file).ok).toBe(true);
    const validate = ajv.compile(s);
    expect(validate(parse(readFileSync(file, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuse the same wrong value: `missing_rows: maybe`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-schema-'));
    const file = join(dir, 'm.data.yaml');
    const text = 'roster: { file: r.csv }\nsources:\n  - file: a.csv\n    missing_rows: maybe\n';
    writeFileSync(file, text);
    expect(readMappingFile(file).ok).toBe(false);
    expect(ajv.validate(s, parse(text))).toBe(false);
  });
});

describe('the policy schema', () => {
  it('has the stable id and still validates the bundled policies through the engine', () => {
    const r = loadPolicy(readFileSync('policies/short-video-team.yaml', 'utf8'), 'policies/short-video-team.yaml');
    expect(r.ok).toBe(true);
  });
});
