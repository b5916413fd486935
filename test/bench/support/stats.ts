/**
 * Summary statistics for benchmark samples (milliseconds): nearest-rank percentiles, so a p95 over
 * 500 samples is the 475th smallest sample, never an interpolation between two.
 */

/** The nearest-rank percentile `p` (0–100) of `samples`; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** p50, p95, max and the number of samples. */
export interface Summary { n: number; p50: number; p95: number; max: number }

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples.length === 0 ? Number.NaN : Math.max(...samples),
  };
}

/** Milliseconds with two decimals, e.g. `3.14 ms`. */
export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

/** A ratio with two decimals, e.g. `1.08×`. */
export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}
