/**
 * "Now" for domain activities. Inside an activity it is the time the server scheduled this
 * attempt, so dates follow the workflow's clock — also on the time-skipping test server, where
 * months pass in seconds; elsewhere (API, scripts) it is the wall clock.
 */
import { Context } from '@temporalio/activity';

export function activityNow(): Date {
  try {
    return new Date(Context.current().info.currentAttemptScheduledTimestampMs);
  } catch {
    return new Date();
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}
