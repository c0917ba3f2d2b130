import { graphql, GraphQLError, GraphQLID, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Actor } from '@chancery/core';
import { aPerson, anonymousViewer, aUser, TestPerson } from '@chancery/testing/policy/policy-test-entities';
import { gateResolvers } from './gated-resolvers';

/** A schema as Nest builds it after CompiledExecution took the property readers away: resolvers on the root fields only. */
function personSchema(resolvers: { person: () => unknown; people: () => unknown; refused: () => unknown }): GraphQLSchema {
  const Person = new GraphQLObjectType({
    name: 'Person',
    fields: { id: { type: GraphQLID }, displayName: { type: GraphQLString }, email: { type: GraphQLString } },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        person: { type: Person, resolve: resolvers.person },
        people: { type: new GraphQLList(Person), resolve: resolvers.people },
        refused: { type: Person, resolve: resolvers.refused },
      },
    }),
  });
}

describe('gateResolvers: every resolver of the schema hands its result to the output gate', () => {
  let viewer: Actor;
  const ask = (schema: GraphQLSchema, source: string) => graphql({ schema, source });

  beforeEach(() => (viewer = aUser()));

  it('conceals what the viewer may not read, from a resolver answering at once or later', async () => {
    // A colleague in Alice's organisation without the admin role: the e-mail is the admins' to read.
    const schema = personSchema({ person: () => aPerson(), people: async () => [aPerson(), aPerson({ id: 'bob' })], refused: () => null });
    expect(gateResolvers(schema, () => viewer)).toBe(3);
    viewer = aUser({ id: 'colleague' });
    const answer = await ask(schema, '{ person { id displayName email } people { displayName email } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      person: { id: aPerson().id, displayName: 'Alice Example', email: null },
      people: [
        { displayName: 'Alice Example', email: null },
        { displayName: 'Alice Example', email: null },
      ],
    });
  });

  it('asks who the viewer is when the result is ready (after the guards said who calls)', async () => {
    let finish: (person: TestPerson) => void = () => undefined;
    const schema = personSchema({ person: () => new Promise((resolve) => (finish = resolve)), people: () => [], refused: () => null });
    gateResolvers(schema, () => viewer);
    viewer = anonymousViewer();
    const answer = ask(schema, '{ person { displayName email } }');
    await new Promise((resolve) => setImmediate(resolve));
    // By the time the record is read, the caller is known: a colleague, who may not read the e-mail.
    viewer = aUser({ id: 'colleague' });
    finish(aPerson());
    expect((await answer).data).toEqual({ person: { displayName: 'Alice Example', email: null } });
  });

  it('refuses a record that is no declared entity, loudly', async () => {
    const schema = personSchema({ person: () => ({ id: '1', displayName: 'undeclared', email: 'leak@example.test' }), people: () => [], refused: () => null });
    gateResolvers(schema, () => viewer);
    const answer = await ask(schema, '{ person { email } }');
    expect(answer.data).toEqual({ person: null });
    expect(answer.errors?.[0]?.message).toMatch(/without a @PolicyEntity/);
  });

  it('passes a refusal a Nest filter returned as it is: an error of the field, no record', async () => {
    const refusal = new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
    const schema = personSchema({ person: () => null, people: () => [], refused: async () => refusal });
    gateResolvers(schema, () => viewer);
    const answer = await ask(schema, '{ refused { id } }');
    expect(answer.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('gates a resolver once, however often it is asked to', () => {
    const schema = personSchema({ person: () => aPerson(), people: () => [], refused: () => null });
    expect(gateResolvers(schema, () => viewer)).toBe(3);
    expect(gateResolvers(schema, () => viewer)).toBe(0);
  });
});
