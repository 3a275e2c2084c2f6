// Types of gen-validator.mjs, for the test that keeps the generated validator current.

/** The generated file, relative to the repository's root. */
export declare const GENERATED: string;
/** The text `npm run gen:validator` writes into it from schemas/policy.schema.json today. */
export declare function validatorSource(): Promise<string>;
