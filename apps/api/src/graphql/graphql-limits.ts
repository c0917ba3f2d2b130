/**
 * Limits sized for our operations: the deepest real query (certificate → goods lines → documents →
 * uploader) is 6 levels; 15 aliases covers batch screens; cost 5000 allows a page of 100 records with
 * nested lists. Everything beyond is refused before any resolver or SQL runs.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 5000,
} as const;
