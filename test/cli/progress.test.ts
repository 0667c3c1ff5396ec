import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.js';

const fakeStream = () => {
  const writes: string[] = [];
  return {
    writes,
    stream: {
      columns: 80,
      write: (t: string) => {
        writes.push(t);
        return true;
      },
    } as unknown as NodeJS.WriteStream,
  };
};

describe('the progress bar', () => {
  it('moves with each step and clears itself at the end', () => {
    const { writes, stream } = fakeStream();
    const p = terminalProgress(stream, 0);
    p.stage('assessing');
    p.step('charts', 1, 4);
    p.step('charts', 4, 4);
    p.done();
    expect(writes[0]).toContain('assessing...');
    expect(writes.some((w) => w.includes('charts [##############################] 4/4'))).toBe(true);
    expect(writes[writes.length - 1]).toBe('\r\x1b[K');
  });

  it('stays quiet for runs under a second', () => {
    const { writes, stream } = fakeStream();
    const p = terminalProgress(stream, 1000);
    p.stage('assessing');
    p.step('charts', 1, 1);
    p.done();
    expect(writes).toEqual([]);
  });
});
