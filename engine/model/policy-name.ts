// What a policy file may be called. The editor's server refuses any other name and the editor
// offers only names that pass: one rule, imported by both.

const POLICY_FILE = /^[a-z0-9][a-z0-9-]{0,80}\.yaml$/;

export const POLICY_NAME_HELP = 'a policy name is lowercase letters, digits and hyphens, ending in .yaml';

/** Lowercase letters, digits and hyphens (not first), at most 81 of them, then `.yaml`. */
export function isPolicyName(name: string): boolean {
  return POLICY_FILE.test(name);
}

/** The file name for what someone typed as a new policy's name (`team-b` or `team-b.yaml`); undefined when it cannot be one. */
export function policyFileName(typed: string): string | undefined {
  const trimmed = typed.trim();
  const name = trimmed.endsWith('.yaml') ? trimmed : `${trimmed}.yaml`;
  return isPolicyName(name) ? name : undefined;
}

/** The policy id a file of this name carries in its `policy:` key: the name without `.yaml`. */
export function policyIdOf(fileName: string): string {
  return fileName.replace(/\.yaml$/, '');
}
