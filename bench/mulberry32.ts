// mulberry32: a small seeded pseudo-random generator, the same numbers on every machine.
// The bench's national programme, the sample charts and the fuzz test draw from it, so a
// seed always gives the same files and the same mutations (never Math.random).

/** Numbers in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
