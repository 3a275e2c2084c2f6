// Where Yardstick's own files are (schemas, templates, the scaffold of `init`): the package root,
// two folders up from this module — node/cli/ in a checkout, dist/cli/ in the bundle an installed
// package runs (scripts/build-cli.mjs), so the path holds for both.

import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
