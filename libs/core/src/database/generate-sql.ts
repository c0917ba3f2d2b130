import { SetMetadata } from '@nestjs/common';

export const GENERATE_SQL = 'chancery:generate-sql';

export interface SqlExample {
  /** Arguments to call the method with when its statements are captured (ids need not exist). */
  params: readonly unknown[];
  /** The tenant to scope the capture in; null: the platform's. */
  tenantId?: string | null;
}

/**
 * On every public method of a repository: how to call it so the test that snapshots each
 * repository's SQL (`libs/<context>/src/repositories/*.repository.sql`, compared in CI) can capture
 * the statements it sends. A changed tenant or owner filter then shows up in review.
 */
export const GenerateSql = (...examples: SqlExample[]) => SetMetadata(GENERATE_SQL, examples);

/** Placeholder ids for the examples. */
export const SQL_EXAMPLE = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  userId: '00000000-0000-4000-8000-000000000003',
  id: '00000000-0000-4000-8000-000000000004',
  at: new Date('2026-01-01T00:00:00Z'),
  hash: Buffer.alloc(32, 1),
} as const;
