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
