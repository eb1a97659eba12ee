import type { Meeting } from '../schemas/contributions';

/** « réunion du 12/03/2026, Claix » from the ISO date and the place. */
export function meetingSource(meeting: Meeting): string {
  const [y, m, d] = meeting.date.split('-');
  return `réunion du ${d}/${m}/${y}, ${meeting.lieu.trim()}`;
}
