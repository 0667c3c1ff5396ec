// What IATI's validator checks of results, as test helpers: the 2.03 XSDs (libxml2's
// validator, through xmllint-wasm) and the result rules of the Standard ruleset
// (IATI-Rulesets standard.json, version 2.03: 8.6.1, 8.8.x, 8.9.x, 8.10.x, 8.11.1), with
// the codelists the export uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { descendants, kids, only, type XmlNode } from '../helpers/xml-tree.js';

const xsdDir = join(import.meta.dirname, '../fixtures/iati');
const xsd = (fileName: string) => ({ fileName, contents: readFileSync(join(xsdDir, fileName), 'utf8') });

/** Schema errors of each document ([] when valid), by the IATI 2.03 activity XSD. */
export async function xsdErrors(documents: { fileName: string; xml: string }[]): Promise<string[]> {
  const result = await validateXML({
    xml: documents.map((d) => ({ fileName: d.fileName, contents: d.xml })),
    schema: [xsd('iati-activities-schema.xsd')],
    preload: [xsd('iati-common.xsd'), xsd('xml.xsd')],
  });
  return result.errors.map((e) => e.rawMessage);
}

// XPath 1.0 number(): optional whitespace, an optional minus, digits with an optional
// decimal point; anything else (1e5, 4,300, 37.5%, +3) is NaN, and `number(@value) =
// @value` fails.
const XPATH_NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

const RESULT_TYPES = ['1', '2', '3', '9'];
const MEASURES = ['1', '2', '3', '4', '5'];
const BOOLEANS = ['0', '1', 'true', 'false'];

/** Every violation of the result rules and codelists, as "rule: where: what". */
export function ruleViolations(root: XmlNode): string[] {
  const out: string[] = [];
  for (const activity of kids(root, 'iati-activity')) {
    for (const result of kids(activity, 'result')) {
      const where = `result line ${result.line}`;
      if (!RESULT_TYPES.includes(result.attributes.type ?? ''))
        out.push(`ResultType: ${where}: type ${result.attributes.type}`);
      const indicators = kids(result, 'indicator');
      // 8.11.1: a reference at result OR indicator level, never both.
      if (kids(result, 'reference').length && indicators.some((i) => kids(i, 'reference').length))
        out.push(`8.11.1: ${where}: reference on the result and on an indicator`);
      for (const indicator of indicators) {
        const measure = indicator.attributes.measure ?? '';
        const at = `indicator line ${indicator.line}`;
        if (!MEASURES.includes(measure)) out.push(`IndicatorMeasure: ${at}: measure ${measure}`);
        const ascending = indicator.attributes.ascending;
        if (ascending !== undefined && !BOOLEANS.includes(ascending)) out.push(`ascending: ${at}: ${ascending}`);
        const checkValue = (rule: string, node: XmlNode) => {
          const value = node.attributes.value;
          const place = `${node.name} line ${node.line}`;
          if (measure === '5') {
            if (value !== undefined) out.push(`${rule}.3: ${place}: a qualitative measure with a value`);
            return;
          }
          if (value === undefined) out.push(`${rule}.1: ${place}: no value`);
          else if (!XPATH_NUMBER.test(value)) out.push(`${rule}.2: ${place}: value "${value}" is not a number`);
        };
        for (const baseline of kids(indicator, 'baseline')) checkValue('8.8', baseline);
        for (const period of kids(indicator, 'period')) {
          // 8.6.1: the period starts before it ends.
          const start = only(period, 'period-start').attributes['iso-date'] ?? '';
          const end = only(period, 'period-end').attributes['iso-date'] ?? '';
          if (!(start < end)) out.push(`8.6.1: period line ${period.line}: ${start} is not before ${end}`);
          for (const target of kids(period, 'target')) checkValue('8.9', target);
          for (const actual of kids(period, 'actual')) checkValue('8.10', actual);
        }
        for (const ref of kids(indicator, 'reference'))
          if (!ref.attributes.vocabulary || !ref.attributes.code) out.push(`reference: ${at}: vocabulary and code`);
      }
    }
    if (descendants(activity, 'result').length === 0) out.push('no result');
  }
  return out;
}
