/**
 * Hover texts for consumers, plants, reserves, shocks and measures (metrics-v2 §2): the lens's
 * story on top, then a short table per scenario and a per-period sparkline, so the numbers
 * stay above the fold. Numbers through display.ts.
 */
import type { SimulationResult } from '../../../language/src/index.js';
import { daysText, hhiText, lossText, quantityNumber, shareText, signedMoneyText, signedTonnesText, tonnesText } from '../../../language/src/index.js';
import type { MemberEffect } from '../protocol.js';
import { arcOf, consumerSegments, periodLabel, plantSegments, reserveSegments, shownScenarioFor, stepWord, topOriginOf, unmetOf } from './lens-story.js';

const BARS = '▁▂▃▄▅▆▇█';

/** One character per period, 0 to 1 (`·` where there is no value). */
export function sparkline(values: ArrayLike<number | null>): string {
    return Array.from(values, v =>
        v === null || Number.isNaN(v) ? '·' : BARS[Math.min(BARS.length - 1, Math.max(0, Math.round(v * (BARS.length - 1))))]
    ).join('');
}

export function consumerHover(result: SimulationResult, name: string): string | undefined {
    const shown = shownScenarioFor(result, name);
    const consumer = shown?.consumers[name];
    if (!shown || !consumer) return undefined;
    const lines = [`**${shown.name}**: ${consumerSegments(result, shown, name).join(' · ')}`];
    const top = topOriginOf(consumer.series.dependency);
    if (top) lines.push('', `${top} share per ${result.horizon.step} in ${shown.name}: \`${sparkline(consumer.series.dependency[top])}\``);
    lines.push('', `| scenario | ${top ?? 'top'} peak | HHI peak | unmet | fill | first stockout | loss |`, '|---|---:|---:|---:|---:|---|---:|');
    for (const scenario of result.scenarios) {
        const c = scenario.consumers[name];
        if (!c) continue;
        const share = top ? arcOf(c.series.dependency[top] ?? [], 'max') : undefined;
        const hhi = arcOf(c.series.hhi, 'max');
        const need = Object.values(c.materials).reduce((s, m) => s + m.need, 0);
        const unmet = unmetOf(c);
        const stockout =
            Object.values(c.materials)
                .map(m => m.firstStockout)
                .filter((d): d is string => d !== null)
                .sort()[0] ?? '—';
        lines.push(
            `| ${scenario.name} | ${share ? `${shareText(share.worst)} (${periodLabel(result, share.worstAt)})` : '—'} | ${hhi ? hhiText(hhi.worst) : '—'} | ${tonnesText(unmet)} | ${need > 0 ? shareText(1 - unmet / need) : '—'} | ${stockout} | ${lossText(c.loss) === 'no loss' ? '0' : lossText(c.loss).replace(/ loss$/, '')} |`
        );
    }
    return lines.join('\n');
}

export function plantHover(result: SimulationResult, name: string): string | undefined {
    const base = result.scenarios[0]?.plants[name];
    if (!base) return undefined;
    const lines = ['| scenario | made | of capacity | binds | starved |', '|---|---:|---:|---|---:|'];
    for (const scenario of result.scenarios) {
        const p = scenario.plants[name];
        if (!p) continue;
        lines.push(
            `| ${scenario.name} | ${tonnesText(p.produced)} | ${p.utilisation === null ? '—' : shareText(p.utilisation)} | ${p.binding} | ${p.periodsStarved} ${stepWord(result, p.periodsStarved)} |`
        );
    }
    const worst = result.scenarios.reduce(
        (w, s) => ((s.plants[name]?.produced ?? Infinity) < (w.plants[name]?.produced ?? Infinity) ? s : w),
        result.scenarios[0]
    );
    const p = worst.plants[name];
    const made = Array.from(p.series.produced, (v, t) => (p.series.capacity[t] > 0 ? v / p.series.capacity[t] : null));
    return [
        `**${worst.name}**: ${plantSegments(result, p, base).join(' · ')}`,
        '',
        `Output ÷ capacity per ${result.horizon.step}: \`${sparkline(made)}\``,
        '',
        ...lines
    ].join('\n');
}

export function reserveHover(result: SimulationResult, name: string): string | undefined {
    if (!result.scenarios[0]?.reserves[name]) return undefined;
    const lines = ['| scenario | material | initial → lowest → final | released | dry | release cap |', '|---|---|---|---:|---|---|'];
    for (const scenario of result.scenarios) {
        const reserve = scenario.reserves[name];
        if (!reserve) continue;
        for (const [material, m] of Object.entries(reserve.materials)) {
            const cap = m.capBinding
                ? `binds ${m.capBinding.from.slice(0, 7)}..${m.capBinding.to.slice(0, 7)} (+${quantityNumber(m.capBinding.askedAbove)} t asked)`
                : '—';
            const path = `${tonnesText(m.initial)} → ${tonnesText(m.lowest)} (${m.lowestAt.slice(0, 7)}) → ${tonnesText(m.final)}`;
            lines.push(`| ${scenario.name} | ${material} | ${path} | ${tonnesText(m.released)} | ${m.dryOn ?? 'never'} | ${cap} |`);
        }
    }
    const first = Object.values(result.scenarios[0].reserves[name].materials)[0];
    const cover = first?.coverDays === null || first === undefined ? '' : `Cover at the start: ${daysText(first.coverDays)}. `;
    const story = result.scenarios
        .slice(1)
        .map(s =>
            Object.values(s.reserves[name]?.materials ?? {})
                .map(m => reserveSegments(result, m).join(' · '))
                .join('; ')
        )
        .filter(Boolean)[0];
    return [`${cover}${story ? `Worst: ${story}` : ''}`.trim(), '', ...lines].join('\n');
}

/** What a shock or measure changes per scenario, with the worst share and lowest cover without → with it. */
export function memberHover(rows: MemberEffect[]): string {
    const origin = rows.find(r => r.exposure?.origin)?.exposure?.origin ?? 'top origin';
    const lines = [
        'What it changes (the scenario minus the same scenario without it):',
        '',
        `| scenario | unmet | loss | ${origin} worst | lowest cover |`,
        '|---|---:|---:|---|---|'
    ];
    for (const e of rows) {
        const loss =
            Object.entries(e.loss)
                .filter(([, v]) => Math.round(v) !== 0)
                .map(([c, v]) => signedMoneyText(v, c))
                .join(' + ') || '±0';
        const x = e.exposure;
        const share = x && x.worstShare[0] !== null && x.worstShare[1] !== null ? `${shareText(x.worstShare[0])} → ${shareText(x.worstShare[1])}` : '—';
        const cover = x && x.lowestCover[0] !== null && x.lowestCover[1] !== null ? `${daysText(x.lowestCover[0])} → ${daysText(x.lowestCover[1])}` : '—';
        lines.push(`| ${e.scenario} | ${signedTonnesText(e.unmet)} | ${loss} | ${share} | ${cover} |`);
    }
    return lines.join('\n');
}
