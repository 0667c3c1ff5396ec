import { relative, resolve } from 'node:path';
import { exportIati } from '../../export/export-iati.js';
import { ExportFileError, writeExportFile } from '../../export/write-export-file.js';
import { loadWorkspace } from '../../workspace/load-workspace.js';
import { parseAsOf } from '../arguments.js';
import { type Command, programOption, sharedOptions, stringOption } from '../command.js';
import { InputErrors, UsageError } from '../errors.js';
import { issueBase, printIssues } from '../output.js';

/** What `mel export` can write. */
const formats = ['iati'] as const;

export const exportCommand: Command = {
  name: 'export',
  synopsis: 'iati [--program FILE] [--as-of P] [--out FILE]',
  summary: 'the results framework as an IATI 2.03 activity file (targets and actuals per period)',
  options: {
    program: sharedOptions.program,
    'as-of': sharedOptions['as-of'],
    out: sharedOptions.out,
  },
  maxArguments: 1,
  async run(values, args, { cwd, output }) {
    const format = args[0];
    if (format === undefined || !(formats as readonly string[]).includes(format))
      throw new UsageError(
        format === undefined
          ? `mel export: say what to export: ${formats.join(', ')}`
          : `mel export: unknown format "${format}"; formats: ${formats.join(', ')}`,
        exportCommand,
      );
    const asOf = parseAsOf(stringOption(values, 'as-of'));
    const { workspace, issues, root } = await loadWorkspace(cwd, programOption(values));
    if (printIssues(issues, output, issueBase(cwd, root)) || !workspace) throw new InputErrors();
    const exported = exportIati(workspace, { asOf, env: process.env });
    if (printIssues(exported.issues, output, issueBase(cwd, root)) || !exported.iati) throw new InputErrors();
    const { iati } = exported;
    // --out is where the user says, from where mel runs; the default is inside the programme.
    const out = stringOption(values, 'out');
    const target = out
      ? resolve(cwd, out)
      : resolve(root, `reports/${workspace.program.id}/iati-activities-${iati.asOf}.xml`);
    const program = workspace.program;
    let written: string;
    try {
      written = writeExportFile(target, iati.xml, {
        shown: out ?? relative(cwd, target),
        defaultName: `iati-activities-${iati.asOf}.xml`,
        inputs: [program.file, ...program.indicators.map((i) => i.file), ...program.dataSources.map((d) => d.file)].map(
          (f) => resolve(root, f),
        ),
        isExport: (head) => /^\s*<\?xml[^>]*\?>\s*<iati-activities[\s>]/.test(head),
      });
    } catch (e) {
      if (e instanceof ExportFileError) throw new InputErrors(e.message);
      throw e;
    }
    const warnings = issues.length + exported.issues.length;
    const shown = relative(cwd, written).startsWith('..') ? written : relative(cwd, written);
    output.out(
      `wrote ${shown}: ${iati.results} result${iati.results === 1 ? '' : 's'}, ` +
        `${iati.indicators} indicator${iati.indicators === 1 ? '' : 's'} (as of ${iati.asOf}` +
        `${warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'} above` : ''})`,
    );
  },
};
