import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import type { ProjectCertificateState } from '../../gql/graphql';
import { PROJECT_REASONS } from './operations';

const STATE_BADGE: Record<ProjectCertificateState, string> = { DRAFT: 'badge badge--info', ISSUED: 'badge badge--ok', WITHDRAWN: 'badge badge--muted' };

export function ProjectStateBadge({ state }: { state: ProjectCertificateState | null | undefined }) {
  const { t } = useTranslation();
  if (!state) return null;
  return <span className={STATE_BADGE[state]}>{t(`projects.states.${state}`)}</span>;
}

/** Overrides for `<Form>`: the project certificates' refusals as sentences in the reader's language. */
export function useProjectReasons(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(() => Object.fromEntries(PROJECT_REASONS.map((reason) => [reason, t(`projects.reasons.${reason}`)])), [t]);
}

/** The project the screen shows is no input to point at: a refusal naming `projectId` stands as one sentence. */
export async function onThisProject<R>(act: () => Promise<R>): Promise<R> {
  try {
    return await act();
  } catch (error) {
    const refused = ApiError.of(error);
    throw new ApiError(refused.code, refused.message, refused.reason, refused.fields.filter((field) => field.field !== 'projectId'), refused.requestId);
  }
}
