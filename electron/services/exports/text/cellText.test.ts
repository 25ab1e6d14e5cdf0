import { expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './cellText';

/** An independent reference built on Date: whole seconds floored, then the microseconds. */
function reference(micros: bigint): string {
  const seconds = micros >= 0n ? micros / 1_000_000n : -((-micros + 999_999n) / 1_000_000n);
  const fraction = Number(micros - seconds * 1_000_000n);
  const iso = new Date(Number(seconds) * 1000).toISOString();
  const base = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return fraction ? `${base}.${String(fraction).padStart(6, '0')}` : base;
}

it('spells dates like ISO for every year from 1 to 9999', () => {
  // Years 0001 to 9999, where ISO and Redivis agree on the spelling.
  for (let days = -719_000; days <= 2_900_000; days += 997) {
    expect(formatDate(days)).toBe(new Date(days * 86_400_000).toISOString().slice(0, 10));
  }
  expect(formatDate(0)).toBe('1970-01-01');
  expect(formatDate(-1)).toBe('1969-12-31');
  expect(formatDate(11_016)).toBe('2000-02-29');
});

it('spells datetimes and times to the microsecond, also before 1970', () => {
  const samples = [
    0n,
    -1n,
    1n,
    999_999n,
    -1_000_000n,
    -898_882_050_000_587n,
    2_126_592_542_184_516n,
    951_782_400_000_000n,
  ];
  for (let i = 0; i < 2000; i++) samples.push(BigInt(Math.round((i - 1000) * 3.7e12)) + BigInt(i * 7919));
  for (const micros of samples) expect(formatDateTime(micros)).toBe(reference(micros));
  expect(formatDateTime(-1n)).toBe('1969-12-31 23:59:59.999999');
  expect(formatTime(0n)).toBe('00:00:00');
  expect(formatTime(86_399_999_999n)).toBe('23:59:59.999999');
  expect(formatTime(3_723_000_001n)).toBe('01:02:03.000001');
});
