import { Role } from '@chancery/access';
import { Actor } from '@chancery/core';
import { present } from '@chancery/policy';
import { CertificateSignatory } from './certificate-signatory';

const signatory = CertificateSignatory.of({
  tenantId: 'chamber', organisationId: 'acme', userId: 'signer-1', name: 'Sam Signer', signatureImage: 'data:image/png;base64,AAAA',
});
const companyUser = (organisationId: string, tenantId = 'chamber'): Actor => ({ kind: 'user', id: 'u', tenantId, organisationId, roles: [Role.ORG_MEMBER] });

describe('the signatory printed on a certificate passes the output gate', () => {
  it("reaches the certificate's company: name and signature image, nothing of the account", () => {
    const printed = present(companyUser('acme'), signatory, 'pdf');
    expect({ ...printed }).toEqual({ name: 'Sam Signer', signatureImage: 'data:image/png;base64,AAAA' });
  });

  it('reaches no other company, no other tenant and no anonymous reader', () => {
    expect(present(companyUser('globex'), signatory, 'pdf')).toBeNull();
    expect(present(companyUser('acme', 'other-chamber'), signatory, 'pdf')).toBeNull();
    expect(present({ kind: 'anonymous', roles: [] } as Actor, signatory, 'pdf')).toBeNull();
  });
});
