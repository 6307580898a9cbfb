import { formatNumber } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';

/**
 * How a chart writes its values, decided once when the spec is built and carried in it, so the
 * browser, the PNG renderer, the table and the alt text write every value the same way.
 */
export interface ChartValueFormat {
  decimals: number;
  /** Whether gains get a plus sign (changes and returns, not levels). */
  signed: boolean;
  /** The localized unit pattern around the number, e.g. `{value}%` or `{value}倍`. */
  template: string;
}

/** A plotted value in the page's language, e.g. −1.40% or 24.64倍; a gap in a line is a dash. */
export function formatChartValue(locale: Locale, format: ChartValueFormat, value: number | null): string {
  if (value === null) return '—';
  const number = formatNumber(locale, value, { decimals: format.decimals, signed: format.signed });
  return format.template.replace('{value}', number);
}

/** Decimals an axis needs so neighbouring ticks `step` apart never read the same. */
export function decimalsForStep(step: number): number {
  if (!(step > 0) || step >= 1) return 0;
  return Math.min(4, Math.ceil(-Math.log10(step) - 1e-9));
}

/** An axis tick: the chart's unit pattern with only the decimals the tick spacing needs, never a plus sign. */
export function formatChartTick(locale: Locale, format: ChartValueFormat, value: number, step: number): string {
  return formatChartValue(locale, { ...format, decimals: decimalsForStep(step), signed: false }, value);
}
