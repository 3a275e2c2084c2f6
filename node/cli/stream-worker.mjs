// A worker thread of `yardstick run --workers N`: loads the TypeScript worker through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./stream-worker.ts', import.meta.url);
