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

/** An instant as a deadline reads: "17 giờ 00, ngày 31 tháng 12 năm 2026" (Vietnam time). */
export const formatDeadline = (date: Date | string): string => {
  const d = typeof date === 'string' ? new Date(date) : date;
  const [hour, minute] = formatTime(d).split(':');
  return `${hour} giờ ${minute}, ${formatDateLong(d)}`;
};

/** An instant as the value of an `<input type="datetime-local">` in Vietnam time: "2026-12-31T17:00". */
export const toLocalInput = (date: Date | string): string => {
  const d = typeof date === 'string' ? new Date(date) : date;
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(d);
  const get = (type: string): string => p.find((x) => x.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
};

/** A `datetime-local` value typed as Vietnam time (UTC+7 all year, no daylight saving) → an ISO instant; null if malformed. */
export const fromLocalInput = (value: string): string | null =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/u.test(value) && !Number.isNaN(Date.parse(`${value}:00+07:00`)) ? new Date(`${value}:00+07:00`).toISOString() : null;
