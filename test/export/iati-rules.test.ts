// The ruleset check the export's tests rely on finds what IATI's validator would.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../helpers/xml-tree.js';
import { ruleViolations } from './iati-rules.js';

const activity = (results: string) =>
  `<iati-activities version="2.03"><iati-activity>${results}</iati-activity></iati-activities>`;

describe('the result rules of the IATI Standard ruleset, as the tests check them', () => {
  it('finds each broken rule', () => {
    const xml = activity(`
      <result type="7">
        <title><narrative>R</narrative></title>
        <reference vocabulary="99" code="R1"/>
        <indicator measure="1" ascending="yes">
          <title><narrative>I</narrative></title>
          <reference vocabulary="99" code="I1"/>
          <baseline year="2020" value="37.5%"/>
          <period>
            <period-start iso-date="2021-03-01"/><period-end iso-date="2021-03-01"/>
            <target value="4,300"/>
            <actual/>
            <actual value="1e5"/>
          </period>
        </indicator>
        <indicator measure="5">
          <title><narrative>Q</narrative></title>
          <baseline year="2020" value="good"/>
        </indicator>
      </result>`);
    const rules = ruleViolations(parseXml(xml)).map((v) => v.split(':')[0]);
    expect(rules).toEqual([
      'ResultType',
      '8.11.1',
      'ascending',
      '8.8.2',
      '8.6.1',
      '8.9.2',
      '8.10.1',
      '8.10.2',
      '8.8.3',
    ]);
  });

  it('passes plain decimals, a period that ends after it starts, a reference on indicators only', () => {
    const xml = activity(`
      <result type="1">
        <title><narrative>R</narrative></title>
        <indicator measure="2" ascending="0">
          <title><narrative>I</narrative></title>
          <reference vocabulary="99" code="I1"/>
          <baseline year="2020" value="37.5"/>
          <period>
            <period-start iso-date="2021-01-01"/><period-end iso-date="2021-03-31"/>
            <target value="-0.25"/><actual value="4300"/>
          </period>
        </indicator>
      </result>`);
    expect(ruleViolations(parseXml(xml))).toEqual([]);
  });
});
