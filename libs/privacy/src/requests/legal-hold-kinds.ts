/**
 * The kinds of record a legal hold can name: exactly the prefixes the holders' retention SQL matches
 * (`('Session:' || s.id::text) = ANY($3)` and the like). A hold on any other kind, a typo included,
 * would protect nothing while the sweep deletes the real record, so no other kind is accepted. A new
 * holder that honours holds on a new kind adds it here and to its `legalHoldKinds` (a test holds the
 * two lists equal); the holder then says whether a named record exists.
 */
export const LEGAL_HOLD_KINDS = [
  'CertificateApplication', // certificates: certificate-retention.repository
  'CertificateOfOrigin',
  'ContactDisclosureAcknowledgement', // datasheets: disclosure-acknowledgement.repository
  'DataSubjectRequest', // privacy: data-subject-request.repository
  'Datasheet', // datasheets: datasheet-retention.repository
  'DatasheetVersion',
  'Invitation', // identity: personal-data.repository
  'OutboxMessage', // notifications: outbox-personal-data.repository
  'ProjectDistribution', // datasheets: project-certificate.repository
  'Session', // auth: session-personal-data.repository
  'SubProcessorObjection', // privacy: sub-processor.repository
  'User', // identity and privacy: personal-data.repository, privacy-policy.repository
] as const;

/** `Kind:uuid`, the uuid in either case (as any id argument): the hold stores it in lower case, as the sweeps' SQL writes ids. */
export const LEGAL_HOLD_RECORD = new RegExp(`^(?:${LEGAL_HOLD_KINDS.join('|')}):[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`);
