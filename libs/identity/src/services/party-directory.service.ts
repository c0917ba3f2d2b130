import { Injectable } from '@nestjs/common';
import type { Actor } from '@chancery/core';
import { AccountRepository } from '../repositories/account.repository';
import { OrganisationRepository } from '../repositories/organisation.repository';

/** What a document context needs to know of a company: its name and address as printed, and whether it is a member. */
export interface CompanyProfile {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  isMember: boolean;
}

/**
 * The people and companies other contexts print or write to (a certificate's exporter and signer, a
 * notice's recipient), read in the caller's unit of work, so row-level security applies: a caller
 * only finds parties of its own tenant. Answers carry only what the caller's output needs.
 */
@Injectable()
export class PartyDirectoryService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly accounts: AccountRepository,
  ) {}

  async companyProfile(organisationId: string): Promise<CompanyProfile | null> {
    const o = await this.organisations.findById(organisationId);
    return o ? { id: o.id, name: o.name, street: o.street, postalCode: o.postalCode, city: o.city, country: o.country, isMember: o.isMember } : null;
  }

  /**
   * Where and in which language to write to a person, and the person as a reader (their tenant, company
   * and roles: the output gate presents a record in the message as they may see it); null for an account
   * that is not active.
   */
  async mailingAddress(userId: string): Promise<{ email: string; language: string; reader: Actor } | null> {
    const account = await this.accounts.findById(userId);
    if (!account || account.status !== 'ACTIVE') return null;
    const reader: Actor = { kind: 'user', id: account.id, tenantId: account.tenantId ?? undefined, organisationId: account.organisationId ?? undefined, roles: account.roles ?? [] };
    return { email: account.email, language: account.preferredLanguage, reader };
  }

  /** The name an official signs with, as the certificate form prints it; null once the account is erased (no name left). */
  async signerName(userId: string): Promise<string | null> {
    const account = await this.accounts.findById(userId);
    const name = account ? `${account.firstName} ${account.lastName}`.trim() : '';
    return name === '' ? null : name;
  }

  /**
   * What names or reaches a person in free text (first and last name, e-mail address, telephone), for
   * another context's erasure to find them in what others wrote. Empty once the account is erased.
   */
  async identifyingValuesOf(userId: string): Promise<string[]> {
    const account = await this.accounts.findById(userId);
    if (!account) return [];
    return [account.firstName, account.lastName, account.email, account.phone].filter((v): v is string => typeof v === 'string' && v.trim().length >= 2);
  }

  /** Whether the official has a signature stored, as signing requires: one small statement, not the image. */
  hasStoredSignature(userId: string): Promise<boolean> {
    return this.accounts.hasSignatureImage(userId);
  }

  /** The signer's stored signature image (a data: URL), reproduced on the certificates they sign. */
  signatureImage(userId: string): Promise<string | null> {
    return this.accounts.signatureImageOf(userId);
  }
}
