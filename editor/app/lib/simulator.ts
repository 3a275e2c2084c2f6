// The simulator on the page: the expected values offered for confirmation, the case built from
// only the confirmed ones, and the calls that read the test file's state and append the case
// (editor/server/simulator.ts). The engine work happens in the worker (simulator-engine.ts).

import type { Diagnostic, EmployeeRecord, Lang } from '../../../engine/index.js';
import { request } from './api.js';
import type { PreviewClient, SimulatorRequest } from './preview.js';
import type { PreviewReply } from '../preview.worker.js';
import type { confirmedCase } from './simulator-case.js';
import type { SimInput, SimOutcome, SimShape } from './simulator-engine.js';

export { confirmedCase, offered, readHistory, type Offered } from './simulator-case.js';

/** What the simulator asks the preview worker, always about the policy text as edited now. */
export interface SimulatorClient {
  /** The role's fields as `stage` reads them (what counts there), the roles and the stages. */
  shape(role: string, stage?: string): Promise<SimShape | { problems: string[] }>;
  record(from: {
    employee_id?: string;
    record?: EmployeeRecord;
  }): Promise<{ input: SimInput | null; record: EmployeeRecord | null }>;
  simulate(input: SimInput): Promise<SimOutcome>;
}

export function simulatorClient(preview: PreviewClient, text: () => string, lang: () => Lang): SimulatorClient {
  const ask = async <T extends PreviewReply['type']>(request: SimulatorRequest, type: T) => {
    const reply = await preview.simulator(request);
    if (reply.type !== type) throw new Error(`internal: the worker answered ${reply.type} to ${request.type}`);
    return reply as Extract<PreviewReply, { type: T }>;
  };
  return {
    shape: async (role, stage) => (await ask({ type: 'sim-shape', policy: text(), role, stage }, 'sim-shape')).shape,
    record: async (from) => {
      const r = await ask({ type: 'sim-record', policy: text(), ...from }, 'sim-record');
      return { input: r.input, record: r.record };
    },
    simulate: async (input) =>
      (await ask({ type: 'simulate', policy: text(), input, lang: lang() }, 'simulated')).outcome,
  };
}

/** A problem's key for its counterexample: the same finding keeps its key across copies of the diagnostic. */
export const findingKey = (d: Diagnostic) => `${d.code}|${d.span?.line ?? ''}:${d.span?.column ?? ''}|${d.message}`;

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await (await request(path, init)).json().catch(() => ({}))) as T;
}

export interface TestFileState {
  file: string;
  exists: boolean;
  etag: string | null;
}

export const simulatorApi = {
  /** The policy's test file: whether it exists, and its ETag to save against. */
  tests: (policy: string) => call<TestFileState>(`/api/simulator/${encodeURIComponent(policy)}/tests`),
  /** Appends the case; refused (409) when the file changed since `etag` was read, or has the case's name. */
  save: (policy: string, etag: string | null, kase: ReturnType<typeof confirmedCase>) =>
    call<{ file: string; etag: string }>(`/api/simulator/${encodeURIComponent(policy)}/tests`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(etag === null ? { 'if-none-match': '*' } : { 'if-match': etag }),
      },
      body: JSON.stringify({ case: kase }),
    }),
};
