// Money and calendar dates for the dashboard, exactly.
//
// Money arrives as integer minor units and is formatted by moving the decimal point in the digits' string,
// never by dividing: 1234567 CNY is "12345.67 CNY", as the API's own `display` writes it. Dates are the
// merchant's local calendar dates ("2026-12-03"), compared and stepped as calendar dates, never as instants.

// The minor digits of the currencies a merchant may trade in (Domain/Common/Currencies.cs).
const MINOR_DIGITS = { CNY: 2, HKD: 2, USD: 2, EUR: 2, JPY: 0 };

/** "12345.67 CNY" from 1234567 and "CNY": the API's `Money.display`, to the digit. */
export function formatMoney(minorUnits, currency) {
  return `${formatAmount(minorUnits, currency)} ${currency}`;
}

/** "12345.67" from 1234567 CNY: the amount without the currency (for axis labels). */
export function formatAmount(minorUnits, currency) {
  return pointed(minorUnits, MINOR_DIGITS[currency] ?? 2);
}

/** An integer's digits with a decimal point `digits` from the right, by moving it in the string: "-0.05" from -5, 2. */
function pointed(integer, digits) {
  const value = BigInt(integer);
  const negative = value < 0n;
  const magnitude = (negative ? -value : value).toString();
  if (digits === 0) {
    return (negative ? '-' : '') + magnitude;
  }

  const padded = magnitude.padStart(digits + 1, '0');
  const whole = padded.slice(0, padded.length - digits);
  return `${negative ? '-' : ''}${whole}.${padded.slice(padded.length - digits)}`;
}

/**
 * "66.67%" from 0.6667: a share the API gives with four decimals, as a percentage with two. The four decimals are
 * made an integer first (6667), so the point moves in the digits and no float is printed.
 */
export function formatRate(rate) {
  return `${pointed(Math.round(rate * 10_000), 2)}%`;
}

/**
 * A duration the API gives in minutes (a median, itself within 5 %), to a tenth of the unit that reads best:
 * minutes below an hour, hours below two days, days beyond. `units`: { minutes, hours, days } (n) => text.
 */
export function formatMinutes(minutes, units) {
  const [value, unit] = minutes < 60 ? [minutes, 'minutes'] : minutes < 2_880 ? [minutes / 60, 'hours'] : [minutes / 1_440, 'days'];
  return units[unit](pointed(Math.round(value * 10), 1));
}

/** Today's date in an IANA time zone, as the API writes dates: "2026-12-03". */
export function todayIn(timeZone, now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now);
  const part = (type) => parts.find((candidate) => candidate.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A calendar date `days` after (or before, when negative) another. */
export function addDays(isoDate, days) {
  const [year, month, day] = isoDate.split('-').map(Number);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return moved.toISOString().slice(0, 10);
}

/** "12-03" from "2026-12-03": the short label of a day on an axis. */
export function shortDate(isoDate) {
  return isoDate.slice(5);
}

/**
 * A round top for a chart's scale, at or above `max` (integer minor units or a count): 1, 2 or 5 times a
 * power of ten, so ticks at quarters of it are round too. Integer arithmetic only.
 */
export function niceCeiling(max) {
  if (max <= 0) {
    return 4;
  }

  let power = 1;
  while (power * 10 <= max) {
    power *= 10;
  }

  for (const step of [1, 2, 4, 5, 8, 10, 12]) {
    if (step * power >= max && (step * power) % 4 === 0) {
      return step * power;
    }
  }

  return 20 * power;
}
