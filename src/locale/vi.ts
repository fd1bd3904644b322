/** Vietnamese formatting of numbers, percentages and dates, the way Party documents write them. */

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 4294 → "4.294" */
export const formatInteger = (n: number): string => integerFormat.format(n);

/** 89.84 → "89,84%" (the value is already a percentage with two decimals). */
export const formatPercent = (percent: number): string => `${percentFormat.format(percent)}%`;

const dateParts = (date: Date | string): { day: number; month: number; year: number } => {
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return { day, month, year };
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric',
  }).formatToParts(typeof date === 'string' ? new Date(date) : date);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { day: get('day'), month: get('month'), year: get('year') };
};

/** As in Party and State documents, days below 10 and the months January and February take a leading zero. */
const documentDay = (day: number): string => String(day).padStart(2, '0');
const documentMonth = (month: number): string => (month < 3 ? String(month).padStart(2, '0') : String(month));

/** "2020-07-15" → "ngày 15 tháng 7 năm 2020", "2021-02-05" → "ngày 05 tháng 02 năm 2021" (Vietnam time for instants). */
export const formatDateLong = (date: Date | string): string => {
  const { day, month, year } = dateParts(date);
  return `ngày ${documentDay(day)} tháng ${documentMonth(month)} năm ${year}`;
};

/** "2020-07-15" → "15/7/2020", "2021-02-05" → "05/02/2021" (the same leading zeros as the long form). */
export const formatDateShort = (date: Date | string): string => {
  const { day, month, year } = dateParts(date);
  return `${documentDay(day)}/${documentMonth(month)}/${year}`;
};

/** Time of day in Vietnam, "14:05". */
export const formatTime = (date: Date): string =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
