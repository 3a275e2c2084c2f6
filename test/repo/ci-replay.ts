// Replays the steps of a GitHub Actions workflow (docs/ci/policy-review.yml) in a local repository,
// as the runner would: the job's env with its `${{ … }}` expressions filled in, each `run:` in
// `bash -eo pipefail`, `continue-on-error`, `if: steps.ID.outcome == '…'` and the default
// "only after success". `uses:` steps (checkout, setup-node) are the repository as it is; commands
// the test provides otherwise (`npm ci`) are replaced.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  'continue-on-error'?: boolean;
}

export interface StepResult {
  step: string;
  outcome: 'success' | 'failure' | 'skipped';
  stdout: string;
  stderr: string;
}

export interface Replay {
  steps: StepResult[];
  /** The job's result: failure when a step failed without continue-on-error. */
  job: 'success' | 'failure';
}

export function replay(
  workflow: string,
  cwd: string,
  o: { context: Record<string, string>; env: NodeJS.ProcessEnv; replace?: Record<string, string> },
): Replay {
  const doc = parse(readFileSync(workflow, 'utf8')) as {
    jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
  };
  const [job] = Object.values(doc.jobs);
  const fill = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      if (!(expr in o.context)) throw new Error(`no value for \${{ ${expr} }} in the replay's context`);
      return o.context[expr]!;
    });
  const env = {
    ...o.env,
    ...Object.fromEntries(Object.entries(job!.env ?? {}).map(([k, v]) => [k, fill(String(v))])),
  };
  const outcomes = new Map<string, string>();
  const steps: StepResult[] = [];
  let failed = false;
  for (const step of job!.steps) {
    const label = step.name ?? step.id ?? step.uses ?? step.run!.split('\n')[0]!;
    let run = true;
    if (step.if !== undefined) {
      const m = /^steps\.([\w-]+)\.outcome == '(\w+)'$/.exec(step.if.trim());
      if (!m) throw new Error(`the replay does not read \`if: ${step.if}\``);
      run = !failed && outcomes.get(m[1]!) === m[2];
    } else run = !failed;
    if (!run || step.uses) {
      steps.push({ step: label, outcome: step.uses && run ? 'success' : 'skipped', stdout: '', stderr: '' });
      continue;
    }
    const script = o.replace?.[step.run!.trim()] ?? fill(step.run!);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      cwd,
      env,
      encoding: 'utf8',
    });
    const outcome = r.status === 0 ? 'success' : 'failure';
    if (step.id) outcomes.set(step.id, outcome);
    if (outcome === 'failure' && !step['continue-on-error']) failed = true;
    steps.push({ step: label, outcome, stdout: r.stdout, stderr: r.stderr });
  }
  return { steps, job: failed ? 'failure' : 'success' };
}
