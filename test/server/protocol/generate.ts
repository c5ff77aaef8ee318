/**
 * Generated models for the protocol tests and the LSP benchmark: a valid supply network of
 * a given size, deterministic (no randomness), with every kind of declaration.
 */
export interface ModelShape {
    suppliers: number;
    consumers: number;
    /** Flows into each consumer, from distinct suppliers. */
    flowsPerConsumer: number;
    shocks: number;
    scenarios: number;
    horizon?: string;
    step?: 'month' | 'week' | 'day';
}

/** A run of a second or more: daily steps over three years, 300 flows, 10 scenarios. */
export const SLOW_MODEL: ModelShape = {
    suppliers: 100,
    consumers: 100,
    flowsPerConsumer: 3,
    shocks: 10,
    scenarios: 10,
    horizon: '2026-01 to 2028-12',
    step: 'day'
};

const ORIGINS = ['China', 'Vietnam', 'France', 'Malaysia', 'Australia', 'UnitedStates', 'India', 'Brazil', 'Canada', 'RestOfWorld'];

export function generateModel(shape: ModelShape): string {
    const lines: string[] = [`horizon ${shape.horizon ?? '2026-01 to 2028-12'}`, `step ${shape.step ?? 'month'}`, ''];
    for (let s = 0; s < shape.suppliers; s++) {
        lines.push(`supplier S${s} in ${ORIGINS[s % ORIGINS.length]} {`, `  produces REE ${1000 + (s % 7) * 100} t/month`, '}');
    }
    for (let c = 0; c < shape.consumers; c++) {
        lines.push(
            `// Consumer number ${c}.`,
            `consumer C${c} in Japan {`,
            `  needs REE ${100 + (c % 5) * 10} t/month`,
            '  stock REE 30 days',
            `  priority ${['critical', 'high', 'normal', 'low'][c % 4]}`,
            '  loss 2 million JPY per t',
            '}'
        );
        for (let f = 0; f < shape.flowsPerConsumer; f++) {
            const supplier = (c * shape.flowsPerConsumer + f) % shape.suppliers;
            lines.push(`flow S${supplier} -> C${c} { REE ${Math.floor((100 + (c % 5) * 10) / shape.flowsPerConsumer)} t/month lead ${1 + (f % 2)} month }`);
        }
    }
    lines.push(
        `reserve Stockpile in Japan {`,
        '  holds REE 60 days',
        `  serves ${Array.from({ length: shape.consumers }, (_, c) => `C${c}`).join(', ')}`,
        '  release 2000 t/month',
        '}'
    );
    for (let k = 0; k < shape.shocks; k++) {
        lines.push(
            `shock K${k} {`,
            `  embargo ${ORIGINS[k % ORIGINS.length]} -> Japan on REE cut ${50 + (k % 5) * 10}%`,
            `  from 2026-${String(2 + (k % 10)).padStart(2, '0')} for ${1 + (k % 3)} months`,
            '}'
        );
    }
    lines.push('measure ReleaseAll { release Stockpile }');
    for (let n = 0; n < shape.scenarios; n++) {
        const members = [`K${n % Math.max(1, shape.shocks)}`, `K${(n + 1) % Math.max(1, shape.shocks)}`, 'ReleaseAll'];
        // Whole percentages that sum to exactly 100.
        const percent = Math.floor(100 / shape.scenarios) + (n < 100 % shape.scenarios ? 1 : 0);
        lines.push(`scenario Sc${n} probability ${percent}% { ${[...new Set(members)].join(', ')} }`);
    }
    lines.push('target NoShortage { unmet of * <= 0 t }', 'target ChinaShare { dependency of Japan on China <= 50% }', '');
    return lines.join('\n');
}

/** Declarations in a generated model (for reporting the size). */
export function declarationCount(shape: ModelShape): number {
    return shape.suppliers + shape.consumers * (1 + shape.flowsPerConsumer) + 1 + shape.shocks + 1 + shape.scenarios + 2;
}
