// The single source of the file formats: these zod schemas give the TypeScript types
// (z.infer), the validation with its messages, and the JSON Schema `mel schema` prints.
// Field names and meanings follow ../shared/spec/FORMAT.md.
import { z } from 'zod';

/** A rule of the files zod's types do not say; messages/spec.ts schemaRule says it in words. */
export type SchemaRule =
  | { rule: 'formatOnly'; formats: readonly string[]; format: string }
  | { rule: 'needsWideLayout' }
  | { rule: 'targetNeedsValue' }
  | { rule: 'valueOrChange' }
  | { rule: 'changeNeedsUnit' };

/**
 * A rule as a custom zod issue: the rule itself in `params`, which schema-issues.ts turns
 * into the catalogue's words (zod's `message` only names the rule; no user reads it).
 */
const ruleIssue = (rule: SchemaRule, path?: (string | number)[]) => ({
  code: 'custom' as const,
  ...(path ? { path } : {}),
  message: `mel rule ${rule.rule}`,
  params: rule,
});

const periodText = z
  .union([z.string(), z.number().int()])
  .describe(
    'A period: 2006, 2006-Q1, 2006-03, 2006-S1, 2006-W05, FY2006, 2006April, or a survey round such as 2007-2008',
  );

export const units = ['percent', 'number', 'ratio', 'currency', 'rate'] as const;
export const directions = ['increase', 'decrease'] as const;
export const frequencies = ['weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'irregular'] as const;
export const reportingFrequencies = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export const accumulations = ['level', 'sum', 'cumulative'] as const;
export const methodNames = ['trajectory', 'iptt', 'open-sdg', 'unsd-2022', 'unsd-2023', 'eurostat', 'aarr'] as const;
export const changeUnits = ['pp', 'percent', 'unit'] as const;
export const duplicatePolicies = ['error', 'first', 'last', 'mean'] as const;
export const locales = ['en', 'es'] as const;

export const bandsSchema = z
  .strictObject({
    on_track: z
      .number()
      .describe('Progress ratio at or above which an indicator is on track (default 0.85)')
      .default(0.85),
    at_risk: z
      .number()
      .describe('Progress ratio at or above which it is at risk (default 0.60); below: off track')
      .default(0.6),
  })
  .describe('Bands of the trajectory method');

export const resultSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a result id uses letters, digits, _ . and -'),
  level: z.string().describe("impact, outcome, output... (or the donor's own level names)"),
  statement: z.string().min(1),
  parent: z.string().optional(),
});

/** A column name as program.yaml gives it: never empty (an empty name would bind an unnamed column). */
const columnName = z
  .string()
  .refine((name) => name.trim() !== '', 'a column name cannot be empty; name the column as its header reads')
  .describe('A column header; in a workbook, a column whose header cell is empty is named by its letter (H)');

export const columnsSchema = z
  .strictObject({
    indicator: columnName.optional().describe('Default: indicator (dx in DHIS2, INDICATOR in SDMX-CSV)'),
    period: columnName.optional().describe('Default: period (pe in DHIS2, TIME_PERIOD in SDMX-CSV)'),
    value: columnName.optional().describe('Default: value (OBS_VALUE in SDMX-CSV)'),
    source: columnName.optional().describe('Column with where each number comes from'),
    note: columnName.optional(),
  })
  .describe('Which columns of the file hold what (defaults shown; each format has its own defaults)');

export const dataFormats = ['long', 'wide', 'xlsx', 'sdmx-csv', 'dhis2', 'eurostat-tsv'] as const;
export const dateOrders = ['dmy', 'mdy'] as const;

