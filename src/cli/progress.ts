// A progress bar on a terminal for runs over a second; nothing when not a terminal or
// with --quiet, so logs and pipes stay clean.
export interface Progress {
  /** A phase without a count: "reading data", "workbook". */
  stage(label: string): void;
  step(label: string, done: number, total: number): void;
  done(): void;
}

export const silentProgress: Progress = { stage: () => {}, step: () => {}, done: () => {} };

export function terminalProgress(stream: NodeJS.WriteStream, delayMs = 1000): Progress {
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    stage(label) {
      if (Date.now() - started < delayMs) return;
      shown = true;
      stream.write(`\r${label}...\x1b[K`);
    },
    step(label, done, total) {
      const now = Date.now();
      if (now - started < delayMs || (now - last < 80 && done < total)) return;
      last = now;
      shown = true;
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      const text = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
      stream.write(`\r${text.slice(0, (stream.columns ?? 80) - 1)}\x1b[K`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
