// What the readers of a policy's test file (`*.test.yaml`) share: where a value or a key is
// written (file:line:col, for the message about it), and the refusal of a key a level does not
// hold. The monthly reader is commands/test.ts; the roll-up reader rollup-tests.ts.

import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { diagnostic } from '../../engine/index.js';

export type YamlPath = readonly (string | number)[];

export const WHERE = {
  file: { en: 'a test file', zh: '测试文件' },
  case: { en: 'a test case', zh: '测试用例' },
  record: { en: 'a case’s `record:`', zh: '用例的 `record:`' },
  sample: { en: 'a case’s `sample:`', zh: '用例的 `sample:`' },
  expect: { en: 'a case’s `expect:`', zh: '用例的 `expect:`' },
  month: { en: 'a month of a case’s `months:`', zh: '用例 `months:` 中的一个月' },
  employee: { en: 'an employee’s expectation under `expect:`', zh: '`expect:` 中一个人的期望' },
} as const;

/** The node at `path` and the key it is written under; a map's key matched as text (`1001:` is the id `1001`). */
function nodeAt(doc: Document, path: YamlPath): { node?: Node; key?: Node } {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return {};
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      key = undefined;
    } else return {};
  }
  return { node: (node ?? undefined) as Node | undefined, key };
}

/** Where a test file's values are: `file:line:col` of the value at a path (or of its key), the file alone when it is not written. */
export function placesIn(doc: Document, lines: LineCounter, shown: string) {
  const place = (n: Node | undefined) => {
    if (!n?.range) return shown;
    const p = lines.linePos(n.range[0]);
    return `${shown}:${p.line}:${p.col}`;
  };
  return {
    /** The value at `path`. */
    at: (path: YamlPath) => place(nodeAt(doc, path).node),
    /** The key the value at `path` is written under (a key no level holds is said where it is written). */
    keyAt: (path: YamlPath) => {
      const found = nodeAt(doc, path);
      return place(found.key ?? found.node);
    },
    /** A scalar as the file writes it (`1e400`, `2026.0`), not as YAML reads it. */
    written: (path: YamlPath): string | undefined => {
      const n = nodeAt(doc, path).node as { source?: unknown } | undefined;
      return typeof n?.source === 'string' ? n.source : undefined;
    },
  };
}

/**
 * The first key of `value` that is not one of `keys`, as a diagnostic at that key (`place` gives
 * `file:line:col` of a key under the value); nothing when `value` is not a mapping.
 */
export function unknownKey(
  value: unknown,
  keys: readonly string[],
  where: keyof typeof WHERE,
  place: (key: string) => string,
  file: string,
) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const key = Object.keys(value).find((k) => !keys.includes(k));
  if (key === undefined) return undefined;
  return diagnostic(
    'cli_tests_unknown_key',
    {
      file: place(key),
      key,
      where: WHERE[where].en,
      where_zh: WHERE[where].zh,
      allowed: keys.map((k) => `\`${k}\``).join(', '),
    },
    { file },
  );
}
