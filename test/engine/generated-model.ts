/**
 * Generated supply networks for the benchmark and the invariant tests: suppliers of oxides
 * and rare earths in producing countries, metal plants, magnet plants, consumers and
 * stockpiles in consuming countries, and scenarios mixing every kind of shock and measure.
 * Deterministic for a given size (seeded generator).
 */

import { seededRandom } from '../../language/src/values/random.js';

export interface ModelSize {
    nodes: number;
    flows: number;
    scenarios: number;
    /** Monthly periods. */
    periods: number;
}

const PRODUCERS = [
    'China',
    'Vietnam',
    'Australia',
    'UnitedStates',
    'Myanmar',
    'Malaysia',
    'India',
    'Brazil',
    'Russia',
    'Laos',
    'Thailand',
    'Madagascar',
    'SouthAfrica',
    'Canada',
    'Greenland',
    'Kazakhstan',
    'Estonia',
    'France',
    'Burundi',
    'Tanzania'
];
const CONSUMERS = ['Japan', 'SouthKorea', 'Germany', 'UnitedStates', 'France', 'Italy', 'China', 'India', 'UnitedKingdom', 'Taiwan'];

export function generateModel(size: ModelSize, seed = 42): string {
    const rnd = seededRandom(seed);
    const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
    const int = (low: number, high: number) => low + Math.floor(rnd() * (high - low + 1));
    const lines: string[] = [];
    const endYear = 2026 + Math.floor((size.periods - 1) / 12);
    const endMonth = ((size.periods - 1) % 12) + 1;
    lines.push(`horizon 2026-01 to ${endYear}-${String(endMonth).padStart(2, '0')}`, 'step month');

    // Most nodes are mines, refiners and plants; fewer are end users and stockpiles.
    const suppliers = Math.round(size.nodes * 0.57);
    const metalPlants = Math.round(size.nodes * 0.17);
    const magnetPlants = Math.round(size.nodes * 0.18);
    const reserves = Math.round(size.nodes * 0.02);
    const consumers = size.nodes - suppliers - metalPlants - magnetPlants - reserves;

    const oxide: string[] = [],
        dy: string[] = [],
        ree: string[] = [],
        planned: string[] = [];
    for (let i = 0; i < suppliers; i++) {
        const name = `S${i}`;
        const kind = i % 4;
        const region = i % 3 === 0 ? 'China' : pick(PRODUCERS);
        if (kind === 0 || kind === 1) {
            oxide.push(name);
            lines.push(`supplier ${name} in ${region} { produces NdPrOxide ${int(200, 800)} t/month }`);
        } else if (kind === 2) {
            dy.push(name);
            lines.push(`supplier ${name} in ${region} { produces DyOxide ${int(5, 20)} t/month }`);
        } else {
            ree.push(name);
            if (i % 50 === 7) planned.push(name);
            const online = i % 40 === 3 ? '  online 2027-01 ramp 12 months' : '';
            lines.push(`supplier ${name} in ${region}${i % 50 === 7 ? ' planned' : ''} { produces REE ${int(300, 1200)} t/month${online} }`);
        }
    }
    const metal: string[] = [],
        magnet: string[] = [];
    for (let i = 0; i < metalPlants; i++) {
        metal.push(`M${i}`);
        lines.push(`plant M${i} in ${pick(CONSUMERS)} { makes NdPrMetal ${int(300, 900)} t/month from NdPrOxide 1.2 }`);
    }
    for (let i = 0; i < magnetPlants; i++) {
        magnet.push(`G${i}`);
        lines.push(`plant G${i} in ${pick(CONSUMERS)} { makes NdFeB ${int(500, 2000)} t/month from NdPrMetal 0.3, DyOxide 0.02 }`);
    }
    const consumerNames: string[] = [];
    const priorities = ['critical', 'high', 'normal', 'normal', 'low'];
    for (let i = 0; i < consumers; i++) {
        consumerNames.push(`C${i}`);
        lines.push(
            `consumer C${i} in ${pick(CONSUMERS)} { needs NdFeB ${int(100, 500)} t/month  needs REE ${int(50, 400)} t/month` +
                `  stock NdFeB ${int(0, 60)} days  priority ${pick(priorities)}  loss ${int(1, 50)} million JPY per t }`
        );
    }
    const reserveNames: string[] = [];
    for (let i = 0; i < reserves; i++) {
        reserveNames.push(`R${i}`);
        const served = Array.from({ length: 4 }, () => pick(consumerNames));
        lines.push(
            `reserve R${i} in ${pick(CONSUMERS)} { holds REE ${int(30, 120)} days  holds NdFeB ${int(500, 3000)} t` +
                `  serves ${[...new Set(served)].join(', ')}  release ${int(200, 1000)} t/month }`
        );
    }

    // Flows: every plant gets its inputs, every consumer its magnets and rare earths, reserves
    // buy; the rest are extra contracts from random suppliers.
    let flows = 0;
    const lead = () => pick(['', '', '  lead 1 month', '  lead 2 months', '  lead 45 days']);
    const flow = (from: string, to: string, body: string) => {
        lines.push(`flow ${from} -> ${to} { ${body}${lead()} }`);
        flows++;
    };
    for (const m of metal) {
        flow(pick(oxide), m, `NdPrOxide ${int(100, 400)} t/month`);
        flow(pick(oxide), m, `NdPrOxide ${int(100, 400)} t/month`);
    }
    for (const g of magnet) {
        flow(pick(metal), g, `NdPrMetal ${int(50, 200)} t/month`);
        flow(pick(dy), g, `DyOxide ${int(2, 8)} t/month`);
    }
    for (const c of consumerNames) {
        flow(pick(magnet), c, `NdFeB ${int(50, 300)} t/month`);
        flow(pick(ree), c, `REE ${int(30, 200)} t/month`);
    }
    for (const r of reserveNames) flow(pick(ree), r, `REE ${int(10, 50)} t/month`);
    while (flows < size.flows) {
        const kind = flows % 4;
        if (kind === 0) flow(pick(ree), pick(consumerNames), `REE ${int(20, 150)} t/month`);
        else if (kind === 1) flow(pick(magnet), pick(consumerNames), `NdFeB ${int(20, 150)} t/month`);
        else if (kind === 2) flow(pick(oxide), pick(metal), `NdPrOxide ${int(50, 200)} t/month`);
        else flow(pick(metal), pick(magnet), `NdPrMetal ${int(30, 100)} t/month`);
    }

    // Shocks and measures, combined into scenarios.
    const year = () => 2026 + int(0, Math.max(0, endYear - 2026));
    const date = () => `${year()}-${String(int(1, 12)).padStart(2, '0')}`;
    const events: string[] = [];
    for (let i = 0; i < size.scenarios * 2; i++) {
        const name = `E${i}`;
        events.push(name);
        switch (i % 8) {
            case 0:
                lines.push(`shock ${name} { embargo China -> ${pick(CONSUMERS)} cut ${int(30, 100)}%  from ${date()} for ${int(2, 12)} months }`);
                break;
            case 1:
                lines.push(`shock ${name} { embargo * -> Quad on DyOxide  from ${date()} }`);
                break;
            case 2:
                lines.push(`shock ${name} { outage ${pick(oxide)} cut 50%  outage ${pick(metal)}  from ${date()} for 6 months }`);
                break;
            case 3:
                lines.push(`shock ${name} { delay ${pick(PRODUCERS)} -> * +1 month  demand ${pick(consumerNames)} +20%  from ${date()} for 3 months }`);
                break;
            case 4:
                lines.push(`measure ${name} { switch ${pick(consumerNames)} to ${pick(ree)}, ${pick(ree)} after 2 months }`);
                break;
            case 5:
                lines.push(
                    `measure ${name} { recycle 10% of ${pick(consumerNames)}  substitute 20% of ${pick(consumerNames)} on NdFeB  from ${date()} ramp 12 months }`
                );
                break;
            case 6:
                lines.push(`measure ${name} { release ${pick(reserveNames)} at 2000 t/month  from ${date()} }`);
                break;
            default:
                lines.push(planned.length > 0 ? `measure ${name} { add ${pick(planned)} }` : `measure ${name} { recycle 5% of ${pick(consumerNames)} }`);
        }
    }
    for (let i = 0; i < size.scenarios; i++) {
        lines.push(
            `scenario Sc${i} probability ${(100 / size.scenarios).toFixed(2)}% { ${events[(2 * i) % events.length]}, ${events[(2 * i + 1) % events.length]}, ${events[(2 * i + 5) % events.length]} }`
        );
    }
    lines.push(`target Share { dependency of Japan on China <= 50% by ${endYear}-01 }`);
    lines.push('target Fill { fill of * >= 95% }');
    return lines.join('\n') + '\n';
}
