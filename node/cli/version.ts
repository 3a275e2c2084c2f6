// The version of yardstick: package.json's, printed by `--version` and stored with every recorded
// run and statement as the engine version.

import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  const pkg = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}
