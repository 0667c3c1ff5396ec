// Where the built command is (test/build-dist.ts builds it before the tests run).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const distRoot = join(import.meta.dirname, '..', 'dist');
/** The `mel` executable as package.json's "bin" names it. */
export const melBin = join(distRoot, 'cli', 'bin.js');
/** file: URL of a built module, by its path under src/ ("report/charts/render-pool.ts"). */
export const distModule = (srcPath: string) => pathToFileURL(join(distRoot, srcPath.replace(/\.ts$/, '.js'))).href;
