import { Internal, NotPersonalData, ownOrganisation, PersonalData, PolicyEntity, Readable, self, staffOfOwnTenant } from '@chancery/policy';
import { SIGNATORY_NAME, SIGNATORY_SIGNATURE } from './personal-data.declarations';

/**
 * The authorised official as a certificate prints them: name and signature image, for the company
 * whose certificate it is (the form requires both). Not stored: built from the signer's account when
 * the PDF is rendered, and passed through the output gate like any record, so this disclosure is
 * declared — it shows in the visibility matrix and the register — rather than read around the policy.
 */
@PolicyEntity<CertificateSignatory>({
  name: 'CertificateSignatory',
  subject: 'user',
  visibleTo: [self(), ownOrganisation(), staffOfOwnTenant()],
  relations: { tenantId: (s) => s.tenantId, organisationId: (s) => s.organisationId, selfUserId: (s) => s.userId },
})
export class CertificateSignatory {
  @Internal() @NotPersonalData('bookkeeping of the record') tenantId: string;
  /** The company whose certificate is printed. */
  @Internal() @NotPersonalData('bookkeeping of the record') organisationId: string;
  @Internal() @NotPersonalData('a reference to the account, used for the relation only') userId: string;
  @Readable(self(), ownOrganisation(), staffOfOwnTenant()) @PersonalData(SIGNATORY_NAME) name: string;
  @Readable(self(), ownOrganisation(), staffOfOwnTenant()) @PersonalData(SIGNATORY_SIGNATURE) signatureImage: string | null;

  static of(values: { [K in keyof CertificateSignatory]: CertificateSignatory[K] }): CertificateSignatory {
    return Object.assign(new CertificateSignatory(), values);
  }
}
