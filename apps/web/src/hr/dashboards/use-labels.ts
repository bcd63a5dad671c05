import { useTranslation } from 'react-i18next';
import { type HiddenReason, periodLabel } from './figures';

/** Periods named in the reader's language (`Week 40, 2026`, `octobre 2026`). */
export function usePeriodLabel(): (period: string) => string {
  const { t, i18n } = useTranslation();
  return (period) => periodLabel(period, i18n.language, (week, year) => t('hr.week', { week, year }));
}

/** Why a cell is hidden, as the table says it. */
export function useHiddenLabel(): (reason: HiddenReason, minGroup: number) => string {
  const { t } = useTranslation();
  return (reason, minGroup) => t(`hr.hiddenLong.${reason}`, { minGroup });
}

/** Numbers in the reader's language. */
export function useNumberFormat(options: Intl.NumberFormatOptions): (value: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, options);
  return (value) => format.format(value);
}
