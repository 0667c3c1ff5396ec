// XML read back in tests (the IATI file, the workbook's chart parts) as a small tree, with
// the few queries the tests need. saxes is the parser exceljs itself reads XML with.
import { SaxesParser } from 'saxes';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside the element, whitespace trimmed. */
  text: string;
  /** Line of the start tag (1-based). */
  line: number;
}

export function parseXml(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: '',
      line: parser.line,
    };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node) node.text = node.text.trim();
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** Children of a node with a name. */
export const kids = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);

/** The only child with a name (throws when there is none or several). */
export function only(n: XmlNode, name: string): XmlNode {
  const found = kids(n, name);
  if (found.length !== 1) throw new Error(`${n.name} has ${found.length} <${name}>`);
  return found[0] as XmlNode;
}

/** Every descendant with a name, in document order. */
export function descendants(n: XmlNode, name: string): XmlNode[] {
  return n.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}
