import 'reflect-metadata';
import { IsInt, IsString, Length, Min, validate } from 'class-validator';
import { decimalPlaces, lineBreaksIn, MultiLine, Optional, toFieldProblems } from './validation';

describe('decimalPlaces', () => {
  it('counts the digits after the point in plain and exponent notation', () => {
    expect([0, 12, 1.5, 0.001, 12.345, 1e21, 1.25e25, 1e-7, 1.5e-7, 5e-324, -0.0005, -2.5e-3].map(decimalPlaces)).toEqual([0, 0, 1, 3, 3, 0, 0, 7, 8, 324, 4, 4]);
  });
});

class ProfileChange {
  @Optional() @IsString() @Length(2, 50) firstName?: string;
  @Optional() @IsInt() @Min(1) pageSize?: number;
}

describe('toFieldProblems', () => {
  it('says only "must not be null" of a null where the field may be left out, not every rule a value would have to meet', async () => {
    // Found from outside: `null` answered "must be longer than or equal to 2 characters; must be a string;
    // must not be null" — three reasons, two of them about a value that was not given.
    const change = Object.assign(new ProfileChange(), { firstName: null, pageSize: null });
    expect(toFieldProblems(await validate(change))).toEqual([
      { field: 'firstName', reason: 'must not be null (leave the field out to keep its value)', constraint: 'notNull' },
      { field: 'pageSize', reason: 'must not be null (leave the field out to keep its value)', constraint: 'notNull' },
    ]);
  });

  it('still names every rule a given value breaks', async () => {
    const change = Object.assign(new ProfileChange(), { firstName: 7, pageSize: 0 });
    expect(toFieldProblems(await validate(change)).map((p) => `${p.field}:${p.constraint}`).sort()).toEqual(['firstName:isLength', 'firstName:isString', 'pageSize:min']);
  });
});

describe('lineBreaksIn (review M6)', () => {
  class Line {
    @MultiLine() description = 'first\nsecond';
    title = 'one line';
  }
  class Outer {
    name = 'Ann';
    @MultiLine() remarks = 'a\r\nb';
    lines: Line[] = [new Line()];
    tags: string[] = ['ok'];
    json: Record<string, unknown> = { free: 'a\nb' };
  }

  it('takes several lines where the field is declared multi-line, and a plain object (no input class) as it is', () => {
    expect(lineBreaksIn(new Outer(), 'input')).toEqual([]);
  });

  it.each(['\n', '\r', '\u0085', '\u2028', '\u2029'])('refuses %j in a one-line field, nested inputs and list items included, naming each', (brk) => {
    const outer = Object.assign(new Outer(), { name: `Ann${brk}Admin`, tags: ['ok', `x${brk}y`] });
    outer.lines[0]!.title = `Title${brk}`;
    expect(lineBreaksIn(outer, 'input').map((p) => [p.field, p.constraint])).toEqual([
      ['input.name', 'singleLine'], ['input.lines.0.title', 'singleLine'], ['input.tags.1', 'singleLine'],
    ]);
  });

  it('a top-level string argument is one line', () => {
    expect(lineBreaksIn('abc\ndef', 'token')).toEqual([{ field: 'token', reason: 'must be one line (no line breaks)', constraint: 'singleLine' }]);
  });

  it('a multi-line field declared on a parent class holds in the subclass', () => {
    class Child extends Outer {}
    expect(lineBreaksIn(new Child(), '')).toEqual([]);
  });
});
