// Preloaded into the server (`--import`) by `scripts/bench-export.ts --v8-flags ...`: V8 flags that NODE_OPTIONS
// refuses (--heap-growing-percent, --no-allocation-site-pretenuring...), set before the server allocates much.
import { setFlagsFromString } from 'node:v8';

const flags = process.env.FUNDSIGHT_BENCH_V8_FLAGS;
if (flags) setFlagsFromString(flags);
