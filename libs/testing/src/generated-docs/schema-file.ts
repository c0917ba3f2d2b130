import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'node:path';

export const SCHEMA_FILE = join(process.cwd(), 'schema.graphql');

/** The committed form of the schema: sorted, so the file changes only when the API does. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `# Generated from the code by \`npm run schema:generate\`; a test fails when it drifts.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
