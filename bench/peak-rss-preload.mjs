// Preloaded into each process bench/run.ts times (`node --import <this file> ...`): on
// exit, writes the process's peak resident memory to the file named by
// MEL_BENCH_RSS_FILE, as JSON { "maxRSS": <kilobytes>, ... }. process.resourceUsage()
// .maxRSS is the kernel's high-water mark (getrusage ru_maxrss, in kilobytes) for the
// whole process, every thread included (DuckDB's worker threads, libuv's pool, V8's heap
// and native memory alike), so it cannot miss a short spike the way sampling would.
import { writeFileSync } from 'node:fs';

const file = process.env.MEL_BENCH_RSS_FILE;
if (file) {
  delete process.env.MEL_BENCH_RSS_FILE; // never inherited by a grandchild
  const started = performance.now();
  process.on('exit', (code) => {
    try {
      const u = process.resourceUsage();
      writeFileSync(
        file,
        JSON.stringify({
          maxRSS: u.maxRSS,
          userCPUSeconds: u.userCPUTime / 1e6,
          systemCPUSeconds: u.systemCPUTime / 1e6,
          secondsSincePreload: (performance.now() - started) / 1000,
          exitCode: code,
        }),
      );
    } catch {
      // nothing to do: the harness reports the memory as unknown
    }
  });
}
