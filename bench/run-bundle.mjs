// The CLI as an installed package runs it: the bundle `npm run build:cli` writes (dist/cli/main.mjs),
// without tsx, from a checkout. For timing that path:
//
//   npm run build:cli && node bench/run-bundle.mjs run policies/short-video-team.yaml --data FILE --format csv --out OUT --workers 2
import { main } from '../dist/cli/main.mjs';

process.exitCode = await main(process.argv.slice(2));
