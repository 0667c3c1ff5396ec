// Worksheet names Excel accepts: at most 31 characters, none of [ ] : * ? / \, no
// apostrophe at either end (we drop apostrophes altogether: the print-titles name quotes
// the sheet name with them), not "History", and unique ignoring case.
export const MAX_SHEET_NAME = 31;

/** The name made acceptable, before uniqueness. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '_')
    // Control characters cannot appear in a sheet name.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/'/g, '')
    .trim()
    .slice(0, MAX_SHEET_NAME)
    .trim();
  return cleaned === '' ? 'Sheet' : cleaned;
}

/** Hands out unique sheet names; "History" is reserved by Excel. */
export class SheetNames {
  private readonly used = new Set<string>(['history']);

  /** Reserves a name and returns it, made acceptable and unique ("IND-1", "IND-1 (2)"...). */
  take(wanted: string): string {
    const base = sanitizeSheetName(wanted);
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}
