/**
 * A small pseudo-random sequence, the same on every run: `next(below)` is a whole number from 0
 * to below − 1. Taken from the generator's high bits: its low bits repeat with a short period
 * (with 28 choices, taking the remainder picked only every fourth one).
 */
export function pseudoRandom(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * below);
  };
}
