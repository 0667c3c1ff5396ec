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
  let line = '';
  const write = (text: string) => {
    line = text;
    if (Date.now() - started < delayMs) return;
    shown = true;
    stream.write(`\r${text.slice(0, (stream.columns ?? 80) - 1)}\x1b[K`);
  };
  // A run still busy after the delay shows the phase it is in, even before its next step.
  const timer = setTimeout(() => {
    if (line) write(line);
  }, delayMs);
  timer.unref();
  return {
    stage(label) {
      write(`${label}...`);
    },
    step(label, done, total) {
      const now = Date.now();
      if (now - last < 80 && done < total) {
        line = bar(label, done, total);
        return;
      }
      last = now;
      write(bar(label, done, total));
    },
    done() {
      clearTimeout(timer);
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

function bar(label: string, done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}
