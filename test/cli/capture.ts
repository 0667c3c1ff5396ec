import { run } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';

/** Runs `mel` in-process in a directory and captures what it prints. */
export async function mel(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const output: Output = {
    out: (t) => {
      stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    write: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
    isTTY: false,
    errIsTTY: false,
  };
  const code = await run(args, output, cwd);
  return { code, stdout, stderr };
}
