import { describe, expect, test } from 'vitest';
import { chartPage, contentSecurityPolicy, newNonce } from '../../../client/src/chart/html.js';

describe('chart page', () => {
    const page = chartPage({
        cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
        scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/chart.js',
        title: 'Chart: <a>.choke',
        nonce: 'N0nce'
    });

    test('scripts run only with the nonce; nothing is loaded from the network', () => {
        const csp = contentSecurityPolicy('vscode-src', 'N0nce');
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'nonce-N0nce'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
        expect(csp).not.toMatch(/https?:\/\/(?!file\+)/);
        expect(page).toContain('<script nonce="N0nce" src="https://file+.vscode-resource.vscode-cdn.net/ext/out/chart.js"></script>');
        expect(page).toContain('<style nonce="N0nce">');
        expect(page.match(/<script/g)).toHaveLength(1);
    });

    test('the title is escaped, and colours come from the theme', () => {
        expect(page).toContain('Chart: &#60;a&#62;.choke');
        expect(page).toContain('var(--vscode-foreground)');
        expect(page).toContain('vscode-high-contrast');
    });

    test('nonces differ and are long enough', () => {
        const a = newNonce();
        expect(a).not.toBe(newNonce());
        expect(a.length).toBeGreaterThanOrEqual(24);
    });
});
