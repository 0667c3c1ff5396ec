// The programme `mel init` writes: the smallest complete example a newcomer can edit,
// with a comment on every field. It must validate as written (a test checks it).
import { jsonSchemaOf } from './json-schema.js';
import type { Locale } from './schema.js';

/** `locale`: the programme's language (`mel init` gives the terminal's). */
export function starterProgramme(id: string, locale: Locale = 'en'): Record<string, string> {
  return {
    'indicators/program.yaml': `# yaml-language-server: $schema=../schema/program.schema.json
# Your programme: its results framework, where its data is, and its defaults.
program:
  id: ${id}                      # lower-case letters, digits and -
  name: My nutrition programme
  locale: ${locale}                     # en | es: the language of the reports and of mel's messages
  period: { start: 2020, end: 2030 }
  as_of: 2024                    # the period reports are made for (mel report --as-of overrides)

results:                         # the results framework: any depth, each with its level
  - { id: G1, level: impact, statement: Fewer children under five are stunted }

assessment:
  method: trajectory             # also: iptt, open-sdg, unsd-2022, unsd-2023, eurostat, aarr

data:
  - id: survey
    file: data/stunting.csv      # relative to this folder's parent; also xlsx, SDMX, DHIS2 (format:)
    disaggregations: [area]      # columns that break a series down
    totals: { area: national }   # the value marking the headline total
    source: Example values (replace with your own)
`,
    'indicators/stunting.yaml': `# yaml-language-server: $schema=../schema/indicator.schema.json
# One indicator per file: copy this one to add more.
id: STUNT-U5
name: Stunting in children under five
definition: >
  Percentage of children aged 0-59 months whose height-for-age is below -2 standard
  deviations of the WHO Child Growth Standards median.
result: G1                       # the result it measures
unit: percent                    # percent | number | ratio | currency | rate
direction: decrease              # increase | decrease
frequency: annual                # weekly | monthly | quarterly | semiannual | annual | irregular
series: { data: survey, match: { indicator: stunting_u5 } }
baseline: { period: 2020 }       # value read from the data; or write value: 30.1
targets:
  - { period: 2025, change: -5, change_unit: pp, label: Mid-term }   # 5 points less
  - { period: 2030, value: 20, label: End of programme }
valid_range: [0, 100]
`,
    'data/stunting.csv': `indicator,period,area,value,source
stunting_u5,2020,national,30.1,Example value: replace with your survey 2020
stunting_u5,2020,rural,38.4,Example value: replace with your survey 2020
stunting_u5,2020,urban,21.9,Example value: replace with your survey 2020
stunting_u5,2022,national,28.3,Example value: replace with your survey 2022
stunting_u5,2022,rural,36.0,Example value: replace with your survey 2022
stunting_u5,2022,urban,20.8,Example value: replace with your survey 2022
stunting_u5,2024,national,26.0,Example value: replace with your survey 2024
stunting_u5,2024,rural,34.1,Example value: replace with your survey 2024
stunting_u5,2024,urban,18.2,Example value: replace with your survey 2024
`,
    'schema/program.schema.json': `${JSON.stringify(jsonSchemaOf('program'), null, 2)}\n`,
    'schema/indicator.schema.json': `${JSON.stringify(jsonSchemaOf('indicator'), null, 2)}\n`,
    '.gitignore': 'reports/\n',
  };
}
