// Which file may import which: the engine is pure and layered, and everything outside it goes
// through its one public door. The rule is docs/architecture.md's "The import rule".

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The engine's stage folders, lowest first: a value import may point to its own folder or a lower one. */
const ENGINE_ORDER = ['model', 'language', 'data', 'explanation', 'evaluation', 'review'] as const;
const ROOTS = ['engine', 'node', 'editor', 'bench'];
const DOOR = 'engine/index.ts';

interface Import {
  specifier: string;
  /** `import type`, `export type`, `import { type A }` with only type names, or `import('x').T` in a type. */
  typeOnly: boolean;
  dynamic: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return ['.ts', '.mjs', '.svelte'].includes(extname(name)) ? [path.split('\\').join('/')] : [];
  });
}

/** The code of a file: a `.svelte` file's `<script>` blocks, joined. */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

function importsOf(file: string, text: string): Import[] {
  const kind = file.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, scriptOf(file, text), ts.ScriptTarget.Latest, false, kind);
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypeNames =
        !!clause &&
        !clause.name &&
        !!named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      found.push({
        specifier: node.moduleSpecifier.text,
        typeOnly: !!clause && (clause.isTypeOnly || onlyTypeNames),
        dynamic: false,
      });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause;
      const onlyTypeNames =
        !!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || onlyTypeNames, dynamic: false });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      found.push({
        specifier: arg && ts.isStringLiteralLike(arg) ? arg.text : '<computed>',
        typeOnly: false,
        dynamic: true,
      });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true, dynamic: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A relative specifier as a repository path: `./x.js` → `dir/x.ts`, query (`?worker`) dropped. */
