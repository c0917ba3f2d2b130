import { useMemo } from 'react';
import { requestPublic } from '../../api/client';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { useLoad } from '../../ui/use-api';
import type { TenantDirectoryQuery } from '../../gql/graphql';

// Every Tenant field is public (docs/visibility-matrix.md: Tenant, `anyone`).
export const TenantDirectory = graphql(`
  query TenantDirectory {
    tenants {
      id
      slug
      name
      kinds
      legalEntityNumber
      street
      postalCode
      city
      country
      phone
      email
      website
      languages
      privacyContactEmail
    }
  }
`);

/** How long pages that only name tenants reuse the directory they were given. */
const KEPT_MS = 5 * 60_000;
let kept: { at: number; answer: Promise<TenantDirectoryQuery> } | null = null;

/**
 * The directory for pages that only name a tenant (a datasheet's certification body, the search's list
 * of bodies): asked once every few minutes, not on every datasheet a visitor opens. The directory page
 * itself asks afresh. A failed answer is not kept.
 */
export function tenantDirectoryForNames(): Promise<TenantDirectoryQuery> {
  if (!kept || Date.now() - kept.at > KEPT_MS) {
    const answer = requestPublic(TenantDirectory);
    kept = { at: Date.now(), answer };
    answer.catch(() => {
      if (kept?.answer === answer) kept = null;
    });
  }
  return kept.answer;
}

/**
 * The directory asked afresh (a tenant opened or destroyed a moment ago counts), with its tenants in
 * name order for the reader's language: the operator's screens that choose a tenant.
 */
export function useFreshTenantDirectory() {
  const format = useFormat();
  const directory = useLoad(() => requestPublic(TenantDirectory));
  const byName = useMemo(() => {
    const collator = new Intl.Collator(format.locale);
    return [...(directory.data?.tenants ?? [])].sort((a, b) => collator.compare(a.name ?? '', b.name ?? ''));
  }, [directory.data, format.locale]);
  return { directory, byName };
}
