import { addWorkingDays, belgianPublicHolidays, easterSunday, isWorkingDay } from './working-days';

describe('Working days (DigiChambers: deemed accepted after three working days)', () => {
  it('knows Easter', () => {
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect([...belgianPublicHolidays(2026)]).toEqual(expect.arrayContaining(['4-6', '5-14', '5-25', '7-21', '11-11']));
  });

  it('skips the weekend: published Friday 10:00 Brussels, deadline Wednesday 10:00', () => {
    expect(addWorkingDays(new Date('2026-03-06T09:00:00Z'), 3).toISOString()).toBe('2026-03-11T09:00:00.000Z');
  });

  it('published on a Saturday, the window starts on Monday', () => {
    expect(addWorkingDays(new Date('2026-03-07T09:00:00Z'), 3).toISOString()).toBe('2026-03-11T09:00:00.000Z');
  });

  it('a Belgian public holiday does not count (Easter Monday 6 April 2026)', () => {
    expect(isWorkingDay(new Date('2026-04-06T10:00:00Z'))).toBe(false);
    // Thursday 2 April 10:00: Fri 3, (Mon 6 is a holiday), Tue 7, Wed 8.
    expect(addWorkingDays(new Date('2026-04-02T08:00:00Z'), 3).toISOString()).toBe('2026-04-08T08:00:00.000Z');
  });

  it('keeps the Brussels time of day across a daylight-saving change (29 March 2026)', () => {
    // Friday 27 March 10:00 CET (09:00Z) → Wednesday 1 April 10:00 CEST (08:00Z).
    expect(addWorkingDays(new Date('2026-03-27T09:00:00Z'), 3).toISOString()).toBe('2026-04-01T08:00:00.000Z');
  });
});
