/**
 * Dates, times and enum values as people read them, for the messages the API writes (userErrors above
 * all): "Tue 14 Oct, 10:00–12:30, Asia/Seoul" rather than "2025-10-14T01:00:00.000Z". A time is always
 * shown in a named zone, the seminar's own where there is one, so that it means the same to every reader.
 */

const formats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat; year: Intl.DateTimeFormat }>();

function formatsOf(timeZone: string) {
  let found = formats.get(timeZone);
  if (!found) {
    found = {
      // en-GB puts the day before the month without commas: "Tue 14 Oct".
      day: new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }),
      time: new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      year: new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric' }),
    };
    formats.set(timeZone, found);
  }
  return found;
}

/** An instant in a zone: "Tue 14 Oct, 10:00, Asia/Seoul". */
export function zonedMoment(instant: Date, timeZone: string): string {
  const { day, time } = formatsOf(timeZone);
  return `${day.format(instant)}, ${time.format(instant)}, ${timeZone}`;
}

/**
 * A span of time in a zone: "Tue 14 Oct, 10:00–12:30, Asia/Seoul", or across midnight
 * "Tue 14 Oct, 22:00 – Wed 15 Oct, 01:00, Asia/Seoul".
 */
export function zonedSpan(start: Date, end: Date, timeZone: string): string {
  const { day, time } = formatsOf(timeZone);
  const [startDay, endDay] = [day.format(start), day.format(end)];
  if (startDay === endDay) return `${startDay}, ${time.format(start)}–${time.format(end)}, ${timeZone}`;
  return `${startDay}, ${time.format(start)} – ${endDay}, ${time.format(end)}, ${timeZone}`;
}

/**
 * Calendar days, kept as midnight UTC (a seminar's first and last day): "Sun 12 Oct to Sat 25 Oct 2025",
 * with both years when they differ.
 */
export function daySpan(first: Date, last: Date): string {
  const { day, year } = formatsOf('UTC');
  const [firstYear, lastYear] = [year.format(first), year.format(last)];
  const from = firstYear === lastYear ? day.format(first) : `${day.format(first)} ${firstYear}`;
  return `${from} to ${day.format(last)} ${lastYear}`;
}

/** A calendar day, kept as midnight UTC (a seminar's first or last day): "Sat 25 Oct 2025". */
export function calendarDay(day: Date): string {
  const { day: format, year } = formatsOf('UTC');
  return `${format.format(day)} ${year.format(day)}`;
}

/**
 * An enum value or a step's name as words in a sentence: IN_PROGRESS is "in progress", markNoShow
 * "mark no show".
 */
export function enumWords(value: string): string {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
}

/** Alternatives as words: "applied or waitlisted". */
export function eitherWords(values: readonly string[]): string {
  return values.map(enumWords).join(' or ');
}

/**
 * Why a step may not be taken from a status: 'The enrollment is confirmed: "accept" needs it to be
 * applied or waitlisted.'
 */
export function stepRefused(noun: string, status: string, step: string, from: readonly string[]): string {
  return `The ${noun} is ${enumWords(status)}: "${enumWords(step)}" needs it to be ${eitherWords(from)}.`;
}
