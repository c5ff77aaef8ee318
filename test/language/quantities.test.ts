import { describe, expect, test } from 'vitest';
import { formatNumber } from '../../language/src/values/quantities.js';

describe('formatNumber', () => {
    test("prints what toLocaleString('en-US', { maximumFractionDigits }) prints, without Intl", () => {
        let seed = 3;
        const random = () => {
            seed = (seed * 16807) % 2147483647;
            return seed / 2147483647;
        };
        const special = [
            0,
            -0,
            1.005,
            0.125,
            2.675,
            9.995,
            99.995,
            999.999,
            0.045,
            1.45,
            0.1 + 0.2,
            0.0000005,
            1e-7,
            5e-324,
            1e21,
            1.5e22,
            1.7976931348623157e308,
            123456789.125,
            1478,
            1000,
            999999.9999
        ];
        for (const digits of [0, 1, 2, 6]) {
            const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
            const values = [...special, ...special.map(v => -v)];
            for (let i = 0; i < 20_000; i++) {
                // Every magnitude; often a few decimals, sometimes exactly halfway at the cut.
                let v = random() * 10 ** (Math.floor(random() * 30) - 10);
                const decimals = Math.floor(random() * 10);
                if (decimals < 8) v = Math.round(v * 10 ** decimals) / 10 ** decimals + (random() < 0.2 ? 5 * 10 ** -(decimals + 1) : 0);
                values.push(random() < 0.3 ? -v : v);
            }
            for (const v of values) expect(formatNumber(v, digits), `${v} to ${digits} digits`).toBe(intl.format(v));
        }
        expect(formatNumber(1478)).toBe('1,478');
        expect(formatNumber(1.005)).toBe('1.01');
        expect(formatNumber(-0.004)).toBe('-0');
        expect(formatNumber(NaN)).toBe('NaN');
    });
});
