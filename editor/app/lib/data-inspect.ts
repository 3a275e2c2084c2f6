// What the server says of a data mapping (editor/server/data.ts): `yardstick data inspect` as data.
// Types only, shared by the server and the page's 数据 view.

import type { Diagnostic } from '../../../engine/index.js';

/** What a column of a file in the mapping means under the policy, as `data inspect` says it. */
export interface ColumnMatch {
  header: string;
  /** The name the mapping's `columns:` gives it, when it renames it. */
  as?: string;
  meaning:
    | { kind: 'field'; id: string }
    | { kind: 'metric'; id: string; label: string; unit: string }
    | { kind: 'key' }
    | { kind: 'unused' };
}

/** `yardstick data inspect MAPPING --policy P` as data, its messages in the interface's language. */
export interface MappingInspect {
  mapping: string;
  period?: string;
  /** The roster and each export it joins: rows and what each column became. */
  files: { file: string; sheet?: string; rows?: number; columns: ColumnMatch[]; problems: Diagnostic[] }[];
  /** Each event file: how it was read, and each key's aggregates with the rows behind them. */
  events: {
    file: string;
    sha256: string;
    encoding: string;
    notes: string[];
    aggregates: { key: string; employee?: string; rows: number; values: { metric: string; text: string }[] }[];
  }[];
  /** The whole reading's problems (a file refused, a key that matches nobody), with file and line or row. */
  problems: Diagnostic[];
  /** Every cell a metric's default stands in for. */
  defaults: {
    metric: string;
    label: string;
    value: number;
    employee_id: string;
    file?: string;
    row: number;
    why: string;
  }[];
  /** Records that cannot be scored, each with its reasons (file, row, column, raw value). */
  excluded: { employee_id?: string; name?: string; file?: string; row?: number; reasons: Diagnostic[] }[];
  records: number;
}
