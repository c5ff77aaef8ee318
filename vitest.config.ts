import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    plugins: [
        {
            // Same as esbuild's text loader: `import text from './x.choke'` yields the file's text.
            name: 'choke-text',
            transform(_code: string, id: string) {
                if (id.endsWith('.choke')) {
                    return { code: `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`, map: null };
                }
                return undefined;
            }
        }
    ],
    test: {
        include: ['test/**/*.test.ts'],
        testTimeout: 30000,
        pool: 'forks'
    }
});