export const dataSourceSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a data source id uses letters, digits, _ . and -'),
    file: z.string().min(1).describe('The data file, relative to the programme root'),
    format: z
      .enum(dataFormats)
      .default('long')
      .describe(
        'long or wide CSV, an Excel workbook (xlsx), SDMX-CSV, DHIS2 Web API JSON (analytics or ' +
          'dataValueSets), or Eurostat TSV',
      ),
    layout: z.enum(['long', 'wide']).optional().describe('xlsx: the layout of the table in the sheet (default long)'),
    periods: z
      .enum(['columns', 'rows'])
      .optional()
      .describe(
        'Wide layouts: one column per period (default), or one row per period and one column per series (a ' +
          'DHIS2 or Excel pivot)',
      ),
    sheet: z
      .union([z.string().min(1), z.number().int().min(1)])
      .optional()
      .describe('xlsx: the sheet, by name or 1-based position (default the first)'),
    header_row: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The line (row of a sheet) holding the header; found within the first 20 when not given'),
    indicator: z
      .string()
      .min(1)
      .optional()
      .describe('A file of one indicator without an indicator column: the code every row carries'),
    columns: columnsSchema.optional(),
    id_columns: z
      .array(columnName)
      .optional()
      .describe('Wide layout: the columns that are not periods (periods: rows: the columns that are not series)'),
    disaggregations: z
      .array(columnName)
      .optional()
      .describe(
        'Columns that break a series down (area, sex, district...); SDMX, DHIS2 and Eurostat files default to ' +
          'their dimensions',
      ),
    totals: z
      .record(z.string(), z.union([z.string(), z.array(z.string())]))
      .optional()
      .describe(
        'Per disaggregation column, the value(s) marking the headline total row (default: total, national, ' +
          'nacional, all, todos, _T)',
      ),
    source: z.string().optional().describe('Default label of where the numbers come from'),
    duplicates: z.enum(duplicatePolicies).default('error'),
    delimiter: z.enum([',', ';', '\t', '|']).optional().describe('Detected when not given'),
    decimal: z.enum(['.', ',']).optional().describe('Decimal mark; a comma is assumed when the delimiter is ;'),
    encoding: z.enum(['utf-8', 'windows-1252', 'latin1']).optional().describe('Detected when not given'),
    missing: z
      .array(z.string())
      .optional()
      .describe('Extra texts meaning "no value" besides empty, NA, n/a, .., -, n.d.'),
    dates: z
      .enum(dateOrders)
      .optional()
      .describe('How dates such as 01/02/2024 are written: day first (dmy, the default) or month first (mdy)'),
    names: z
      .boolean()
      .optional()
      .describe("dhis2 and sdmx-csv: use the display names of the file's metadata instead of codes"),
  })
  .superRefine((d, ctx) => {
    const only = (key: keyof typeof d, formats: readonly string[]) => {
      if (d[key] !== undefined && !formats.includes(d.format))
        ctx.addIssue(ruleIssue({ rule: 'formatOnly', formats, format: d.format }, [key]));
    };
    only('layout', ['xlsx']);
    only('sheet', ['xlsx']);
    only('periods', ['wide', 'xlsx']);
    only('names', ['dhis2', 'sdmx-csv']);
    only('delimiter', ['long', 'wide', 'sdmx-csv']);
    if (d.periods === 'rows' && d.format === 'xlsx' && d.layout !== 'wide')
      ctx.addIssue(ruleIssue({ rule: 'needsWideLayout' }, ['periods']));
  });

/** IATI OrganisationType codes (codelist of the IATI Standard 2.03). */
export const iatiOrganisationTypes = [
  '10',
  '11',
  '15',
  '21',
  '22',
  '23',
  '24',
  '30',
  '40',
  '60',
  '70',
  '71',
  '72',
  '73',
  '80',
  '90',
] as const;
/** IATI OrganisationRole codes: 1 funding, 2 accountable, 3 extending, 4 implementing. */
export const iatiOrganisationRoles = ['1', '2', '3', '4'] as const;

// An IATI identifier never holds spaces nor / & | ? (IATI Standard, identifiers).
const iatiIdentifierText = z
  .string()
  .min(1)
  .regex(/^[^\s/&|?]+$/, 'an IATI identifier has no spaces and none of / & | ?');
/** A code of an IATI codelist, written as text or as a number (`type: 21`), read as text. */
const codeText = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z.union([z.enum(codes), z.literal(codes.map(Number))]).transform((v) => String(v) as T[number]);

export const iatiOrganisationSchema = z.strictObject({
  ref: iatiIdentifierText.describe("The organisation's IATI identifier (XM-DAC-41114, GB-CHC-292506)"),
  type: codeText(iatiOrganisationTypes).describe(
    'IATI OrganisationType code: 10 government, 21 international NGO, 22 national NGO, 40 multilateral, 80 academic...',
  ),
  name: z.string().min(1),
});

export const iatiSchema = z
  .strictObject({
    identifier: iatiIdentifierText.describe(
      "The activity's IATI identifier: the reporting organisation's ref, a hyphen, the activity's own code",
    ),
    reporting_org: iatiOrganisationSchema.describe('The organisation that publishes the activity'),
    description: z.string().min(1).optional().describe('Description of the activity (default: a sentence naming it)'),
    participating_orgs: z
      .array(
        iatiOrganisationSchema.extend({
          role: codeText(iatiOrganisationRoles).describe(
            'IATI OrganisationRole code: 1 funding, 2 accountable, 3 extending, 4 implementing',
          ),
        }),
      )
      .optional()
      .describe('Organisations taking part (default: the reporting organisation, implementing)'),
  })
  .describe('How `mel export iati` identifies the programme as an IATI activity');

export const programSchema = z.strictObject({
  $schema: z.string().optional(),
  program: z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'a programme id uses lower-case letters, digits and -'),
    name: z.string().min(1),
    locale: z.enum(locales).default('en'),
    period: z.strictObject({ start: periodText, end: periodText }).describe('Programme period (the T of SMART)'),
    as_of: periodText.optional().describe('Default reporting period; --as-of overrides'),
    fiscal_year_start: z.number().int().min(1).max(12).default(1),
    reporting: z
      .enum(reportingFrequencies)
      .default('annual')
      .describe(
        'Reporting periods: the columns of the IPTT tracking table (fiscal years and their quarters follow ' +
          'fiscal_year_start)',
      ),
    iati: iatiSchema.optional(),
  }),
  results: z.array(resultSchema).default([]),
  assessment: z
    .strictObject({
      method: z.enum(methodNames).default('trajectory'),
      bands: bandsSchema.optional(),
      open_sdg_base_year: z.number().int().optional().describe('Open SDG base year (default 2015)'),
    })
    .default({ method: 'trajectory' }),
  data: z.array(dataSourceSchema).default([]),
});

