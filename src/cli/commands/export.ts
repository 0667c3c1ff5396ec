import { relative, resolve } from 'node:path';
import { loadWorkspace } from '../../workspace/load-workspace.js';
import { parseAsOf } from '../arguments.js';
import { type Command, programOption, sharedOptions, stringOption } from '../command.js';
import { InputErrors, UsageError } from '../errors.js';
import { issueBase, printIssues } from '../output.js';
import { cliMessages } from '../../messages/cli.js';

/** What `mel export` can write. */
const formats = ['iati'] as const;

export const exportCommand: Command = {
  name: 'export',
  synopsis: 'iati [--program FILE] [--as-of P] [--out FILE] [--locale en|es]',
  options: {
    program: sharedOptions.program,
    'as-of': sharedOptions['as-of'],
    out: sharedOptions.out,
    locale: sharedOptions.locale,
  },
  maxArguments: 1,
  async run(values, args, ctx) {
    const { cwd, output } = ctx;
    const format = args[0];
    if (format === undefined || !(formats as readonly string[]).includes(format))
      throw new UsageError(
        (m) => (format === undefined ? m.exportWhat(formats) : m.exportUnknownFormat(format, formats)),
        exportCommand,
      );
    const asOf = parseAsOf(stringOption(values, 'as-of'));
    const { workspace, issues, root, locale: stated } = await loadWorkspace(cwd, programOption(values));
    const locale = ctx.locale(stated);
    if (printIssues(issues, output, issueBase(cwd, root), locale) || !workspace) throw new InputErrors();
    // The export's modules load only for this command.
    const { exportIati } = await import('../../export/export-iati.js');
    const { ExportFileError, writeExportFile } = await import('../../export/write-export-file.js');
    const exported = exportIati(workspace, { asOf, env: process.env });
    if (printIssues(exported.issues, output, issueBase(cwd, root), locale) || !exported.iati) throw new InputErrors();
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
      if (e instanceof ExportFileError) throw new InputErrors(e.text);
      throw e;
    }
    output.out(
      cliMessages[locale].exportWritten({
        file: relative(cwd, written).startsWith('..') ? written : relative(cwd, written),
        results: iati.results,
        indicators: iati.indicators,
        asOf: iati.asOf,
        warnings: issues.length + exported.issues.length,
      }),
    );
  },
};
