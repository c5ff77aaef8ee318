/**
 * The v2 lens titles of plants and reserves (metrics-v2 §2), from a simulation of a small
 * model, figures by hand.
 */
import { describe, expect, test } from 'vitest';
import { run } from '../engine/helpers.js';
import { consumerTitle, plantTitle, reserveTitle } from '../../server/src/lsp/lens-titles.js';

// P makes metal from Chinese (60) and Australian (40) oxide for C; Ban stops China from March,
// so P makes 40 t a month for 4 months. VNcut stops Vietnam's 300 t of REE in April and May;
// the reserve may release only 200 t a month.
const MODEL = `
horizon 2026-01 to 2026-06
supplier CN in China { produces NdPrOxide 1000 t/month }
supplier AU in Australia { produces NdPrOxide 1000 t/month }
supplier VN in Vietnam { produces REE 1000 t/month }
plant P in Japan { makes NdPrMetal 100 t/month from NdPrOxide 1 }
consumer C in Japan { needs NdPrMetal 100 t/month  needs REE 300 t/month }
flow CN -> P { NdPrOxide 60 t/month }
flow AU -> P { NdPrOxide 40 t/month }
flow P -> C { NdPrMetal 100 t/month }
flow VN -> C { REE 300 t/month }
reserve R in Japan { holds REE 1000 t  serves C  release 200 t/month }
shock Ban { embargo China -> Japan from 2026-03 }
shock VNcut { embargo Vietnam -> Japan on REE from 2026-04 for 2 months }
scenario S { Ban, VNcut }
`;

describe('plant and reserve lenses', () => {
    test('a plant: output against capacity, the binding input, starved periods, traced origins', async () => {
        const result = await run(MODEL);
        // 100 + 100 + 4 × 40 = 360 t of 600 t capacity = 60%; traced: China 2 × 60 = 120 t of 360
        // (33.3%), Australia 2 × 40 + 160 = 240 t (66.7%).
        expect(plantTitle(result, 'P')).toBe(
            'S: makes 360 t (60% of capacity; baseline 100%) · bound by NdPrOxide · starved 4 months · traced: Australia 66.7%, China 33.3%'
        );
    });

    test('a reserve: initial → lowest → final, released, and the release cap that binds', async () => {
        const result = await run(MODEL);
        // April and May: 300 t short, the cap lets 200 t out: 1,000 → 800 → 600; 2 × 100 t more were
        // asked. Cover at the start: 1,000 t ÷ (300 t ÷ 365/12 days) = 101.4 days.
        expect(reserveTitle(result, 'R')).toBe(
            'S: 1,000 t → 600 t (2026-05) → 600 t (baseline lowest 1,000 t) · released 400 t · cap 200 t/month binds 2026-04..2026-05: 200 t more were asked · cover 101 days · never runs dry'
        );
    });

    test('a consumer: direct share flat, embedded China falls to 0, unmet with the baseline beside', async () => {
        const result = await run(MODEL);
        // The top origin at the start is Vietnam (300 of 400 = 75%); in March it is 300 of 340
        // (P makes 40) = 88.2%, in April and May 0 (only P's 40 t arrive: HHI 10,000), in June
        // 88.2% again; the extreme farthest from the start is April's 0%; HHI at the end 10,000 × (300² + 40²) ÷ 340² = 7,924. Embedded shares follow
        // the direct ones within a point here, so they are not repeated. Unmet: metal 60 t × 4 +
        // REE 100 t × 2 = 440 t of 2,400 t: fill 81.7%; metal runs short on March 1, the shock's start.
        expect(consumerTitle(result, 'C')).toBe(
            'S: Vietnam 75% → 0% (2026-04) → 88.2% (baseline 75%) · HHI 6,250 → 10,000 (2026-04) → 7,924 (baseline 6,250) · unmet 440 t (baseline 0) · fill 81.7% (baseline 100%) · first stockout 2026-03-01 (baseline none) · survives 0 days'
        );
    });
});