function resolve(file: string, specifier: string): string {
  const path = normalize(join(dirname(file), specifier.replace(/[?#].*$/, '')))
    .split('\\')
    .join('/');
  return path.endsWith('.js') && !path.endsWith('.svelte.js') ? path.replace(/\.js$/, '.ts') : path;
}

const isBuiltin = (s: string) => s.startsWith('node:') || builtinModules.includes(s.split('/')[0]);

/** What is wrong with one import of one file, or undefined when it keeps the rule. */
function crossing(file: string, imp: Import): string | undefined {
  const inEngine = file.startsWith('engine/');
  if (imp.specifier === '<computed>') return 'an import() whose target cannot be read';
  if (inEngine && isBuiltin(imp.specifier)) return 'the engine imports no Node built-in';
  if (!imp.specifier.startsWith('.')) return undefined;
  const target = resolve(file, imp.specifier);
  if (file.startsWith('node/cli/commands/') && target === 'node/cli/main.ts')
    return 'a command does not import its caller, node/cli/main.ts';
  if (!target.startsWith('engine/')) return undefined;
  if (!inEngine)
    return target === DOOR ? undefined : `only ${DOOR} may be imported from outside the engine, types included`;
  if (imp.typeOnly) return undefined;
  if (target === DOOR) return `the engine does not import its own door ${DOOR}`;
  if (file === DOOR) return undefined;
  const rank = (path: string) => ENGINE_ORDER.indexOf(path.split('/')[1] as (typeof ENGINE_ORDER)[number]);
  const from = rank(file);
  const to = rank(target);
  if (from < 0) return `${file} is outside the engine's stage folders`;
  if (to < 0) return `${target} is outside the engine's stage folders`;
  return to > from ? `${ENGINE_ORDER[from]} may not import ${ENGINE_ORDER[to]}, a later stage` : undefined;
}

const files = ROOTS.flatMap(sources);
const report = files.flatMap((file) =>
  importsOf(file, readFileSync(file, 'utf8')).flatMap((imp) => {
    const why = crossing(file, imp);
    return why ? [{ entry: `${file} → ${imp.specifier}`, why }] : [];
  }),
);

describe('reading imports', () => {
  const read = (text: string, file = 'engine/x/a.ts') => importsOf(file, text);

  it('reads static, re-exported, dynamic and type-only imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      "import { type E, f } from './e.js';",
      "export { g } from './g.js';",
      "export type { H } from './h.js';",
      "export * from './i.js';",
      "const j = await import('./j.js');",
      "let k: import('./k.js').K;",
      "import './l.js';",
      "// import { m } from './m.js';",
      'const n = "import { n } from \'./n.js\'";',
    ].join('\n');
    expect(read(text)).toEqual([
      { specifier: './a.js', typeOnly: false, dynamic: false },
      { specifier: './b.js', typeOnly: true, dynamic: false },
      { specifier: './c.js', typeOnly: true, dynamic: false },
      { specifier: './e.js', typeOnly: false, dynamic: false },
      { specifier: './g.js', typeOnly: false, dynamic: false },
      { specifier: './h.js', typeOnly: true, dynamic: false },
      { specifier: './i.js', typeOnly: false, dynamic: false },
      { specifier: './j.js', typeOnly: false, dynamic: true },
      { specifier: './k.js', typeOnly: true, dynamic: true },
      { specifier: './l.js', typeOnly: false, dynamic: false },
    ]);
  });

  it('reads the script blocks of a Svelte component and nothing of its markup', () => {
    const text = [
      '<script module lang="ts">',
      "  import type { Policy } from '../../engine/index.js';",
      '</script>',
      '<script lang="ts">',
      "  import { evaluate } from '../../engine/evaluation/evaluate.js';",
      '</script>',
      "<p>import { x } from './x.js'</p>",
    ].join('\n');
    expect(read(text, 'editor/app/A.svelte').map((i) => [i.specifier, i.typeOnly])).toEqual([
      ['../../engine/index.js', true],
      ['../../engine/evaluation/evaluate.js', false],
    ]);
  });
});

describe('the import rule', () => {
  const value = (specifier: string): Import => ({ specifier, typeOnly: false, dynamic: false });

  it('lets a stage import its own folder and earlier ones, never a later one', () => {
    expect(crossing('engine/evaluation/run.ts', value('./score.js'))).toBeUndefined();
    expect(crossing('engine/evaluation/run.ts', value('../language/parse.js'))).toBeUndefined();
    expect(crossing('engine/evaluation/run.ts', value('../explanation/explain.js'))).toBeUndefined();
    expect(crossing('engine/language/check.ts', value('../evaluation/executor.js'))).toBe(
      'language may not import evaluation, a later stage',
    );
    expect(crossing('engine/model/money.ts', value('../review/diff.js'))).toBe(
      'model may not import review, a later stage',
    );
  });

  it('lets `import type` point anywhere inside the engine', () => {
    expect(
      crossing('engine/model/policy.ts', { specifier: '../evaluation/plan.js', typeOnly: true, dynamic: false }),
    ).toBeUndefined();
  });

  it('keeps Node built-ins out of the engine, type imports included', () => {
    expect(crossing('engine/data/file.ts', value('node:fs'))).toBe('the engine imports no Node built-in');
    expect(crossing('engine/data/file.ts', { specifier: 'path', typeOnly: true, dynamic: false })).toBe(
      'the engine imports no Node built-in',
    );
    expect(crossing('node/cli/io.ts', value('node:fs'))).toBeUndefined();
  });

  it('lets the rest of the repository reach the engine only through engine/index.ts', () => {
    expect(crossing('node/cli/main.ts', value('../../engine/index.js'))).toBeUndefined();
    expect(crossing('editor/app/preview.worker.ts', value('../../engine/review/compare.js'))).toBe(
      'only engine/index.ts may be imported from outside the engine, types included',
    );
    expect(crossing('bench/bench.ts', { specifier: '../engine/model/policy.js', typeOnly: false, dynamic: true })).toBe(
      'only engine/index.ts may be imported from outside the engine, types included',
    );
    expect(
      crossing('node/cli/main.ts', { specifier: '../../engine/model/policy.js', typeOnly: true, dynamic: false }),
    ).toBe('only engine/index.ts may be imported from outside the engine, types included');
  });

  it('keeps the CLI commands from importing their caller', () => {
    expect(crossing('node/cli/commands/run.ts', value('../main.js'))).toBe(
      'a command does not import its caller, node/cli/main.ts',
    );
    expect(crossing('node/cli/commands/run.ts', value('../io.js'))).toBeUndefined();
  });

  it('keeps the door out of the engine itself', () => {
    expect(crossing('engine/review/diff.ts', value('../index.js'))).toBe(
      'the engine does not import its own door engine/index.ts',
    );
    expect(crossing('engine/index.ts', value('./review/diff.js'))).toBeUndefined();
  });

  it('refuses an import() whose target it cannot read', () => {
    expect(crossing('node/cli/main.ts', { specifier: '<computed>', typeOnly: false, dynamic: true })).toBe(
      'an import() whose target cannot be read',
    );
  });
});

describe('the repository', () => {
  it('has files in every root to check', () => {
    expect(files).toContain(DOOR);
    expect(files).toContain('engine/evaluation/evaluate.ts');
    expect(files).toContain('node/cli/bin.mjs');
    expect(files).toContain('editor/app/App.svelte');
    expect(files).toContain('bench/bench.ts');
  });

  it('crosses no boundary', () => {
    expect(report.map((r) => `${r.entry}: ${r.why}`)).toEqual([]);
  });
});
