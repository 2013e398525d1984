/**
 * The simulator's one source of randomness: a small, fast PRNG (sfc32) seeded from the
 * run's seed, so every choice — election timeouts, topic ids, faults, message loss — is
 * the same on every run with that seed.
 */
export function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Mix the seed in before the first value is used.
  for (let i = 0; i < 12; i++) next();
  return next;
}
