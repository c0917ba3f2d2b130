import { defineErrors, ErrorCode } from '@chancery/core';

/** What the certificates context refuses, each reason with its category. */
export const CertificateErrors = defineErrors('certificates', {
  ILLEGAL_TRANSITION: [ErrorCode.CONFLICT, 'The application or certificate is not in a state that allows this step; `details.from` and `details.to` name both states.'],
  TOO_MANY_SUPPORTING_DOCUMENTS: [ErrorCode.CONFLICT, 'An application holds at most 30 supporting documents (`details.limit`): combine files into one PDF.'],
  NOT_EDITABLE: [ErrorCode.CONFLICT, 'Only a draft, or an application whose changes were requested, can be edited; `details.state` names its state.'],
  NOT_A_DRAFT: [ErrorCode.CONFLICT, 'Only a draft never submitted can be deleted: a submitted application is the chamber’s file; `details.state` names its state.'],
  CLAIMED_BY_ANOTHER_CLERK: [ErrorCode.CONFLICT, 'Another clerk has claimed the application; only they decide on it.'],
  DECLARATION_REQUIRED: [ErrorCode.BAD_USER_INPUT, "The exporter's declaration must be accepted before submitting."],
  REPLY_REQUIRED: [ErrorCode.BAD_USER_INPUT, "An application sent back for changes is resubmitted with the company's reply to the clerk's comment (`reply`); it is shown to the chamber, never printed on the certificate."],
  NO_CHANGES_REQUESTED: [ErrorCode.BAD_USER_INPUT, 'A reply answers a change request: an application the chamber has not sent back for changes takes none (`reply`); what the certificate should say goes in its remarks.'],
  GOODS_REQUIRED: [ErrorCode.BAD_USER_INPUT, 'An application needs at least one goods line before it is submitted.'],
  IDEMPOTENCY_KEY_REUSED: [ErrorCode.CONFLICT, 'The idempotency key was already used to sign another application.'],
  NOT_A_CHAMBER_OF_COMMERCE: [ErrorCode.FORBIDDEN, 'Certificates of origin exist only in a chamber of commerce’s space.'],
  NUMBER_PREFIX_TAKEN: [ErrorCode.CONFLICT, 'Another chamber numbers its certificates with this prefix, or has issued this number: choose another number prefix.'],
  SIGNER_IS_REVIEWER: [ErrorCode.CONFLICT, 'The clerk who approved an application cannot also sign it (four eyes).'],
  SIGNATURE_NOT_STORED: [ErrorCode.CONFLICT, 'The signer has no signature stored: a certificate carries the authorised official’s signature, stored first on the signature page (/app/signature).'],
  NO_SIGNING_KEY: [ErrorCode.CONFLICT, 'The tenant has no signing key yet.'],
  CERTIFICATE_NO_LONGER_VALID: [ErrorCode.CONFLICT, 'The certificate was revoked or superseded (`details.status`; `details.supersededByNumber` names its replacement): the company no longer prints it.'],
  PDF_NOT_RENDERED: [ErrorCode.CONFLICT, 'The PDF is being rendered; try again shortly.'],
  NOT_A_CHAMBER_CASE: [ErrorCode.FORBIDDEN, 'Only a company user or the tenant’s staff can do this.'],
  EXPORTER_NOT_PRINTABLE: [ErrorCode.CONFLICT, "The company's name or address in its profile has characters the certificate cannot print; `details.fields` names the profile's fields and `details.characters` the characters. The company corrects its profile."],
  REPLACEMENT_PENDING: [ErrorCode.CONFLICT, 'A replacement of this certificate is already in progress.'],
  MONTH_INVALID: [ErrorCode.BAD_USER_INPUT, 'The month is not of the form YYYY-MM.'],
  RECORD_DESTROYED: [ErrorCode.CONFLICT, 'The record was destroyed after its retention period: a certificate’s (CERTIFICATE_FILE) has no PDF, copy, revocation or replacement any more; an application’s (CERTIFICATE_FILE, ABANDONED_APPLICATION) is never edited, submitted or decided again.'],
  VERIFICATION_THROTTLED: [ErrorCode.TOO_MANY_REQUESTS, 'Too many failed verifications from this address or for this number; try again later.'],
});
