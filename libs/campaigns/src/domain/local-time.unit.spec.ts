import { isTimeOfDay, isTimeZone, localToInstant } from './local-time';

describe('localToInstant', () => {
  it.each([
    ['2026-10-05', '09:00', 'Europe/London', '2026-10-05T08:00:00.000Z'], // BST, UTC+1
    ['2026-12-07', '09:00', 'Europe/London', '2026-12-07T09:00:00.000Z'], // GMT
    ['2026-10-05', '09:00', 'UTC', '2026-10-05T09:00:00.000Z'],
    ['2026-10-05', '09:00', 'America/New_York', '2026-10-05T13:00:00.000Z'], // EDT, UTC-4
    ['2026-10-05', '09:00', 'Asia/Kolkata', '2026-10-05T03:30:00.000Z'], // UTC+5:30
    ['2026-10-05', '09:00', 'Australia/Sydney', '2026-10-04T22:00:00.000Z'], // AEDT from 2026-10-04, UTC+11
    ['2026-10-03', '09:00', 'Australia/Sydney', '2026-10-02T23:00:00.000Z'], // AEST, UTC+10
    ['2026-10-05', '09:00:30', 'Europe/Berlin', '2026-10-05T07:00:30.000Z'],
    ['2026-01-01', '00:00', 'Pacific/Kiritimati', '2025-12-31T10:00:00.000Z'], // UTC+14
  ])('%s %s in %s is %s', (date, time, zone, instant) =>
    expect(localToInstant(date, time, zone).toISOString()).toBe(instant),
  );

  it('reads a time skipped by the spring change with the offset from before it', () =>
    // London jumps from 01:00 GMT to 02:00 BST on 2026-03-29: 01:30 does not exist; it is 02:30 BST.
    expect(localToInstant('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z'));

  it('takes a time that occurs twice in the autumn at its first occurrence', () =>
    // London goes back from 02:00 BST to 01:00 GMT on 2026-10-25: 01:30 happens at 00:30Z and 01:30Z.
    expect(localToInstant('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z'));

  it('is exact on both sides of the change', () => {
    expect(localToInstant('2026-10-25', '00:59', 'Europe/London').toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(localToInstant('2026-10-25', '02:00', 'Europe/London').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });
});

describe('time zones and times of day', () => {
  it.each(['Europe/London', 'UTC', 'America/Sao_Paulo'])('knows %s', (zone) => expect(isTimeZone(zone)).toBe(true));
  it.each(['Mars/Olympus', 'Europe/Londres', ''])('does not know %p', (zone) => expect(isTimeZone(zone)).toBe(false));
  it.each(['00:00', '09:00', '23:59', '17:30:15'])('reads %s', (time) => expect(isTimeOfDay(time)).toBe(true));
  it.each(['24:00', '9:00', '09:60', '09:00:60', '0900', ''])('refuses %p', (time) =>
    expect(isTimeOfDay(time)).toBe(false),
  );
});
