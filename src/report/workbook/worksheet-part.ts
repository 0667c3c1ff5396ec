// Editing the XML exceljs wrote for a worksheet: an element put where OOXML's schema
// orders it among the sheet's children, and relationships added to a part's rels.

// Children of a worksheet in their order (ECMA-376 CT_Worksheet), from <sheetData> on.
const WORKSHEET_ORDER = [
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

export type WorksheetChild = (typeof WORKSHEET_ORDER)[number];

/** The worksheet's XML with `fragment` (an element `name`) before the first child that follows it. */
export function insertChild(xml: string, name: WorksheetChild, fragment: string): string {
  let at = xml.lastIndexOf('</worksheet>');
  if (at < 0) at = xml.length;
  for (const follower of WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1)) {
    const i = new RegExp(`<${follower}[\\s/>]`).exec(xml)?.index;
    if (i !== undefined && i < at) at = i;
  }
  return xml.slice(0, at) + fragment + xml.slice(at);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS_ROOT = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** The relationships part of a part ("xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"). */
export function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  type: string;
  /** Escaped already, as an attribute's value. */
  target: string;
  external?: boolean;
}

/** A rels part (made when missing) with relationships added, and their ids, unused before. */
export function addRelationships(
  rels: string | undefined,
  added: readonly Relationship[],
): { xml: string; ids: string[] } {
  const xml = rels ?? `${XML_DECLARATION}${RELS_ROOT}</Relationships>`;
  const used = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  const ids: string[] = [];
  let n = 1;
  for (const _ of added) {
    while (used.has(`rId${n}`)) n++;
    ids.push(`rId${n}`);
    used.add(`rId${n}`);
  }
  const elements = added.map(
    (r, i) =>
      `<Relationship Id="${ids[i]}" Type="${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return { xml: xml.replace('</Relationships>', `${elements.join('')}</Relationships>`), ids };
}
