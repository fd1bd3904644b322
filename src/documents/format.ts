/** One-decimal numbers in Vietnamese ("47,3"); integers and percentages come from src/locale/vi.ts. */
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatDecimal1 = (x: number): string => oneDecimal.format(x);

const clock = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** Time of day in Vietnam with seconds, "14:05:09", for the input log. */
export const formatClock = (at: Date): string => clock.format(at);
