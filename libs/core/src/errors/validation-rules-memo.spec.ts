import { IsInt, IsString, MaxLength, MetadataStorage, registerDecorator, validate } from 'class-validator';
import { memoiseValidationRules } from './validation-rules-memo';

/** A storage of its own is memoised here, as the pipe memoises the process-wide one. */
describe('validation rules are found once per class', () => {
  class Named {
    @IsString() @MaxLength(5) name!: string;
  }
  class Counted extends Named {
    @IsInt() count!: number;
  }

  it('answers exactly what class-validator answers, for each class and set of options', () => {
    const plain = new MetadataStorage();
    const memoised = new MetadataStorage();
    const { getMetadataStorage } = jest.requireActual<typeof import('class-validator')>('class-validator');
    for (const target of [Named, Counted]) {
      for (const rule of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
        if (rule.target === target) {
          plain.addValidationMetadata(rule);
          memoised.addValidationMetadata(rule);
        }
      }
    }
    memoiseValidationRules(memoised);
    for (const target of [Named, Counted, Named]) {
      for (const [always, strict, groups] of [[false, false, undefined], [true, false, undefined], [false, true, ['a']]] as const) {
        const expected = plain.getTargetValidationMetadatas(target, '', always, strict, groups ? [...groups] : undefined);
        const found = memoised.getTargetValidationMetadatas(target, '', always, strict, groups ? [...groups] : undefined);
        expect(found).toEqual(expected);
      }
    }
    // Kept: the same answer for the same question (no scan of every class).
    expect(memoised.getTargetValidationMetadatas(Counted, '', false, false)).toBe(memoised.getTargetValidationMetadatas(Counted, '', false, false));
  });

  it('a rule added later is found (every kept answer is forgotten)', async () => {
    memoiseValidationRules();
    memoiseValidationRules(); // idempotent
    class Late {
      @IsString() code!: string;
    }
    expect(await validate(Object.assign(new Late(), { code: 'ABCDEFGH' }))).toEqual([]);
    registerDecorator({ target: Late, propertyName: 'code', constraints: [], validator: { validate: (value: unknown) => String(value).length <= 4 }, options: { message: 'too long' } });
    const errors = await validate(Object.assign(new Late(), { code: 'ABCDEFGH' }));
    expect(errors.map((e) => e.constraints)).toEqual([expect.objectContaining({ customValidation: 'too long' })]);
  });

  it('validation with the memo in place still refuses and accepts as before', async () => {
    memoiseValidationRules();
    expect(await validate(Object.assign(new Counted(), { name: 'Ann', count: 2 }))).toEqual([]);
    const errors = await validate(Object.assign(new Counted(), { name: 'Annabel', count: 2.5 }));
    expect(errors.map((e) => e.property).sort()).toEqual(['count', 'name']);
  });
});
