import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { Commands, type ChokepointSettings } from '../../../server/src/protocol.js';

interface Contributes {
    languages: Array<{ id: string; extensions: string[]; configuration: string; icon: { light: string; dark: string } }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
    snippets: Array<{ language: string; path: string }>;
    commands: Array<{ command: string; title: string; category: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { properties: Record<string, { type: string; default: unknown }> };
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    main: string;
    icon: string;
    activationEvents: string[];
    contributes: Contributes;
    capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: { supported: boolean } };
};

/** Every setting the server reads, with its default (the shape of ChokepointSettings). */
const SETTINGS: ChokepointSettings = {
    lenses: { file: true, consumer: true, reserve: true, plant: true, shock: true, measure: true, scenario: true, target: true },
    inlayHints: { quantities: true, rates: true },
    chart: { defaultScenario: '' },
    compareWith: 'HEAD'
};

function flatten(value: object, prefix: string): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(value).flatMap(([key, v]) =>
            typeof v === 'object' && v !== null ? Object.entries(flatten(v as object, `${prefix}${key}.`)) : [[`${prefix}${key}`, v]]
        )
    );
}

describe('extension manifest', () => {
    const contributes = pkg.contributes;

    test('the chokepoint language: *.choke, its grammar, configuration, snippets and icon exist', () => {
        const [language] = contributes.languages;
        expect(language).toMatchObject({ id: 'chokepoint', extensions: ['.choke'] });
        for (const path of [
            language.configuration,
            language.icon.light,
            language.icon.dark,
            ...contributes.grammars.map(g => g.path),
            ...contributes.snippets.map(s => s.path),
            pkg.icon
        ]) {
            expect(existsSync(path), path).toBe(true);
        }
        expect(contributes.grammars[0]).toMatchObject({ language: 'chokepoint', scopeName: 'source.chokepoint' });
        expect(pkg.main).toBe('./out/extension.js');
    });

    test('the icon is a 128 × 128 PNG', () => {
        const png = readFileSync(pkg.icon);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    });

    test('every command of the protocol is contributed under the Chokepoint category', () => {
        const contributed = contributes.commands.map(c => c.command).sort();
        expect(contributed).toEqual(Object.values(Commands).sort());
        for (const command of contributes.commands) expect(command.category).toBe('Chokepoint');
        expect(contributes.commands.find(c => c.command === Commands.runScenario)?.title).toBe('Run scenario...');
        expect(contributes.menus['editor/title']).toContainEqual(expect.objectContaining({ command: Commands.showChart }));
        // The details command needs a lens's arguments: it is not offered in the palette.
        expect(contributes.menus.commandPalette).toContainEqual({ command: Commands.showDetails, when: 'false' });
    });

    test('settings match what the server reads, plus the trace level', () => {
        const expected = flatten(SETTINGS, 'chokepoint.');
        const properties = contributes.configuration.properties;
        expect(Object.keys(properties).sort()).toEqual([...Object.keys(expected), 'chokepoint.trace.server'].sort());
        for (const [key, value] of Object.entries(expected)) expect(properties[key].default, key).toEqual(value);
        expect(properties['chokepoint.trace.server']).toMatchObject({ default: 'off', enum: ['off', 'messages', 'verbose'] });
    });

    test('runs in untrusted workspaces (files are data) and comes back with the chart after a reload', () => {
        expect(pkg.capabilities.untrustedWorkspaces.supported).toBe(true);
        expect(pkg.activationEvents).toContain('onWebviewPanel:chokepoint.chart');
    });
});
