/** What the invoicing CSV holds of a billable line. */
export interface InvoicingCsvLine {
  occurredAt?: string | null;
  organisationName?: string | null;
  organisationVatNumber?: string | null;
  certificateNumber?: string | null;
  kind?: string | null;
  copyNumber?: number | null;
  member?: boolean | null;
  amountCents?: number | null;
  currency?: string | null;
}

/** Column names for the bookkeeping program that imports the file: the same in every language. */
export const INVOICING_CSV_HEADER = ['date', 'company', 'vat_number', 'certificate_number', 'kind', 'copy_number', 'member_price', 'amount', 'currency'] as const;

/**
 * A text cell: a leading =, +, -, @, tab or carriage return would make a spreadsheet read the cell as
 * a formula (CSV injection, OWASP), so such a value gets a leading apostrophe; a value with the
 * separator, a quote or a line break is quoted (RFC 4180). So is one with a semicolon or a tab: a
 * spreadsheet set to Belgian, Dutch, French or German conventions splits lines on ';', and an unquoted
 * `Acme;=HYPERLINK(…)` would give a cell starting with '=' there; quoted, it stays one cell.
 */
export function csvText(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Cents as a decimal with a point and two decimals (5 → "0.05", 2550 → "25.50"). */
export function csvAmount(cents: number | null | undefined): string {
  const value = Math.round(cents ?? 0);
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * The month's lines as CSV: a header row, one row per line, comma-separated, CRLF line ends (RFC 4180),
 * dates as YYYY-MM-DD in UTC (the month the API counts in), amounts in decimal with a point. A byte
 * order mark first, so a spreadsheet opens accented company names as UTF-8.
 */
export function invoicingCsv(lines: readonly InvoicingCsvLine[]): string {
  const rows = lines.map((line) => [
    line.occurredAt ? new Date(line.occurredAt).toISOString().slice(0, 10) : '',
    csvText(line.organisationName),
    csvText(line.organisationVatNumber),
    csvText(line.certificateNumber),
    csvText(line.kind),
    line.copyNumber == null ? '' : String(line.copyNumber),
    line.member ? 'yes' : 'no',
    csvAmount(line.amountCents),
    csvText(line.currency),
  ]);
  return `\uFEFF${[INVOICING_CSV_HEADER.join(','), ...rows.map((row) => row.join(','))].join('\r\n')}\r\n`;
}
