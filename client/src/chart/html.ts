/**
 * The chart webview's page: a strict Content-Security-Policy (no inline script without the
 * nonce, nothing from the network), the locally bundled script, and styles taken from the
 * editor's theme variables so light, dark and high-contrast themes all read well.
 */
import { randomBytes } from 'node:crypto';
import { OVERLAYS } from './overlay.js';

export interface ChartPageOptions {
    /** `webview.cspSource`. */
    cspSource: string;
    /** `webview.asWebviewUri(out/chart.js)`. */
    scriptUri: string;
    title: string;
    nonce?: string;
}

export function newNonce(): string {
    return randomBytes(18).toString('base64url');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `img-src ${cspSource} data:`,
        `font-src ${cspSource}`
    ].join('; ');
}

export function chartPage(options: ChartPageOptions): string {
    const nonce = options.nonce ?? newNonce();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
<header>
  <h1 id="title">${escapeHtml(options.title)}</h1>
  <div class="controls">
    <label>Scenario <select id="scenario" aria-label="Scenario"></select></label>
    <label>Consumers <select id="focus" aria-label="Consumers"></select></label>
  </div>
  <p id="summary" role="status"></p>
  <p id="notice" class="notice" hidden></p>
</header>
<main id="charts">
  <section><h2>Need and how it was met <span class="unit">t per period</span></h2><div class="frame"><canvas id="supply" role="img"></canvas></div></section>
  <section><h2>Reserve stocks <span class="unit">t, end of period</span></h2><div class="frame"><canvas id="reserves" role="img"></canvas></div></section>
  <section><h2>Share from the top origin <span class="unit">% of arrivals</span></h2><div class="frame"><canvas id="share" role="img"></canvas></div></section>
${OVERLAYS.map(id => `  <section hidden><h2><span id="overlay-${id}-title"></span> <span class="unit" id="overlay-${id}-unit"></span></h2><div class="frame"><canvas id="overlay-${id}" role="img"></canvas></div></section>\n`).join('')}  <section><h2>Budget frontier <span class="unit" id="frontier-unit">expected loss by cost of the best portfolio</span></h2><div class="frame"><canvas id="frontier" role="img"></canvas></div></section>
</main>
<p id="empty" class="notice" hidden></p>
<script nonce="${nonce}" src="${options.scriptUri}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

const STYLES = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 12px 0 8px; }
h2 { font-size: 1em; font-weight: 600; margin: 16px 0 4px; }
.unit { font-weight: normal; color: var(--vscode-descriptionForeground); margin-left: 6px; }
.controls { display: flex; flex-wrap: wrap; gap: 12px; }
label { color: var(--vscode-descriptionForeground); }
select { font: inherit; color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background);
  border: 1px solid var(--vscode-dropdown-border, transparent); padding: 2px 4px; margin-left: 4px; }
select:focus { outline: 1px solid var(--vscode-focusBorder); }
#summary { margin: 8px 0; }
.notice { padding: 6px 10px; border-left: 3px solid var(--vscode-editorWarning-foreground);
  background: var(--vscode-textBlockQuote-background); }
.frame { position: relative; height: 240px; }
section.focused .frame { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }
body.vscode-high-contrast .frame, body.vscode-high-contrast-light .frame { border: 1px solid var(--vscode-contrastBorder); }
`;
