// A small XML writer: elements built as values, then written with every text and
// attribute escaped, two-space indentation and a fixed attribute order, so the same tree
// always gives the same bytes. Our own rather than an XML library: the IATI export and
// the workbook's native charts write a few element kinds, never read XML, and need
// nothing but escaping.

export interface XmlElement {
  name: string;
  /** In the order they are written; undefined values are left out. */
  attributes: [string, string][];
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** An element; attributes whose value is undefined are left out. */
export function element(
  name: string,
  attributes: Record<string, string | number | undefined> = {},
  children: readonly (XmlNode | undefined | false)[] = [],
): XmlElement {
  return {
    name,
    attributes: Object.entries(attributes).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    children: children.filter((c): c is XmlNode => c !== undefined && c !== false),
  };
}

// Characters XML 1.0 cannot carry at all (controls other than tab, newline, carriage
// return; lone surrogates; U+FFFE and U+FFFF) are dropped rather than written invalid.
const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) if (isXmlChar(ch.codePointAt(0) ?? 0)) out += ch;
  return out;
}

export function escapeText(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function write(e: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = e.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  if (e.children.length === 0) {
    out.push(`${indent}<${e.name}${attributes}/>`);
    return;
  }
  if (e.children.every((c) => typeof c === 'string')) {
    out.push(`${indent}<${e.name}${attributes}>${escapeText(e.children.join(''))}</${e.name}>`);
    return;
  }
  out.push(`${indent}<${e.name}${attributes}>`);
  for (const c of e.children) {
    if (typeof c === 'string') out.push(`${indent}  ${escapeText(c)}`);
    else write(c, depth + 1, out);
  }
  out.push(`${indent}</${e.name}>`);
}

/** The document: an XML declaration, the root element, a final newline. */
export function serializeXml(root: XmlElement, declaration = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  const out = [declaration];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}

/** One element without a declaration, on one line: a fragment to insert into a part. */
export function serializeFragment(e: XmlElement): string {
  const out: string[] = [];
  write(e, 0, out);
  return out.map((line) => line.trimStart()).join('');
}
