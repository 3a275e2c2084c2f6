// Types of policy-validator.generated.js (scripts/gen-validator.mjs): ajv's validating functions,
// each setting its `errors` after a call as a compiled ajv function does.
import type { ErrorObject } from 'ajv/dist/2020.js';

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const validatePolicy: GeneratedValidator;
export declare const validateRollupPolicy: GeneratedValidator;
