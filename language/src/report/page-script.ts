/**
 * The report page's script: Chart.js and the drawing code, bundled by esbuild.mjs. The built
 * CLI carries it as text (a define); run from source (tests), it is read from out/.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

declare const __CHOKEPOINT_REPORT_SCRIPT__: string | undefined;

export function reportPageScript(): string {
    if (typeof __CHOKEPOINT_REPORT_SCRIPT__ === 'string') return __CHOKEPOINT_REPORT_SCRIPT__;
    const built = path.resolve(__dirname, '../../../out/report-page.js');
    try {
        return readFileSync(built, 'utf8');
    } catch {
        throw new Error(`the report's page script is not built (${built}); run npm run build`);
    }
}
