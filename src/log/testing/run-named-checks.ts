/**
 * Runs named async checks one after another and reports each, failed or not, with its
 * time. The storage contract and the partition-log scenarios share it, under Vitest and in
 * a Chromium worker alike. `elapsedMs` is the caller's clock.
 */
export interface NamedCheckResult {
  name: string;
  passed: boolean;
  /** The failure's message (with its stack when there is one); empty when passed. */
  error: string;
  durationMs: number;
}

export async function runNamedChecks<Check extends { name: string }>(
  checks: readonly Check[],
  runOne: (check: Check) => Promise<void>,
  elapsedMs: () => number,
): Promise<NamedCheckResult[]> {
  const results: NamedCheckResult[] = [];
  for (const check of checks) {
    const startedMs = elapsedMs();
    let error = "";
    try {
      await runOne(check);
    } catch (failure) {
      error = failure instanceof Error ? (failure.stack ?? `${failure.name}: ${failure.message}`) : String(failure);
    }
    results.push({ name: check.name, passed: error === "", error, durationMs: elapsedMs() - startedMs });
  }
  return results;
}
