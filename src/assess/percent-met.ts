// Percent met, as TolaData's IPTT shows it (methods.md "iptt"): actual / target, or
// target / actual when a decrease is desired (below the target is then better).
import type { Direction } from '../spec/schema.js';

/** Share of a target met; null where it does not exist (a zero denominator). */
export function percentMet(actual: number, target: number, direction: Direction): number | null {
  const ratio = direction === 'decrease' ? target / actual : actual / target;
  return Number.isFinite(ratio) ? ratio : null;
}
