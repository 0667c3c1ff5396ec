// The workbook's shared strings (xl/sharedStrings.xml): each distinct text once, numbered
// in the order first written; a text cell holds its number (`t="s"`), as Excel writes them.
import { escapeText } from '../xml-writer.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Cells that point at a string (the `count` Excel writes). */
  private uses = 0;

  /** The number of a text (given the next one when new), for one more cell. */
  index(text: string): number {
    this.uses++;
    let i = this.indexes.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(text);
      this.indexes.set(text, i);
    }
    return i;
  }

  get size(): number {
    return this.texts.length;
  }

  /** The part, every text escaped (characters XML cannot carry dropped). */
  xml(): string {
    const items = this.texts.map((t) => {
      // Leading or trailing spaces and line breaks are kept only when the element says so.
      const preserve = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
      return `<si><t${preserve}>${escapeText(t)}</t></si>`;
    });
    return (
      XML_DECLARATION +
      `<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${this.texts.length}">${items.join('')}</sst>`
    );
  }
}
