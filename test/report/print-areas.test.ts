import { describe, expect, it } from 'vitest';
import { absolutePrintAreas } from '../../src/report/workbook/print-areas.js';

const workbook = (names: string) =>
  new Map([
    ['xl/workbook.xml', new TextEncoder().encode(`<workbook><definedNames>${names}</definedNames></workbook>`)],
  ]);
const text = (parts: Map<string, Uint8Array>) => new TextDecoder().decode(parts.get('xl/workbook.xml'));

describe('print areas', () => {
  it('are written absolute, which LibreOffice needs to honour them, sheet names untouched', () => {
    const parts = workbook(
      `<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;ZM-STUNT-U5&apos;!$A1:$K96</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;ZM-STUNT-U5&apos;!$9:$9</definedName>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="3">&apos;Tracking table&apos;!$A$1:$BR47</definedName>`,
    );
    absolutePrintAreas(parts);
    expect(text(parts)).toBe(
      '<workbook><definedNames>' +
        `<definedName name="_xlnm.Print_Area" localSheetId="2">&apos;ZM-STUNT-U5&apos;!$A$1:$K$96</definedName>` +
        `<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;ZM-STUNT-U5&apos;!$9:$9</definedName>` +
        `<definedName name="_xlnm.Print_Area" localSheetId="3">&apos;Tracking table&apos;!$A$1:$BR$47</definedName>` +
        '</definedNames></workbook>',
    );
  });
});
