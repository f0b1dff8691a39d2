/**
 * Numbers and dates as the console's language writes them. Numbers inside a translated sentence
 * use i18next's `{{value, number}}`, which is the same Intl.NumberFormat for the same language.
 */
type DateInput = string | number | Date | undefined;

function toDate(value: DateInput): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Dates as the user's language writes them; the raw value when it is not a date. */
export function formatDateTime(value: DateInput, locale: string): string {
  const date = toDate(value);
  if (!date) return value === undefined ? '' : String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A time of day to the second, such as when a signature expires. */
export function formatTime(value: DateInput, locale: string): string {
  const date = toDate(value);
  if (!date) return value === undefined ? '' : String(value);
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(date);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** 1,536 bytes → "1.5 KB" (binary units, as the gateway counts its limits). */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KB`;
  return `${oneDecimal.format(bytes / 1024 / 1024)} MB`;
}
