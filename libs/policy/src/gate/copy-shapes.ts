/**
 * Constructors for the gate's copies, one per entity prototype and list of fields.
 *
 * A copy built field by field (`copy[name] = value`) turns into a dictionary (V8 gives up on a fixed
 * shape after about 17 properties added that way), and a dictionary costs more to fill, to read in
 * graphql-jit's compiled resolvers, to serialise and to collect: a datasheet has 20 fields, a search
 * page 50 datasheets. A constructor that assigns every field by name gives each copy one fixed shape
 * with its fields in the object itself. `new Function` compiles it; the code is generated from field
 * names the entity declares (checked to be plain identifiers), never from input.
 */
export type CopyConstructor = new (values: readonly unknown[]) => Record<string, unknown>;

/** At most this many shapes are compiled; past it (a client trying every selection) copies take the slow path. */
export const MAX_COPY_SHAPES = 512;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const shapes = new Map<object, Map<string, CopyConstructor>>();
let compiled = 0;

/**
 * The constructor of copies with `prototype` holding exactly `names`, in that order (`values[i]` is
 * `names[i]`'s value); `undefined` when a name is not a plain identifier or the cache is full.
 */
export function copyConstructorOf(prototype: object, names: readonly string[]): CopyConstructor | undefined {
  let byNames = shapes.get(prototype);
  const key = names.join(',');
  const known = byNames?.get(key);
  if (known) return known;
  if (compiled >= MAX_COPY_SHAPES || !names.every((name) => IDENTIFIER.test(name) && name !== '__proto__')) return undefined;
  const constructor = new Function('values', names.map((name, i) => `this.${name} = values[${i}];`).join('\n')) as unknown as CopyConstructor;
  // Copies keep the record's prototype, as Object.create(prototype) gave them: instanceof and the policy lookup work on them.
  constructor.prototype = prototype as Record<string, unknown>;
  if (!byNames) shapes.set(prototype, (byNames = new Map()));
  byNames.set(key, constructor);
  compiled += 1;
  return constructor;
}

/** How many shapes are compiled (tests). */
export function compiledCopyShapes(): number {
  return compiled;
}
