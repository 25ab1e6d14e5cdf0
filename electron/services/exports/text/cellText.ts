const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad6 = (n: number): string => String(n).padStart(6, '0');

/**
 * Civil date from days since 1970-01-01 (Howard Hinnant's algorithm): exact for every day
 * Arrow can hold and much faster than building a Date per cell.
 */
export function formatDate(days: number): string {
  // Real columns repeat the same days over and over: remember recent spellings.
  const known = dateCache.get(days);
  if (known !== undefined) return known;
  if (dateCache.size > 50_000) dateCache.clear();
  const text = civilDate(days);
  dateCache.set(days, text);
  return text;
}

const dateCache = new Map<number, string>();

function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const yearText = year >= 0 && year < 10_000 ? String(year).padStart(4, '0') : String(year);
  return `${yearText}-${pad2(month)}-${pad2(day)}`;
}

const MICROS_PER_DAY = 86_400_000_000n;
const MICROS_PER_DAY_NUMBER = 86_400_000_000;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** `HH:MM:SS[.ffffff]` from microseconds since midnight. */
export function formatTime(micros: bigint): string {
  return timeOfDay(Number(micros));
}

function timeOfDay(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = micros - seconds * 1_000_000;
  const base = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  return fraction ? `${base}.${pad6(fraction)}` : base;
}

/** `formatDateTime` for a microsecond count already known to be a safe integer. */
export function formatDateTimeNumber(value: number): string {
  const days = Math.floor(value / MICROS_PER_DAY_NUMBER);
  return `${formatDate(days)} ${timeOfDay(value - days * MICROS_PER_DAY_NUMBER)}`;
}

/** `formatTime` for a safe-integer microsecond count. */
export function formatTimeNumber(value: number): string {
  return timeOfDay(value);
}

/** `YYYY-MM-DD HH:MM:SS[.ffffff]` from microseconds since the epoch (how Redivis writes datetimes). */
export function formatDateTime(micros: bigint): string {
  // Number arithmetic is exact below 2^53 µs (±285 years) and far faster than BigInt.
  if (micros < SAFE && micros > -SAFE) return formatDateTimeNumber(Number(micros));
  let days = micros / MICROS_PER_DAY;
  let rest = micros - days * MICROS_PER_DAY;
  if (rest < 0n) {
    days -= 1n;
    rest += MICROS_PER_DAY;
  }
  return `${formatDate(Number(days))} ${timeOfDay(Number(rest))}`;
}
