/** Colours and line widths from the editor theme's CSS variables (VS Code sets them on the page). */

export interface Theme {
    kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
    foreground: string;
    grid: string;
    fontFamily: string;
    blue: string;
    green: string;
    purple: string;
    yellow: string;
    red: string;
    /** Line colours for several series, in order. */
    series: string[];
    lineWidth: number;
}

export function readTheme(body: HTMLElement): Theme {
    const style = getComputedStyle(body);
    const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const kind = body.classList.contains('vscode-high-contrast-light')
        ? 'high-contrast-light'
        : body.classList.contains('vscode-high-contrast')
          ? 'high-contrast'
          : body.classList.contains('vscode-light')
            ? 'light'
            : 'dark';
    const highContrast = kind.startsWith('high-contrast');
    const foreground = css('--vscode-foreground', kind === 'light' ? '#333333' : '#cccccc');
    const blue = css('--vscode-charts-blue', '#3794ff');
    const green = css('--vscode-charts-green', '#89d185');
    const purple = css('--vscode-charts-purple', '#b180d7');
    const yellow = css('--vscode-charts-yellow', '#cca700');
    const red = css('--vscode-charts-red', '#f14c4c');
    const orange = css('--vscode-charts-orange', '#d18616');
    return {
        kind,
        foreground,
        grid: highContrast ? css('--vscode-contrastBorder', foreground) : css('--vscode-charts-lines', 'rgba(128,128,128,0.35)'),
        fontFamily: css('--vscode-font-family', 'sans-serif'),
        blue,
        green,
        purple,
        yellow,
        red,
        series: [blue, orange, green, purple, yellow, red, foreground],
        lineWidth: highContrast ? 3 : 2
    };
}
