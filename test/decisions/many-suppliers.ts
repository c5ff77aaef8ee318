/**
 * A model too big to rank within a hover and above the run pool's crossover: 250 suppliers,
 * supplier Si shipping i t/month to X, which needs their sum (250 × 251 / 2 = 31,375 t/month),
 * has no stock and loses JPY 1 million per t short, over 120 months. Ranking it takes
 * 2 × 500 nodes + 1 = 1,001 runs × 120 periods × (250 lines + 1 slot) ≈ 30 million work units
 * (HOVER_MAX_WORK 20 million, POOL_MIN_WORK 8 million).
 *
 * By hand: out for 3 months from the first period, Si (or its flow, lost with it) leaves X
 * 3i t short at once: 3i t unmet, 3i million JPY, time to survive 0 days. S250 ranks first
 * (750 t), its flow `S250 -> X` second (the same loss; names break the tie); S1 -> X last (3 t).
 */
export const MANY_SUPPLIERS = 250;

export function manySuppliersModel(): string {
    const ids = Array.from({ length: MANY_SUPPLIERS }, (_, k) => k + 1);
    const total = (MANY_SUPPLIERS * (MANY_SUPPLIERS + 1)) / 2;
    return [
        'horizon 2026-01 to 2035-12',
        ...ids.map(i => `supplier S${i} in Australia { produces REE ${12 * i} t/yr }`),
        `consumer X in Japan { needs REE ${total} t/month  loss 1 million JPY per t }`,
        ...ids.map(i => `flow S${i} -> X { REE ${i} t/month }`),
        ''
    ].join('\n');
}
