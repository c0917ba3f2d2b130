import { DomainError } from '@chancery/core';
import { assertTypeMatches, sanitiseFileName, validTitle } from './attachment-file';

const reasonOf = (work: () => unknown): string | null => {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.reason : String(error);
  }
};

describe('attachment file names, titles and types', () => {
  it('keep the name a person gave, without the path a browser may send', () => {
    expect(sanitiseFileName('DoP kerbstone.pdf')).toBe('DoP kerbstone.pdf');
    expect(sanitiseFileName('C:\\Users\\ann\\Tekening „KB 100“.png')).toBe('Tekening „KB 100“.png');
    expect(sanitiseFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('  déclaration.pdf ')).toBe('déclaration.pdf');
  });

  it('strip bidirectional overrides and invisible characters, so a name shows what it is', () => {
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('dop\u200B.pdf\u2066')).toBe('dop.pdf');
  });

  it('refuse NUL and control characters, empty names and names that are only a path', () => {
    for (const name of ['dop\u0000.pdf', 'dop\n.pdf', 'dop\u0085.pdf', '', '   ', '../', '..', 'x'.repeat(201)]) {
      expect({ name, reason: reasonOf(() => sanitiseFileName(name)) }).toEqual({ name, reason: 'DATASHEET_ATTACHMENT_NAME_INVALID' });
    }
  });

  it('accept a title of 1 to 200 characters without control characters', () => {
    expect(validTitle('  Declaration of performance ')).toBe('Declaration of performance');
    for (const title of ['', '  ', 'x'.repeat(201), 'a\u0007b']) expect(reasonOf(() => validTitle(title))).toBe('DATASHEET_ATTACHMENT_TITLE_INVALID');
  });

  it('want the extension, and a declared type, to say what the bytes are', () => {
    expect(reasonOf(() => assertTypeMatches('dop.pdf', 'application/pdf', 'application/octet-stream'))).toBeNull();
    expect(reasonOf(() => assertTypeMatches('dop.PDF', 'application/pdf', undefined))).toBeNull();
    expect(reasonOf(() => assertTypeMatches('photo.jpeg', 'image/jpeg', 'image/jpeg'))).toBeNull();
    for (const [name, found, declared] of [
      ['dop.pdf.exe', 'application/pdf', undefined],
      ['drawing.pdf', 'image/png', undefined],
      ['dop', 'application/pdf', undefined],
      ['dop.pdf', 'application/pdf', 'image/png'],
    ] as const) {
      expect({ name, reason: reasonOf(() => assertTypeMatches(name, found, declared)) }).toEqual({ name, reason: 'DATASHEET_ATTACHMENT_TYPE_MISMATCH' });
    }
  });
});
