/**
 * Numbers as `JSON.stringify` prints them, written as ASCII bytes without making a string.
 * Results hold millions of full-precision shares (0.23076923076923078); `String(v)` for each
 * cost more than the rest of the JSON writing. The shortest round-trip digits are found here
 * with exact arithmetic (below); anything outside its range, or an exact tie, goes through
 * `String(v)`, so the text is always JavaScript's own (test/cli/json-number.test.ts compares
 * them over millions of doubles).
 */

/** The longest number `writeNumber` writes: -1.7976931348623157e+308. */
export const MAX_NUMBER_BYTES = 24;

const MINUS = 0x2d,
    DOT = 0x2e,
    ZERO = 0x30;

/**
 * Writes `v` at `pos` exactly as `JSON.stringify(v)` prints it (`null` when not finite);
 * returns the position after it.
 */
export function writeNumber(bytes: Uint8Array, pos: number, v: number): number {
    const size = v < 0 ? -v : v;
    if (size < 1e9) {
        // k / 1000 or k / 10^6 for an integer k: below 10^9 no shorter decimal maps to the
        // same double, so k's digits are the shortest round-trip form.
        let k = Math.round(size * 1000);
        let decimals = 3;
        if (k / 1000 === size) {
            if (v < 0 && k !== 0) bytes[pos++] = MINUS;
            return writeScaled(bytes, pos, k, decimals);
        }
        k = Math.round(size * 1e6);
        decimals = 6;
        if (k / 1e6 === size && k !== 0) {
            if (v < 0) bytes[pos++] = MINUS;
            return writeScaled(bytes, pos, k, decimals);
        }
    }
    if (!Number.isFinite(v)) return writeAscii(bytes, pos, 'null');
    if (size >= 1e-6 && size < 1e16) {
        const end = writeShortest(bytes, v < 0 ? pos + 1 : pos, size);
        if (end > 0) {
            if (v < 0) bytes[pos] = MINUS;
            return end;
        }
    }
    return writeAscii(bytes, pos, String(v));
}

/** k / 10^decimals for an integer 0 <= k < 10^15, without trailing zeros after the point. */
function writeScaled(bytes: Uint8Array, pos: number, k: number, decimals: number): number {
    while (decimals > 0 && k % 10 === 0) {
        k /= 10;
        decimals--;
    }
    let digits = 1;
    for (let limit = 10; limit <= k; limit *= 10) digits++;
    const end = pos + (digits > decimals ? digits : decimals + 1) + (decimals > 0 ? 1 : 0);
    let p = end - 1;
    for (let i = 0; i < decimals; i++) {
        const q = Math.floor(k / 10);
        bytes[p--] = ZERO + k - q * 10;
        k = q;
    }
    if (decimals > 0) bytes[p--] = DOT;
    while (p >= pos) {
        const q = Math.floor(k / 10);
        bytes[p--] = ZERO + k - q * 10;
        k = q;
    }
    return end;
}

export function writeAscii(bytes: Uint8Array, pos: number, s: string): number {
    for (let i = 0; i < s.length; i++) bytes[pos++] = s.charCodeAt(i);
    return pos;
}

const SPLITTER = 134217729; // 2^27 + 1

/** 10^0 … 10^22: every one an exact double. */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
/** Each power split in two halves of 26 bits (Dekker), for exact products. */
const POW10_HIGH = POW10.map(p => splitHigh(p));
const POW10_LOW = POW10.map((p, i) => p - POW10_HIGH[i]);
function splitHigh(a: number): number {
    const c = SPLITTER * a;
    return c - (c - a);
}

