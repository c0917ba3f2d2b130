import { emailDay, emailMoment } from './email-dates';

describe('dates in e-mails', () => {
  it('tells a moment in Belgian time in the reader’s language, with the zone, not as an ISO timestamp in UTC', () => {
    // 23:30 UTC on 6 December is 00:30 on 7 December in Brussels (CET, UTC+1).
    expect(emailMoment('2026-12-06T23:30:00.000Z', 'en')).toBe('7 December 2026 at 00:30 CET');
    expect(emailMoment('2026-12-06T23:30:00.000Z', 'nl')).toBe('7 december 2026 om 00:30 CET');
    expect(emailMoment(new Date('2026-12-06T23:30:00.000Z'), 'de')).toBe('7. Dezember 2026 um 00:30 MEZ');
    // Summer time: UTC+2.
    expect(emailMoment('2026-07-01T10:05:00.000Z', 'fr')).toBe('1 juillet 2026 à 12:05 UTC+2');
  });

  it('tells a calendar day as written, whatever the server’s zone', () => {
    expect(emailDay('2027-01-06', 'en')).toBe('6 January 2027');
    expect(emailDay('2027-01-06', 'nl')).toBe('6 januari 2027');
    expect(emailDay('2032-02-29', 'fr')).toBe('29 février 2032');
    expect(emailDay('2027-01-06', 'de')).toBe('6. Januar 2027');
    // A moment's day is Brussels's: late on 31 December in UTC is already 1 January there.
    expect(emailDay(new Date('2026-12-31T23:30:00.000Z'), 'en')).toBe('1 January 2027');
  });
});
