/** PostgreSQL's unique_violation (23505), e.g. two registrations of one company racing. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } } | null)?.driverError?.code ?? (error as { code?: string } | null)?.code;
  return code === '23505';
}
