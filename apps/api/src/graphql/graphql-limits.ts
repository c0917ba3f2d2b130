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

/** graphql-armor's cost weights: an object 2, a scalar 1, each level deeper 1.5 times the one above. */
export const GRAPHQL_COST_WEIGHTS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } as const;
