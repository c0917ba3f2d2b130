import { Role } from '@chancery/access';
import { aPerson, staff, TestPerson } from '@chancery/testing/policy/policy-test-entities';
import { compiledCopyShapes, copyConstructorOf, MAX_COPY_SHAPES } from './copy-shapes';
import { present } from './output-gate';

class Shape {}

describe('the gate’s copy constructors', () => {
  it('build an object of the prototype holding exactly the names, in order, with the values given', () => {
    const Copy = copyConstructorOf(Shape.prototype, ['b', 'a', 'c'])!;
    const copy = new Copy(['two', 1, null]);
    expect(copy).toBeInstanceOf(Shape);
    expect(Object.getPrototypeOf(copy)).toBe(Shape.prototype);
    expect(Object.keys(copy)).toEqual(['b', 'a', 'c']);
    expect({ ...copy }).toStrictEqual({ b: 'two', a: 1, c: null });
  });

  it('are compiled once per prototype and list of names', () => {
    const before = compiledCopyShapes();
    expect(copyConstructorOf(Shape.prototype, ['x', 'y'])).toBe(copyConstructorOf(Shape.prototype, ['x', 'y']));
    expect(copyConstructorOf(Shape.prototype, ['y', 'x'])).not.toBe(copyConstructorOf(Shape.prototype, ['x', 'y']));
    class Other {}
    expect(copyConstructorOf(Other.prototype, ['x', 'y'])).not.toBe(copyConstructorOf(Shape.prototype, ['x', 'y']));
    expect(compiledCopyShapes() - before).toBe(3);
  });

  it('compile no code from a name that is not a plain identifier', () => {
    for (const name of ['__proto__', 'a b', 'a;process.exit(1)', '1a', 'a-b', '', 'x.y', 'x]=1;//'])
      expect(copyConstructorOf(Shape.prototype, ['id', name])).toBeUndefined();
  });

  it('stop compiling at the limit, and the gate then presents the same copies the slow way', () => {
    const viewer = staff(Role.CLERK);
    const before = { ...(present(viewer, aPerson(), 'export') as TestPerson) };
    for (let i = 0; compiledCopyShapes() < MAX_COPY_SHAPES; i += 1) copyConstructorOf(Shape.prototype, [`field${i}`]);
    expect(copyConstructorOf(Shape.prototype, ['notYetCompiled'])).toBeUndefined();
    const after = present(viewer, aPerson(), 'export') as TestPerson;
    expect(after).toBeInstanceOf(TestPerson);
    expect({ ...after }).toStrictEqual(before);
    // A selection never compiled before takes the slow way too, with the same fields.
    expect({ ...(present(viewer, aPerson(), 'graphql', new Map([['displayName', null], ['email', null]])) as TestPerson) }).toStrictEqual({
      email: 'alice@acme.example',
      displayName: 'Alice Example',
    });
  });
});
