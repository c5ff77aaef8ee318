// Sets a few keys of package.json without touching the others (several engineers edit the file):
// `node scripts/edit-package-json.mjs FILE.json` merges FILE's top-level keys, and its `scripts`
// object key by key. Keeps the file's formatting of two-space JSON.
import { readFileSync, writeFileSync } from 'node:fs';

const patch = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
for (const [key, value] of Object.entries(patch)) {
    if (key === 'scripts') pkg.scripts = { ...pkg.scripts, ...value };
    else pkg[key] = value;
}
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
