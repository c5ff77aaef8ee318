import type { LangiumSharedCoreServices } from 'langium';
import type { ChokepointSettings } from './protocol.js';

export const DEFAULT_SETTINGS: ChokepointSettings = {
    lenses: { file: true, consumer: true, reserve: true, plant: true, shock: true, measure: true, scenario: true, target: true },
    inlayHints: { quantities: true, rates: true },
    chart: { defaultScenario: '' },
    compareWith: 'HEAD'
};

/**
 * The `chokepoint.*` settings, read through Langium's ConfigurationProvider (section
 * `chokepoint`) and merged over the defaults, so a missing or malformed value never
 * switches a feature off by accident.
 */
export class ChokepointSettingsService {
    private current: ChokepointSettings = DEFAULT_SETTINGS;
    private readonly listeners: Array<(settings: ChokepointSettings) => void> = [];

    constructor(private readonly shared: LangiumSharedCoreServices) {
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section !== 'chokepoint') return;
            this.current = mergeSettings(update.configuration);
            for (const listener of this.listeners) listener(this.current);
        });
    }

    /** The settings once the client's configuration has been fetched. */
    async get(): Promise<ChokepointSettings> {
        const provider = this.shared.workspace.ConfigurationProvider;
        await provider.ready;
        // Each section is whatever the client sent (any): merged below, never trusted.
        const sections: unknown[] = await Promise.all([
            provider.getConfiguration('chokepoint', 'lenses'),
            provider.getConfiguration('chokepoint', 'inlayHints'),
            provider.getConfiguration('chokepoint', 'chart'),
            provider.getConfiguration('chokepoint', 'compareWith')
        ]);
        const [lenses, inlayHints, chart, compareWith] = sections;
        this.current = mergeSettings({ lenses, inlayHints, chart, compareWith });
        return this.current;
    }

    onChange(listener: (settings: ChokepointSettings) => void): void {
        this.listeners.push(listener);
    }
}

export function mergeSettings(raw: unknown): ChokepointSettings {
    const value = isObject(raw) ? raw : {};
    return {
        lenses: mergeFlags(DEFAULT_SETTINGS.lenses, value.lenses),
        inlayHints: mergeFlags(DEFAULT_SETTINGS.inlayHints, value.inlayHints),
        chart: {
            defaultScenario:
                isObject(value.chart) && typeof value.chart.defaultScenario === 'string' ? value.chart.defaultScenario : DEFAULT_SETTINGS.chart.defaultScenario
        },
        compareWith: typeof value.compareWith === 'string' && value.compareWith.trim() !== '' ? value.compareWith.trim() : DEFAULT_SETTINGS.compareWith
    };
}

function mergeFlags<T extends object>(defaults: T, raw: unknown): T {
    const result = { ...defaults } as Record<string, boolean>;
    if (isObject(raw)) {
        for (const key of Object.keys(result)) {
            if (typeof raw[key] === 'boolean') result[key] = raw[key];
        }
    }
    return result as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
