#!/usr/bin/env node
/**
 * The CLI's entry (out/cli.js): turns on Node's compile cache, then loads the CLI proper
 * (out/cli-main.js), so that a fresh process reuses V8's compiled code of the 1.5 MB bundle
 * instead of compiling it anew (about 20 ms of CPU a start: docs/performance.md). The cache
 * lives outside the repository, under the system's temporary folder; it holds compiled code
 * only, so output never depends on it. Node 20 has no `enableCompileCache`: nothing changes
 * there. `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const enable = (nodeModule as { enableCompileCache?: (directory?: string) => unknown }).enableCompileCache;
if (typeof enable === 'function') {
    try {
        enable(path.join(tmpdir(), 'chokepoint-compile-cache'));
    } catch {
        // A cache that cannot be written is no cache: the CLI runs as without it.
    }
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(path.join(__dirname, 'cli-main.js'));
