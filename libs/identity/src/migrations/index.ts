import { Identity1765000000100 } from './1765000000100-identity';
import { IdentityHardening1765100000100 } from './1765100000100-identity-hardening';
import { AccountClosureDate1767510000200 } from './1767510000200-account-closure-date';
import { AccountAddressLookup1767600000200 } from './1767600000200-account-address-lookup';
import { EmailAddressesComposed1767630000000 } from './1767630000000-email-addresses-composed';
import { OrganisationInvoicingDetails1767680000300 } from './1767680000300-organisation-invoicing-details';
import { RecoveryCodes1767720000000 } from './1767720000000-recovery-codes';
import { StaffSecondFactorRequirement1767810000000 } from './1767810000000-staff-second-factor-requirement';
import { ConfirmedCompanies1767830000000 } from './1767830000000-confirmed-companies';
import { ActiveAccountsOfConfirmedCompanies1767850000000 } from './1767850000000-active-accounts-of-confirmed-companies';

export const IDENTITY_MIGRATIONS = [Identity1765000000100, IdentityHardening1765100000100, AccountClosureDate1767510000200, AccountAddressLookup1767600000200, EmailAddressesComposed1767630000000, OrganisationInvoicingDetails1767680000300, RecoveryCodes1767720000000, StaffSecondFactorRequirement1767810000000, ConfirmedCompanies1767830000000, ActiveAccountsOfConfirmedCompanies1767850000000];
