/**
 * Where the api reads the time: commands take it as their `now`, dashboards decide from it which
 * periods have ended. One object for the whole process, so a test moves every reader to another
 * day at once (`jest.spyOn(app.get(Clock), 'now')`).
 */
export class Clock {
  now(): Date {
    return new Date();
  }
}

export const systemClock = new Clock();
