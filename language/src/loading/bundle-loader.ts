#!/usr/bin/env node
/**
 * The entry of the CLI (out/cli.js) and of the language server (out/server.js): loads the bundle
 * proper beside it (out/cli-main.js, out/server-main.js) through V8's code cache, so that a fresh
 * process reuses the machine code of its last run instead of compiling a bundle of 1-2 MB anew
 * (about 40 ms a start on Node 20, 25 ms on Node 22: docs/performance.md, "Code cache"). One
 * source, built under both names: the bundle to load is this file's own name plus `-main`.
 *
 * Node 22's `module.enableCompileCache` does the same, but Node 20 (these machines' `node`) has no
 * such thing, hence `vm.Script` and its `cachedData`, which both have. The cache lives outside the
 * repository, under the system's temporary folder, one file per bundle content and Node version
 * (a rebuilt bundle or another Node never reads an old one; V8 refuses a cache of other flags).
 * It holds compiled code only, so output never depends on it. Written once, at the first exit
 * without a usable one, after the run: it then holds the functions that run compiled too.
 * Written to a temporary name and renamed, so a process never reads half a file; the caches of
 * the bundle's earlier builds are deleted then.
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off (Node's own switch for its cache).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';

const bundle = path.join(__dirname, `${path.basename(__filename, '.js')}-main.js`);
const source = readFileSync(bundle, 'utf8');
const cached = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFileOf(bundle, source);
const cachedData = cached ? readCache(cached) : undefined;
const script = new Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
if (cached && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(cached, script));

const main = new Module(bundle, module);
main.filename = bundle;
main.loaded = true;
// The bundles require only Node's own modules (test/cli/bundle-loader.test.ts checks), which this require resolves.
(script.runInThisContext() as (...args: unknown[]) => void).call(main.exports, main.exports, require, main, bundle, path.dirname(bundle));

function cacheFileOf(file: string, text: string): string {
    const key = createHash('sha1').update(process.version).update(process.arch).update(text).digest('hex').slice(0, 16);
    return path.join(tmpdir(), 'chokepoint-compile-cache', `${path.basename(file, '.js')}-${key}.bin`);
}

function readCache(file: string): Buffer | undefined {
    try {
        return readFileSync(file);
    } catch {
        return undefined;
    }
}

function writeCache(file: string, compiled: Script): void {
    try {
        mkdirSync(path.dirname(file), { recursive: true });
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, compiled.createCachedData());
        renameSync(partial, file);
        // Caches of the bundle's earlier builds are never read again.
        const prefix = `${path.basename(file).replace(/-[0-9a-f]+\.bin$/, '')}-`;
        for (const other of readdirSync(path.dirname(file))) {
            if (other.startsWith(prefix) && other.endsWith('.bin') && other !== path.basename(file))
                rmSync(path.join(path.dirname(file), other), { force: true });
        }
    } catch {
        // A cache that cannot be written is no cache: the next start compiles, as this one did.
    }
}
