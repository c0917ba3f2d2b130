import 'reflect-metadata';
import { IsInt, IsString, Length, Min, validate } from 'class-validator';
import { decimalPlaces, Optional, toFieldProblems } from './validation';

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
