// Where a record's field is in its file, as the user finds it again: a line and column
// in a CSV file, a cell (`Data!C12`) in a workbook, a JSON path (`$.rows[3][2]`) in a
// JSON document. The readers work with a record's line (a CSV line, a sheet row, a JSON
// record's number) and its field; a format's Positions turns them into the place to show.

/** A place in a file: a line and column, and the text shown instead of them when the format has one. */
export interface Location {
  readonly line?: number;
  readonly column?: number;
  /** `Data!C12`, `$.rows[3][2]`: shown instead of line and column. */
  readonly at?: string;
}

export interface Positions {
  /** The place of field `field` (0-based, as the reader's records hold them) of the record at `line`. */
  of(line: number, field?: number): Location;
}

/** A CSV file: the line, and the field's column (1-based), optionally through a map of the original columns. */
export function csvPositions(columnOfField?: (field: number) => number): Positions {
  return {
    of: (line, field) => ({
      line,
      column: field === undefined ? undefined : columnOfField ? columnOfField(field) : field + 1,
    }),
  };
}

/** The letters of a spreadsheet column: 1 is A, 27 is AA. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as a cell reference writes it: quoted when it holds anything but letters, digits and _. */
export const sheetReference = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

/** A worksheet: records are its rows (line = row number), fields its columns from A. */
export function sheetPositions(sheetName: string): Positions {
  const sheet = sheetReference(sheetName);
  return {
    of: (line, field) =>
      field === undefined
        ? { line, at: `${sheet}!${line}:${line}` }
        : { line, column: field + 1, at: `${sheet}!${columnLetters(field + 1)}${line}` },
  };
}
