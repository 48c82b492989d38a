import { distance } from 'fastest-levenshtein';

/** Edit distance between two strings (Levenshtein), case-insensitive. */
export function editDistance(a: string, b: string): number {
  return distance(a.toLowerCase(), b.toLowerCase());
}

/** The candidate closest to `word`, if it is close enough to be what was meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** ` (did you mean 'x'?)`, or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hint = closest(word, candidates);
  return hint === undefined ? '' : ` (did you mean '${hint}'?)`;
}
