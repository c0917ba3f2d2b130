import { Test } from '@nestjs/testing';
import { Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { execute, GraphQLObjectType, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { withoutPropertyReaders } from './compiled-execution';

@ObjectType()
class Product {
  @Field() name: string;
  @Field({ nullable: true, defaultValue: 'unspecified' }) family?: string;
  @Field({ name: 'reference' }) certificateReference: string;
  @Field({ middleware: [async (_context, next) => String(await next()).toUpperCase()] }) scheme: string;
}

const PRODUCTS: Product[] = [{ name: 'Paving block', certificateReference: 'BENOR-1', scheme: 'benor' }];

@Resolver(() => Product)
class ProductsResolver {
  @Query(() => [Product])
  products(): Product[] {
    return PRODUCTS;
  }
}

/** The schema as Nest's factory builds it (the root field bound by hand, as Nest's explorer would). */
async function productSchema() {
  const module = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
  const schema = await module.get(GraphQLSchemaFactory).create([ProductsResolver]);
  schema.getQueryType()!.getFields().products!.resolve = () => PRODUCTS;
  return schema;
}

describe("Nest's property-reading field resolvers, taken off before execution", () => {
  it('only a field that reads its own property without a default loses its resolver; every answer stays the same', async () => {
    const schema = await productSchema();
    const document = parse('{ products { name family reference scheme } }');
    const before = await execute({ schema, document });

    expect(withoutPropertyReaders(schema)).toBe(1);
    const fields = (schema.getType('Product') as GraphQLObjectType).getFields();
    expect(Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.resolve !== undefined]))).toEqual({
      name: false,
      family: true, // its default value when the property is absent
      reference: true, // reads certificateReference
      scheme: true, // field middleware
    });

    const expected = { data: { products: [{ name: 'Paving block', family: 'unspecified', reference: 'BENOR-1', scheme: 'BENOR' }] } };
    expect(before).toEqual(expected);
    expect(await execute({ schema, document })).toEqual(expected);
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error('not compiled');
    expect(await compiled.query(undefined, {}, {})).toEqual(expected);
  });
});
