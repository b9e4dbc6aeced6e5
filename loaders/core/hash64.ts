// One 64-bit hash of a string, for the sets and filters that remember many strings as numbers (the bulk
// path's key and fingerprint sets, the repeat filter's values): a string costs its length in memory, a hash 8
// bytes. Equal strings always hash alike; two different ones alike with odds of 2^-64 (hash64) or 2^-53 (hash53).

/** Two 32-bit halves of a 64-bit hash of the string's UTF-16 code units (cyrb53's mixing, kept to 64 bits). */
export function hash64(s: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Never (0, 0), which KeySet takes for an empty slot.
  return [h1 >>> 0, h2 >>> 0 || 1];
}

/** The same hash in 53 bits, one JavaScript number (exact as a double), never 0. */
export function hash53(s: string): number {
  const [a, b] = hash64(s);
  return (a & 0x1fffff) * 0x1_0000_0000 + b;
}
