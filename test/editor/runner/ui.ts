/**
 * What a person sees in code-server, checked in Chromium through Playwright: colours, the
 * lens text, the hover widget, the suggest widget, error squiggles, the status bar, the
 * chart's canvases inside its webview, a lens click, and the chart coming back after a
 * reload. Each check saves a screenshot under test-results/editor/.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { EditorFixture } from '../suite/fixture.js';
import type { Check } from '../suite/harness.js';
import { assert, assertIncludes } from '../suite/harness.js';

const EDITOR = '.monaco-editor[data-uri$=".choke"]';

// Evaluated in the page (the project's TypeScript has no DOM library).
declare const document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
declare function getComputedStyle(element: unknown): { color: string };

export interface EditorControl {
    /** Sets `workbench.colorTheme` in the user settings file. */
    setColorTheme(theme: string): Promise<void>;
}

export function uiChecks(page: Page, fixture: EditorFixture, screenshots: string, _control: EditorControl): Check[] {
    const shot = (name: string) => page.screenshot({ path: `${screenshots}/${name}.png` });
    const editor = () => page.locator(EDITOR).first();
    const lensTexts = async () => (await page.locator(`${EDITOR} .codelens-decoration`).allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
    const chartFrame = (): FrameLocator => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    /** Puts the cursor right after the first occurrence of `text` (Find, then Escape keeps the match selected). */
    const cursorAfter = async (text: string) => {
        await editor().locator('.view-lines').click();
        await page.keyboard.press('Control+Home');
        await page.keyboard.press('Control+F');
        const find = page.locator('.find-widget textarea, .find-widget input').first();
        // Typing selects the first match after the cursor (Enter would go on to the next one).
        await find.fill(text);
        await page.waitForTimeout(300);
        await page.keyboard.press('Escape');
        await page.keyboard.press('ArrowRight');
    };
    const runCommand = async (title: string) => {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${title}`);
        // Click the command's own row: Enter would run whichever row is first (fuzzy matches, recently used).
        const row = page
            .locator('.quick-input-list .monaco-list-row')
            .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title}$`) }) })
            .first();
        await row.click();
    };
    const openFile = async (name: string) => {
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(name);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator(`.tab :text("${name}")`).first().waitFor();
        await editor().locator('.view-lines').waitFor();
    };
    const tokenColor = async (locator: Locator) => locator.evaluate(el => getComputedStyle(el).color);

    return [
        {
            name: 'the example opens with colours',
            timeoutMs: 60_000,
            run: async () => {
                await openFile(fixture.file);
                const lines = editor().locator('.view-lines');
                const keyword = lines.locator('span > span', { hasText: /^consumer$/ }).first();
                const comment = lines.locator('span > span', { hasText: /^\/\// }).first();
                const number = lines.locator('span > span', { hasText: /^\d+$/ }).first();
                await keyword.waitFor();
                const colours = new Set([await tokenColor(keyword), await tokenColor(comment), await tokenColor(number)]);
                await shot('colours');
                assert(colours.size === 3, `keyword, comment and number share colours: ${[...colours].join(', ')}`);
            }
        },
        {
            name: 'lenses show the numbers in the editor',
            timeoutMs: 60_000,
            run: async () => {
                const expected = fixture.lenses[0];
                let texts: string[] = [];
                const deadline = Date.now() + 45_000;
                while (Date.now() < deadline) {
                    texts = await lensTexts();
                    if (texts.some(t => expected.includes.every(part => t.includes(part)))) break;
                    await page.waitForTimeout(250);
                }
                await shot('lenses');
                assert(
                    texts.some(t => expected.includes.every(part => t.includes(part))),
                    `no lens with ${expected.includes.join(' + ')}; lenses: ${texts.join(' | ')}`
                );
            }
        },
        {
            name: "the status bar shows the file's numbers",
            run: async () => {
                const item = page.locator('footer .statusbar-item', { hasText: /Expected unmet|Worst:|No unmet need/ }).first();
                await item.waitFor({ timeout: 20_000 });
            }
        },
        {
            name: 'hovering a name shows its hover',
            run: async () => {
                const name = fixture.hover.at.split(/\s/)[0];
                const token = editor()
                    .locator('.view-lines span > span', { hasText: new RegExp(`^${name}$`) })
                    .first();
                await token.hover();
                const hover = page.locator('.monaco-hover-content').first();
                await hover.waitFor({ state: 'visible', timeout: 15_000 });
                const text = await hover.innerText();
                await shot('hover');
                for (const part of fixture.hover.includes) assertIncludes(text, part, 'hover widget');
                await page.mouse.move(0, 0);
                await page.keyboard.press('Escape');
            }
        },
        {
            name: "Ctrl+Space shows the model's names",
            run: async () => {
                await cursorAfter(fixture.completion.after);
                await page.keyboard.press('Control+Space');
                const labels = page.locator('.editor-widget.suggest-widget .monaco-list-row .label-name');
                await labels.first().waitFor({ state: 'visible', timeout: 15_000 });
                await page
                    .locator('.editor-widget.suggest-widget .monaco-list-row .label-name', { hasText: fixture.completion.expect })
                    .first()
                    .waitFor({ timeout: 10_000 });
                await shot('suggest');
                await page.keyboard.press('Escape');
            }
        },
        {
            name: 'an error is underlined and counted',
            run: async () => {
                await cursorAfter(fixture.brokenEdit.replace);
                // Select the replaced text backwards and put the broken one in its place (one
                // insertion, so that one undo takes it back and no suggestion interferes).
                for (let i = 0; i < fixture.brokenEdit.replace.length; i++) await page.keyboard.press('Shift+ArrowLeft');
                await page.keyboard.insertText(fixture.brokenEdit.with);
                await page.locator(`${EDITOR} .view-overlays .cdr.squiggly-error`).first().waitFor({ timeout: 20_000 });
                const problems = page.locator('.statusbar-item[id="status.problems"]');
                await page.waitForFunction(
                    () =>
                        /Errors: [1-9]/.test(
                            document.querySelector('.statusbar-item[id="status.problems"] a')?.getAttribute('aria-label') ??
                                document.querySelector('.statusbar-item[id="status.problems"]')?.getAttribute('aria-label') ??
                                ''
                        ),
                    undefined,
                    { timeout: 10_000 }
                );
                await page
                    .locator('footer .statusbar-item', { hasText: /\d+ errors?/ })
                    .first()
                    .waitFor({ timeout: 10_000 });
                await shot('squiggle');
                assert((await problems.count()) === 1, 'problems item');
                // Put the original text back the same way.
                for (let i = 0; i < fixture.brokenEdit.with.length; i++) await page.keyboard.press('Shift+ArrowLeft');
                await page.keyboard.insertText(fixture.brokenEdit.replace);
                await page.locator(`${EDITOR} .view-overlays .cdr.squiggly-error`).first().waitFor({ state: 'detached', timeout: 20_000 });
            }
        },
        {
            name: 'Show chart draws the results in a webview beside the editor',
            timeoutMs: 60_000,
            run: async () => {
                await runCommand('Chokepoint: Show chart to the side');
                const frame = chartFrame();
                await frame.locator('canvas#supply').waitFor({ state: 'visible', timeout: 30_000 });
                await frame.locator('#summary', { hasText: 'Unmet' }).waitFor({ timeout: 10_000 });
                const drawn = await frame
                    .locator('canvas#supply')
                    .evaluate((canvas: { width: number; height: number }) => canvas.width > 0 && canvas.height > 0);
                assert(drawn, 'the supply canvas has no size');
                await page.waitForTimeout(500);
                await shot('chart');
            }
        },
        {
            name: 'the chart is drawn in the light and high-contrast themes',
            timeoutMs: 90_000,
            run: async () => {
                for (const [theme, bodyClass, name] of [
                    ['Light Modern', 'vscode-light', 'chart-light'],
                    ['Dark High Contrast', 'vscode-high-contrast', 'chart-high-contrast'],
                    ['Dark Modern', 'vscode-dark', '']
                ]) {
                    // As a person would: Preferences: Color Theme, type the theme's name, Enter.
                    await runCommand('Preferences: Color Theme');
                    await page
                        .locator('.quick-input-widget input[aria-label*="Color Theme" i], .quick-input-widget input[placeholder*="Color Theme" i]')
                        .first()
                        .waitFor({ timeout: 10_000 })
                        .catch(async e => {
                            await shot(`picker-${bodyClass}`);
                            throw e;
                        });
                    await page.keyboard.type(theme);
                    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: theme }).first().waitFor();
                    await page.keyboard.press('Enter');
                    await chartFrame().locator(`body.${bodyClass}`).waitFor({ timeout: 15_000 });
                    await chartFrame().locator('canvas#supply').waitFor({ state: 'visible' });
                    await page.waitForTimeout(500);
                    if (name) await shot(name);
                }
            }
        },
        {
            name: 'clicking a lens updates the chart',
            timeoutMs: 60_000,
            run: async () => {
                const click = fixture.lensClick;
                await cursorAfter(click.line);
                await page.keyboard.press('Escape');
                const [select, expected] = click.scenario ? ['#scenario', click.scenario] : ['#focus', click.focus ?? ''];
                let value = '';
                // A click that lands while VS Code swaps in refreshed lenses does nothing (the old
                // lens's command is gone): like a person, click again.
                for (let attempt = 0; attempt < 3 && value !== expected; attempt++) {
                    await page.locator(`${EDITOR} .codelens-decoration a`, { hasText: click.text }).first().click();
                    const deadline = Date.now() + 5_000;
                    while (Date.now() < deadline) {
                        value = await chartFrame()
                            .locator(select)
                            .inputValue()
                            .catch(() => '');
                        if (value === expected) break;
                        await page.waitForTimeout(250);
                    }
                }
                await shot('lens-click');
                assert(value === expected, `the chart's ${select} shows ${JSON.stringify(value)}, not ${JSON.stringify(expected)}`);
            }
        },
        {
            name: 'the chart comes back after a window reload',
            timeoutMs: 90_000,
            run: async () => {
                // As a person would: Developer: Reload Window (the workbench saves its state first).
                await runCommand('Developer: Reload Window');
                await page.waitForLoadState('load');
                await chartFrame().locator('canvas#supply').waitFor({ state: 'visible', timeout: 60_000 });
                await page.waitForTimeout(500);
                await shot('chart-restored');
            }
        }
    ];
}
