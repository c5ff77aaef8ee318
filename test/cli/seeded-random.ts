/** Deterministic numbers in [0, 1) (xorshift32), so a failing random case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
    let x = seed >>> 0 || 1;
    return () => {
        x ^= x << 13;
        x >>>= 0;
        x ^= x >>> 17;
        x ^= x << 5;
        x >>>= 0;
        return x / 2 ** 32;
    };
}
