// The time a pack says it was made: SOURCE_DATE_EPOCH when set (reproducible builds'
// convention), so the same inputs give the same workbook; else now.
export function runTimeOf(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000).toISOString();
  return now().toISOString();
}
