// One employee's month of data as the engine consumes it, after the data layer has read a file,
// matched its columns to the policy's metrics and parsed every cell.

export interface EmployeeRecord {
  employee_id: string;
  name: string;
  /** Role id as declared in the policy (the data layer maps role titles to ids). */
  role: string;
  team: string;
  /** Stage id as declared in the policy (the data layer maps stage titles to ids). */
  stage: string;
  period: string;
  /** Overrides the role's pay_base when present. */
  pay_base?: number;
  /** Metric id → value; a metric absent here is missing (its default applies, if declared). */
  metrics: Record<string, number>;
  /** Where the record came from, for messages. */
  source?: { file?: string; row?: number };
}

/**
 * A record's metric values in the order of its contract's metrics (`order`, the policy's `metrics`
 * object the data layer read the file against), NaN for an absent one (the data layer never reads a
 * NaN): the evaluation copies them into its facts by position, without walking the `metrics`
 * object's keys. It is used only while the record's `metrics` is the object it was made with, and
 * for a policy whose `metrics` is `order`; the `metrics` object is not changed after it is read.
 */
export interface MetricValues {
  readonly metrics: Record<string, number>;
  readonly order: object;
  readonly values: readonly number[];
}

/**
 * A record as the data layer reads it: the fields of `EmployeeRecord` in that order, and its metric
 * values by position in a private field, which JSON, `Object.keys`, a copy (`{ ...record }`), a
 * comparison of records and a worker's copy do not see. A record built any other way (tests, the
 * editor, a copy) has none and is read by its keys.
 */
export class ReadRecord implements EmployeeRecord {
  declare employee_id: string;
  declare name: string;
  declare role: string;
  declare team: string;
  declare stage: string;
  declare period: string;
  declare pay_base?: number;
  declare metrics: Record<string, number>;
  declare source?: { file?: string; row?: number };
  readonly #values: readonly number[];
  readonly #order: object;
  readonly #metrics: Record<string, number>;

  /** Each field as an argument (no object made to pass them): `values` in the order of `order`. */
  constructor(
    employee_id: string,
    name: string,
    role: string,
    team: string,
    stage: string,
    period: string,
    payBase: number | undefined,
    metrics: Record<string, number>,
    source: { file?: string; row?: number },
    values: readonly number[],
    order: object,
  ) {
    this.#values = values;
    this.#order = order;
    this.#metrics = metrics;
    this.employee_id = employee_id;
    this.name = name;
    this.role = role;
    this.team = team;
    this.stage = stage;
    this.period = period;
    if (payBase !== undefined) this.pay_base = payBase;
    this.metrics = metrics;
    this.source = source;
  }

  /** The metric values by position of a record the data layer read; none for any other record. */
  static valuesOf(record: EmployeeRecord): MetricValues | undefined {
    if (!(#values in record)) return undefined;
    const r = record as ReadRecord;
    return { metrics: r.#metrics, order: r.#order, values: r.#values };
  }

  /**
   * The values by position when `record` is one the data layer read against `order` and its
   * `metrics` is still the object they were read with; otherwise none (read it by its keys).
   */
  static valuesFor(record: EmployeeRecord, order: object): readonly number[] | undefined {
    if (!(#values in record)) return undefined;
    const r = record as ReadRecord;
    return r.#order === order && r.#metrics === r.metrics ? r.#values : undefined;
  }
}

/** A record the run did not score, and why. */
export interface ExcludedRecord {
  employee_id?: string;
  name?: string;
  file?: string;
  row?: number;
  reasons: import('./diagnostic.js').Diagnostic[];
}

/** A record the engine could not score (`evaluateRecord` said why), as a run lists it. */
export function excludedRecord(
  record: EmployeeRecord,
  reasons: import('./diagnostic.js').Diagnostic[],
): ExcludedRecord {
  return {
    employee_id: record.employee_id,
    name: record.name,
    file: record.source?.file,
    row: record.source?.row,
    reasons,
  };
}
