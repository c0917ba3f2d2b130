import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { buildSchema, getNamedType, GraphQLNamedType, isInterfaceType, isLeafType, isObjectType, Lexer, parse, Source, TokenKind, validate } from 'graphql';
import { GRAPHQL_COST_WEIGHTS, GRAPHQL_LIMITS } from './graphql-limits';

/** Every leaf field of the type, and the objects it holds down to `levels` levels (what a thorough client asks). */
function fullSelection(type: GraphQLNamedType, levels: number): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = Object.values(type.getFields()).flatMap((field) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return [field.name];
    const nested = levels > 1 ? fullSelection(named, levels - 1) : '';
    return nested ? [`${field.name} ${nested}`] : [];
  });
  return fields.length ? `{ ${fields.join(' ')} }` : '';
}

function tokens(document: string): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** The cost the armor's rule finds for a document, with the API's weights. */
function costOf(schema: ReturnType<typeof buildSchema>, document: string): number {
  try {
    validate(schema, parse(document), [costLimitRule({ ...GRAPHQL_COST_WEIGHTS, maxCost: 0, exposeLimits: true })]);
  } catch (error) {
    const found = /found (\d+)/.exec(error instanceof Error ? error.message : '');
    if (found) return Number(found[1]);
    throw error;
  }
  return 0;
}

describe('GraphQL limits', () => {
  // The limits refuse abusive documents; they must never refuse a client asking for everything an
  // operation offers (its leaf fields and the objects it holds, three levels down).
  it('let every query and mutation be asked with its full selection, three levels deep', () => {
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', '..', 'schema.graphql'), 'utf8'));
    const refused: string[] = [];
    let operations = 0;
    for (const [keyword, root] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
      for (const field of Object.values(root!.getFields())) {
        const document = `${keyword} { ${field.name} ${fullSelection(getNamedType(field.type), 3)} }`;
        operations += 1;
        const cost = costOf(schema, document);
        const count = tokens(document);
        if (cost > GRAPHQL_LIMITS.maxCost || count > GRAPHQL_LIMITS.maxTokens) refused.push(`${field.name}: cost ${cost}, ${count} tokens`);
      }
    }
    expect(operations).toBeGreaterThan(100);
    expect(refused).toEqual([]);
  });
});
