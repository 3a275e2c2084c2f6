// The types of cli-bundle.mjs, for node/cli/stream-worker-url.ts.
export function bundleIsCurrent(): boolean;
export function currentBundle(): Promise<boolean>;
