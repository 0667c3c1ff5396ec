import { run } from '../../src/cli/main.js';
import type { Environment } from '../../src/cli/locale.js';
import type { Output } from '../../src/cli/output.js';

/**
 * Runs `mel` in-process in a directory and captures what it prints. The environment is
 * `env` (none by default), so the test machine's LANG never changes the language.
 */
export async function mel(
  args: string[],
  cwd: string,
  env: Environment = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
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
  const code = await run(args, output, cwd, env);
  return { code, stdout, stderr };
}