const bits = new Float64Array(1);
const bitWords = new Uint32Array(bits.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * The shortest decimal that reads back as `v` (1e-6 <= v < 1e16), and of those the closest,
 * as Number.prototype.toString writes it (no exponent in this range). Returns the end
 * position, or -1 when it cannot decide exactly (a tie, a power of two): then the caller asks
 * `String(v)`.
 *
 * How: X = v × 10^p with p chosen so that 10^16 <= X < 10^17, computed exactly as hi + lo
 * (Dekker's product; 10^p is exact for p <= 22). Any decimal D × 10^-p reads back as v when
 * |D - X| < W, W = half of v's ulp × 10^p (also exact; W > 0.5, so 17 digits always do).
 * Dropping m of X's 17 digits, the nearest candidate is X rounded to a multiple of 10^m; the
 * largest m whose candidate still reads back gives the fewest digits. Every comparison below
 * is exact.
 */
export function writeShortest(bytes: Uint8Array, pos: number, v: number): number {
    bits[0] = v;
    const high = bitWords[HIGH_WORD];
    // A power of two has a narrower gap below it: let String decide.
    if ((high & 0xfffff) === 0 && bitWords[1 - HIGH_WORD] === 0) return -1;
    const exponent = (high >>> 20) & 0x7ff;
    // floor(log10 v) from the binary exponent, within one; corrected below.
    let p = 16 - Math.floor((exponent - 1023) * 0.3010299956639812);
    if (p < 0 || p > 22) return -1;
    let hi = v * POW10[p];
    if (hi >= 1e17) {
        p--;
        if (p < 0) return -1;
        hi = v * POW10[p];
    } else if (hi < 1e16) {
        p++;
        if (p > 22) return -1;
        hi = v * POW10[p];
    }
    if (hi < 1e16 || hi >= 1e17) return -1;
    // lo: the exact error of hi = v × 10^p (Dekker).
    const vh = splitHigh(v),
        vl = v - vh;
    const ph = POW10_HIGH[p],
        pl = POW10_LOW[p];
    const lo = vh * ph - hi + vh * pl + vl * ph + vl * pl;
    // Half an ulp of v, 2^(exponent - 1076), times 10^p: exact.
    bits[0] = 0;
    bitWords[HIGH_WORD] = (exponent - 53) << 20;
    const W = bits[0] * POW10[p];
    // X = hi + lo = H1 × 10^8 + H0 + r, 0 <= H0 < 10^8 and 0 <= r < 1, all exact.
    const floorLo = Math.floor(lo);
    const r = lo - floorLo;
    let H1 = Math.floor(hi / 1e8);
    let H0 = hi - H1 * 1e8 + floorLo;
    while (H0 < 0) {
        H1--;
        H0 += 1e8;
    }
    while (H0 >= 1e8) {
        H1++;
        H0 -= 1e8;
    }
    if (H1 < 1e8 || H1 >= 1e9) return -1;
    let h0 = H0 | 0,
        h1 = H1 | 0;
    // Find the largest m (digits dropped) whose nearest candidate reads back; m = 0 always does.
    let best = 0,
        bestUp = false;
    const twoR = 2 * r;
    for (let m = 0; m <= 16; m++) {
        const scale = POW10[m];
        // The part of X below 10^m: intPart + r, intPart exact.
        const intPart = m <= 8 ? h0 % (scale | 0) : (h1 % (POW10[m - 8] | 0)) * 1e8 + h0;
        // Nearest multiple of 10^m: down when 2 × (intPart + r) < 10^m.
        const b = scale - 2 * intPart;
        if (twoR === b) return -1; // exactly halfway between two candidates
        const up = twoR > b;
        if (!up) {
            // Distance intPart + r < W?
            if (intPart > W) break;
            const room = W - intPart;
            if (r === room) return -1;
            if (!(r < room)) break;
        } else {
            // Distance 10^m - intPart - r < W, i.e. a - W < r with a = 10^m - intPart.
            const a = scale - intPart;
            if (a > W + 1) break;
            const gap = a - W;
            if (gap === r) return -1;
            if (!(gap < r)) break;
        }
        best = m;
        bestUp = up;
    }
    // The candidate's digits: X's, cut at 10^best and rounded as chosen.
    if (best <= 8) {
        const scale = POW10[best] | 0;
        h0 -= h0 % scale;
        if (bestUp) h0 += scale;
        if (h0 >= 1e8) {
            h0 -= 1e8;
            h1++;
        }
    } else {
        const scale = POW10[best - 8] | 0;
        h0 = 0;
        h1 -= h1 % scale;
        if (bestUp) h1 += scale;
    }
    // value = (h1 × 10^8 + h0) × 10^-p; h1 = 10^9 after a carry (the value is 10^(17-p)).
    if (h1 >= 1e9) {
        scratch[0] = ZERO + 1;
        return placeDigits(bytes, pos, 1, 18 - p);
    }
    return placeDigits(bytes, pos, digitsOf(h1, h0), 17 - p);
}

const scratch = new Uint8Array(17);

/** The 17 digits of h1 × 10^8 + h0 into `scratch`; returns how many are left without trailing zeros. */
function digitsOf(h1: number, h0: number): number {
    for (let i = 16; i >= 9; i--) {
        const q = (h0 / 10) | 0;
        scratch[i] = ZERO + h0 - q * 10;
        h0 = q;
    }
    for (let i = 8; i >= 0; i--) {
        const q = (h1 / 10) | 0;
        scratch[i] = ZERO + h1 - q * 10;
        h1 = q;
    }
    let count = 17;
    while (count > 1 && scratch[count - 1] === ZERO) count--;
    return count;
}

/** Number.prototype.toString's layout of k significant digits with the point after `pointAt` of them (-6 < pointAt <= 21). */
function placeDigits(bytes: Uint8Array, pos: number, k: number, pointAt: number): number {
    if (pointAt >= k) {
        for (let i = 0; i < k; i++) bytes[pos++] = scratch[i];
        for (let i = k; i < pointAt; i++) bytes[pos++] = ZERO;
        return pos;
    }
    if (pointAt > 0) {
        for (let i = 0; i < pointAt; i++) bytes[pos++] = scratch[i];
        bytes[pos++] = DOT;
        for (let i = pointAt; i < k; i++) bytes[pos++] = scratch[i];
        return pos;
    }
    bytes[pos++] = ZERO;
    bytes[pos++] = DOT;
    for (let i = pointAt; i < 0; i++) bytes[pos++] = ZERO;
    for (let i = 0; i < k; i++) bytes[pos++] = scratch[i];
    return pos;
}
