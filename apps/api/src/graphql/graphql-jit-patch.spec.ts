import { buildSchema, execute, ExecutionResult, GraphQLError, GraphQLObjectType, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';

// patches/graphql-jit+0.8.9.patch (applied by `npm install`'s postinstall, patch-package): compiled
// queries serialize a leaf that is neither null nor an Error directly, and hand a list item that is
// not a promise straight to its handler. Both skip work that only an error needed (array literals
// of locations and paths per leaf, two closures per list item); what a query answers must not change.

const schema = buildSchema(`
    type Query {
      record: Record
      records: [Record]
      numbers: [Int]
      maybeNumbers: [Int]
      failingList: [Record!]
    }
    type Record {
      name: String!
      nickname: String
      count: Int!
      maybeCount: Int
      tags: [String!]!
    }
  `);
const rootFields: Record<string, () => unknown> = {
  record: () => ({
    name: 'Paving block',
    nickname: null,
    count: 3,
    maybeCount: 4,
    tags: ['a', 'b'],
  }),
  records: () => [
    { name: 'first', nickname: 'one', count: 1, maybeCount: null, tags: [] },
    // A promise among the items, and items whose fields break their types.
    Promise.resolve({
      name: 'second',
      nickname: new Error('nickname withheld'),
      count: 2,
      maybeCount: 2,
      tags: [Promise.resolve('p'), 'q'],
    }),
    {
      name: 'third',
      nickname: 'three',
      count: 'not a number',
      maybeCount: new Error('count withheld'),
      tags: ['x'],
    },
    { name: null, nickname: 'four', count: 4, maybeCount: 4, tags: ['y'] },
    { name: 'fifth', nickname: 'five', count: 5, maybeCount: 5.5, tags: ['z', null] },
  ],
  numbers: () => [1, Promise.resolve(2), 3.5],
  maybeNumbers: () => [null, new Error('item withheld'), 7],
  failingList: () => [{ name: new Error('name withheld'), count: 1, tags: [] }],
};
for (const [name, field] of Object.entries((schema.getQueryType() as GraphQLObjectType).getFields()))
  field.resolve = rootFields[name];

const DOCUMENT = parse(`{
  record { name nickname count maybeCount tags }
  records { name nickname count maybeCount tags }
  numbers
  maybeNumbers
  failingList { name count }
}`);

/** What a client reads of an answer: the data, and each error's message, path and locations. */
function asAnswer(result: ExecutionResult) {
  return {
    data: result.data,
    errors: (result.errors ?? [])
      .map((error: GraphQLError) => ({
        message: error.message,
        path: error.path,
        locations: error.locations,
      }))
      .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path))),
  };
}

describe('graphql-jit as patched (patches/graphql-jit+0.8.9.patch)', () => {
  it('is the build the process runs: a leaf is serialized without the null check, a plain list item goes straight to its handler', () => {
    const compiled = compileQuery(schema, parse('{ records { name tags } }'), undefined, {
      debug: true,
    } as never);
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    const source = (compiled as unknown as { __DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation: string })
      .__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation;
    expect(source).toMatch(
      /\(__currentItem\.name != null && !\(__currentItem\.name instanceof Error\)\) \? __context\.serializers\.StringSerializer\(/,
    );
    expect(source).toMatch(
      /if \(!__context\.rt\.isPromise\(__currentItem\)\) \{\s*Record__currentItemtagsMapItemHandler\(/,
    );
  });

  it('answers every value, null, Error, promise and ill-typed value as the unpatched build did', async () => {
    const compiled = compileQuery(schema, DOCUMENT);
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    const answer = asAnswer((await compiled.query(undefined, {}, {})) as ExecutionResult);

    // The data graphql-js answers, null in the same places.
    expect(answer.data).toEqual(asAnswer(await execute({ schema, document: DOCUMENT })).data);
    expect(answer.data).toEqual({
      record: { name: 'Paving block', nickname: null, count: 3, maybeCount: 4, tags: ['a', 'b'] },
      records: [
        { name: 'first', nickname: 'one', count: 1, maybeCount: null, tags: [] },
        { name: 'second', nickname: null, count: 2, maybeCount: 2, tags: ['p', 'q'] },
        null,
        null,
        null,
      ],
      numbers: [1, 2, null],
      maybeNumbers: [null, null, 7],
      failingList: null,
    });
    // The errors graphql-jit 0.8.9 answered before the patch (taken from it, the same document and
    // schema): graphql-js's, and one more, as graphql-jit reports a sibling's error under a record
    // that another error nulls (records.2.maybeCount).
    const at = (line: number, column: number) => [{ line, column }];
    expect(answer.errors).toEqual([
      { message: 'name withheld', path: ['failingList', 0, 'name'], locations: at(6, 17) },
      { message: 'item withheld', path: ['maybeNumbers', 1], locations: at(5, 3) },
      { message: 'Int cannot represent non-integer value: 3.5', path: ['numbers', 2], locations: at(4, 3) },
      { message: 'nickname withheld', path: ['records', 1, 'nickname'], locations: at(3, 18) },
      {
        message: 'Int cannot represent non-integer value: "not a number"',
        path: ['records', 2, 'count'],
        locations: at(3, 27),
      },
      { message: 'count withheld', path: ['records', 2, 'maybeCount'], locations: at(3, 33) },
      {
        message: 'Cannot return null for non-nullable field Record.name.',
        path: ['records', 3, 'name'],
        locations: at(3, 13),
      },
      {
        message: 'Int cannot represent non-integer value: 5.5',
        path: ['records', 4, 'maybeCount'],
        locations: at(3, 33),
      },
      {
        message: 'Cannot return null for non-nullable field Record.tags.',
        path: ['records', 4, 'tags', 1],
        locations: at(3, 44),
      },
    ]);
  });
});