/** A breakdown named by some or all of its disaggregation columns: { sex: female }. */
export const breakdownKeySchema = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .describe(
    'The breakdown a target is for, by disaggregation column: { sex: female }; naming only some columns ' +
      'targets their group total',
  );

export const targetSchema = z
  .strictObject({
    period: periodText,
    value: z.number().optional(),
    change: z.number().optional().describe('Change from the baseline, in change_unit'),
    change_unit: z.enum(changeUnits).optional(),
    for: breakdownKeySchema.optional(),
    label: z.string().optional(),
    source: z.string().optional(),
  })
  .superRefine((t, ctx) => {
    if (t.value === undefined && t.change === undefined) {
      ctx.addIssue(ruleIssue({ rule: 'targetNeedsValue' }));
    }
    if (t.value !== undefined && t.change !== undefined) {
      ctx.addIssue(ruleIssue({ rule: 'valueOrChange' }));
    }
    if (t.change !== undefined && t.change_unit === undefined) {
      ctx.addIssue(ruleIssue({ rule: 'changeNeedsUnit' }, ['change_unit']));
    }
  });

export const baselineSchema = z.strictObject({
  period: periodText,
  value: z.number().optional().describe('Omitted: read from the data, per breakdown'),
  source: z.string().optional(),
});

export const aggregateSchema = z
  .union([
    z.literal('sum'),
    z.literal('none'),
    z.strictObject({
      numerator: z.string(),
      denominator: z.string(),
      factor: z.number().default(100),
    }),
  ])
  .describe(
    'How a headline total is computed from breakdowns when no row is the total: sum (counts), numerator over ' +
      'denominator (percentages), or none (the breakdowns have no meaningful total)',
  );

export const lopTargetSchema = z
  .union([
    z.number(),
    z.strictObject({
      total: z.number().optional().describe('The headline total over the programme period'),
      by: z
        .array(z.strictObject({ for: breakdownKeySchema, value: z.number() }))
        .default([])
        .describe('Life-of-programme targets of breakdowns'),
    }),
  ])
  .describe(
    'Life-of-programme target of a sum or cumulative indicator: the total expected over program.period ' +
      '(default: the sum of the windowed targets)',
  );

export const indicatorSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'an indicator id uses letters, digits, _ . and -'),
  name: z.string().min(1),
  definition: z.string().optional().describe('The Specific of SMART: say exactly what is counted'),
  result: z.string().optional().describe('The result it measures (the Relevant of SMART)'),
  unit: z.enum(units),
  unit_label: z.string().optional().describe('How the unit reads on charts: "% of children under 5", "GEL million"'),
  direction: z.enum(directions),
  frequency: z.enum(frequencies).default('annual'),
  accumulation: z.enum(accumulations).default('level'),
  series: z
    .strictObject({
      data: z.string(),
      match: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    })
    .optional(),
  formula: z.string().optional(),
  inputs: z.record(z.string(), z.string()).optional(),
  aggregate: aggregateSchema.optional(),
  baseline: baselineSchema.optional(),
  targets: z.array(targetSchema).default([]),
  lop_target: lopTargetSchema.optional(),
  valid_range: z.tuple([z.number(), z.number()]).optional(),
  natural_limit: z.number().optional().describe('Open SDG natural limit L (method 1, no target)'),
  method: z.enum(methodNames).optional(),
  compare: z
    .array(z.string())
    .optional()
    .describe(
      'Indicators measuring the same thing from another source: charted side by side and compared in the ' +
        'data-quality sheet, never spliced into one series',
    ),
  pirs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  references: z.array(z.strictObject({ title: z.string(), url: z.string().optional() })).optional(),
});

export type ProgramFile = z.infer<typeof programSchema>;
export type IndicatorFile = z.infer<typeof indicatorSchema>;
export type DataSource = z.infer<typeof dataSourceSchema>;
export type TargetSpec = z.infer<typeof targetSchema>;
export type ResultSpec = z.infer<typeof resultSchema>;
export type IatiSpec = z.infer<typeof iatiSchema>;
export type Unit = (typeof units)[number];
export type Direction = (typeof directions)[number];
export type Accumulation = (typeof accumulations)[number];
export type ReportingFrequency = (typeof reportingFrequencies)[number];
export type MethodName = (typeof methodNames)[number];
export type Locale = (typeof locales)[number];
export type DuplicatePolicy = (typeof duplicatePolicies)[number];
