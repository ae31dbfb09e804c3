/**
 * CSV as Swedish Excel opens it with a double click: RFC 4180 quoting and CRLF line ends, UTF-8
 * with a byte order mark (without it Excel reads the file as Windows-1252 and "Åström" becomes
 * "Ã…strÃ¶m"), and semicolons between the fields — Excel takes the list separator from the
 * region, and in Swedish settings that is ";" because "," is the decimal comma. RFC 4180 names
 * the comma, but a Swedish resident opening a comma file gets every row in one column; programs
 * that read CSV let the separator be chosen, and data.json holds the same data for them.
 */

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

/**
 * A cell Excel would run as a formula ("=HYPERLINK(…)", "+46 70 …", "@SUM(…)") gets a leading
 * apostrophe, which Excel hides and other programs show (OWASP "CSV injection"). Plain numbers,
 * negative ones included, are left alone. data.json keeps every value exactly as it is.
 */
function defuse(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (/^[+-]?\d+([.,]\d+)?$/.test(value)) return value;
  return `'${value}`;
}

function cell(value: string): string {
  const v = defuse(value);
  return /[";\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A whole CSV file: header row, then the rows. */
export function toCsv(header: string[], rows: string[][]): Buffer {
  const lines = [header, ...rows].map((row) => row.map(cell).join(CSV_SEPARATOR));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
