// The URIs the editor registers the policy schema under with monaco-yaml: the schema's own `$id`
// (schemas/policy.schema.json), so the editor, `yardstick schema` and any other editor that maps
// the schema by its id agree on which schema a policy file is checked against. A roll-up policy is
// checked against `$defs/rollupPolicy` of the same file, served as a schema of its own: it gets the
// policy id with `:rollup` (a URN's name may hold colons), never a made-up host name.

import policySchema from '../../../schemas/policy.schema.json' with { type: 'json' };

export const POLICY_SCHEMA_URI: string = policySchema.$id;
export const ROLLUP_SCHEMA_URI = `${policySchema.$id}:rollup`;

/** The schema URI for a month's policy or a roll-up policy. */
export function schemaUri(kind: 'monthly' | 'rollup'): string {
  return kind === 'rollup' ? ROLLUP_SCHEMA_URI : POLICY_SCHEMA_URI;
}
