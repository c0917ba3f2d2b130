import { Args, ArgsType, Field, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { Allow, AuthenticatedPerson, Permission, Public } from '@chancery/access';
import { OptionalNullable, OptionalArgument } from '@chancery/core';
import { UserAccount } from '@chancery/identity';
import { CONTACT_DISCLOSURE_NOTICE } from '../contact-disclosure-notice';
import { CertifiedProduct } from '../entities/certified-product.entity';
import { ContactDisclosureAcknowledgement } from '../entities/contact-disclosure-acknowledgement.entity';
import { DatasheetVersion } from '../entities/datasheet-version.entity';
import { Datasheet } from '../entities/datasheet.entity';
import { ProductFamilySchema } from '../entities/product-family-schema.entity';
import { PublishedDatasheet } from '../entities/published-datasheet.entity';
import { PublishedDatasheetVersion } from '../entities/published-datasheet-version.entity';
import { WithdrawnDatasheet } from '../entities/withdrawn-datasheet.entity';
import { PublishedProductFamilySchema } from '../entities/published-product-family-schema.entity';
import {
  AcknowledgeNoticeArgs,
  AttachmentIdArgs,
  CertifiedProductListArgs,
  ChangeCertifiedProductStatusArgs,
  CreateCertifiedProductInput,
  CreateDatasheetInput,
  DATASHEET_LANGUAGES,
  DatasheetIdArgs,
  DatasheetIdsArgs,
  DatasheetListArgs,
  DatasheetSettingsArgs,
  NameDatasheetContactArgs,
  PublishedDatasheetArgs,
  PublishedDatasheetHistoryArgs,
  WithdrawnDatasheetArgs,
  WithdrawnDatasheetListArgs,
  PublishedProductFamilySchemaArgs,
  PublishedProductFamilySchemasArgs,
  RequestDatasheetChangesArgs,
  SearchPublishedDatasheetsArgs,
  SetProductFamilySchemaInput,
  UpdateDatasheetDraftInput,
  VersionIdArgs,
} from '../inputs/datasheets.inputs';
import { CertifiedProductsService } from '../services/certified-products.service';
import { ContactDisclosureService } from '../services/contact-disclosure.service';
import { DatasheetAttachmentsService } from '../services/datasheet-attachments.service';
import { DatasheetFeedService } from '../services/datasheet-feed.service';
import { DatasheetsService } from '../services/datasheets.service';
import { PublicDatasheetsService } from '../services/public-datasheets.service';
import {
  ContactDisclosureNotice,
  ContactDisclosureObjection,
  DatasheetFeedEvent,
  DatasheetFeedPage,
  DatasheetSettingsResult,
  PublishedDatasheetPage,
  WithdrawnDatasheetPage,
} from './datasheets.outputs';

@ArgsType()
class NoticeLanguageArgs {
  @Field({ defaultValue: 'en' }) @IsIn(DATASHEET_LANGUAGES) language: string = 'en';
}

@ArgsType()
class FeedArgs {
  @Field(() => String, { nullable: true, description: 'The nextCursor of the previous page; from the beginning when absent.' }) @OptionalNullable() @IsString() @Matches(/^\d{1,18}$/) after?: string | null;
  @Field(() => Int, { nullable: true }) @OptionalArgument() @IsInt() @Min(1) @Max(100) first?: number;
}

/** Certified products and datasheets: the company completes, the tenant's staff review and publish. */
@Resolver()
export class DatasheetsResolver {
  constructor(
    private readonly products: CertifiedProductsService,
    private readonly sheets: DatasheetsService,
    private readonly disclosure: ContactDisclosureService,
    private readonly feed: DatasheetFeedService,
    private readonly attachments: DatasheetAttachmentsService,
  ) {}

  @Allow(Permission.ManageCertifiedProducts)
  @Mutation(() => CertifiedProduct)
  createCertifiedProduct(@Args('input') input: CreateCertifiedProductInput): Promise<CertifiedProduct> {
    return this.products.create(input);
  }

  @Allow(Permission.ManageCertifiedProducts)
  @Mutation(() => CertifiedProduct, { description: 'A product no longer ACTIVE takes its published datasheet off the public outputs.' })
  changeCertifiedProductStatus(@Args() { id, status }: ChangeCertifiedProductStatusArgs): Promise<CertifiedProduct> {
    return this.products.changeStatus(id, status);
  }

  @Allow(Permission.ReadDatasheets)
  @Query(() => [CertifiedProduct], { description: "The company's certified products (organisation users) or the tenant's (staff), by name, in pages." })
  certifiedProducts(@Args() page: CertifiedProductListArgs): Promise<CertifiedProduct[]> {
    return this.products.list(page);
  }

  @Allow(Permission.ManageProductFamilySchemas)
  @Mutation(() => ProductFamilySchema)
  setProductFamilySchema(@Args('input') input: SetProductFamilySchemaInput): Promise<ProductFamilySchema> {
    return this.products.setFamilySchema(input);
  }

  @Allow(Permission.ReadDatasheets)
  @Query(() => [ProductFamilySchema])
  productFamilySchemas(): Promise<ProductFamilySchema[]> {
    return this.products.listFamilySchemas();
  }

  @Allow(Permission.CompleteDatasheets)
  @Mutation(() => DatasheetVersion, { description: 'A new datasheet for a certified product, its first version a draft completed by the caller.' })
  createDatasheet(@Args('input') input: CreateDatasheetInput): Promise<DatasheetVersion> {
    return this.sheets.create(input);
  }

  @Allow(Permission.CompleteDatasheets)
  @Mutation(() => DatasheetVersion, { description: 'A new draft version from the latest one; published, it supersedes the version published before.' })
  startDatasheetVersion(@Args() { datasheetId }: DatasheetIdArgs): Promise<DatasheetVersion> {
    return this.sheets.startNewVersion(datasheetId);
  }

  @Allow(Permission.CompleteDatasheets)
  @Mutation(() => DatasheetVersion)
  updateDatasheetDraft(@Args('input') input: UpdateDatasheetDraftInput): Promise<DatasheetVersion> {
    return this.sheets.updateDraft(input);
  }

  @Allow(Permission.CompleteDatasheets)
  @Mutation(() => DatasheetVersion, {
    description: 'Removes an attachment of a DRAFT or CHANGES_REQUESTED version (added by POST /datasheet-versions/{versionId}/attachments); answers the version.',
  })
  removeDatasheetAttachment(@Args() { attachmentId }: AttachmentIdArgs): Promise<DatasheetVersion> {
    return this.attachments.remove(attachmentId);
  }

  @Allow(Permission.CompleteDatasheets)
  @Mutation(() => DatasheetVersion)
  submitDatasheetVersion(@Args() { versionId }: VersionIdArgs): Promise<DatasheetVersion> {
    return this.sheets.submit(versionId);
  }

  @Allow(Permission.ReviewDatasheets)
  @Mutation(() => DatasheetVersion)
  approveDatasheetVersion(@Args() { versionId }: VersionIdArgs): Promise<DatasheetVersion> {
    return this.sheets.approve(versionId);
  }

  @Allow(Permission.ReviewDatasheets)
  @Mutation(() => DatasheetVersion)
  requestDatasheetChanges(@Args() { versionId, comment }: RequestDatasheetChangesArgs): Promise<DatasheetVersion> {
    return this.sheets.requestChanges(versionId, comment);
  }

  @Allow(Permission.PublishDatasheets)
  @Mutation(() => DatasheetVersion)
  publishDatasheetVersion(@Args() { versionId }: VersionIdArgs): Promise<DatasheetVersion> {
    return this.sheets.publish(versionId);
  }

  @Allow(Permission.PublishDatasheets)
  @Mutation(() => Datasheet)
  unpublishDatasheet(@Args() { datasheetId }: DatasheetIdArgs): Promise<Datasheet> {
    return this.sheets.unpublish(datasheetId);
  }

  @Allow(Permission.ReadDatasheets)
  @Query(() => [Datasheet], { description: "The company's datasheets (organisation users) or the tenant's (staff), newest first, in pages." })
  datasheets(@Args() page: DatasheetListArgs): Promise<Datasheet[]> {
    return this.sheets.list(page);
  }

  @Allow(Permission.ReadDatasheets)
  @Query(() => [DatasheetVersion], { description: 'Every version of each datasheet given (a page of `datasheets`), by datasheet, oldest first; none of a datasheet that is not the caller’s.' })
  datasheetVersionsOf(@Args() { datasheetIds }: DatasheetIdsArgs): Promise<DatasheetVersion[]> {
    return this.sheets.versionsOfAll(datasheetIds);
  }

  @Allow(Permission.ReadDatasheets)
  @Query(() => [DatasheetVersion], { description: 'Every version of a datasheet with its dates, oldest first.' })
  datasheetVersions(@Args() { datasheetId }: DatasheetIdArgs): Promise<DatasheetVersion[]> {
    return this.sheets.versionsOf(datasheetId);
  }

  @Public()
  @Query(() => ContactDisclosureNotice)
  contactDisclosureNotice(@Args() { language }: NoticeLanguageArgs): ContactDisclosureNotice {
    const text = CONTACT_DISCLOSURE_NOTICE.text[language as keyof typeof CONTACT_DISCLOSURE_NOTICE.text];
    return Object.assign(new ContactDisclosureNotice(), { version: CONTACT_DISCLOSURE_NOTICE.version, language, text });
  }

  @AuthenticatedPerson()
  @Mutation(() => ContactDisclosureAcknowledgement)
  acknowledgeContactDisclosureNotice(@Args() { version }: AcknowledgeNoticeArgs): Promise<ContactDisclosureAcknowledgement> {
    return this.disclosure.acknowledge(version);
  }

  @AuthenticatedPerson()
  @Mutation(() => ContactDisclosureObjection, {
    description: 'The caller objects to the publication of their contact details: their organisation role is withdrawn and their details leave every public output at once.',
  })
  async objectToContactDisclosure(): Promise<ContactDisclosureObjection> {
    return Object.assign(new ContactDisclosureObjection(), await this.disclosure.object());
  }

  @Allow(Permission.NameDatasheetContact)
  @Query(() => [UserAccount], {
    description: 'The colleagues the company may name as a datasheet’s contact: active, with an organisation role, having acknowledged the disclosure notice, not under a restriction of processing.',
  })
  datasheetContactCandidates(): Promise<UserAccount[]> {
    return this.disclosure.contactCandidates();
  }

  @Allow(Permission.NameDatasheetContact)
  @Mutation(() => Datasheet)
  nameDatasheetContact(@Args() { datasheetId, userId }: NameDatasheetContactArgs): Promise<Datasheet> {
    return this.disclosure.nameContact(datasheetId, userId);
  }

  @Allow(Permission.ManageDatasheetSettings)
  @Query(() => DatasheetSettingsResult, { description: "The tenant's datasheet settings (the default where it set none)." })
  async datasheetSettings(): Promise<DatasheetSettingsResult> {
    return Object.assign(new DatasheetSettingsResult(), { contactReplacementDays: await this.disclosure.contactReplacementDays() });
  }

  @Allow(Permission.ManageDatasheetSettings)
  @Mutation(() => DatasheetSettingsResult)
  async setDatasheetSettings(@Args() { contactReplacementDays }: DatasheetSettingsArgs): Promise<DatasheetSettingsResult> {
    return Object.assign(new DatasheetSettingsResult(), { contactReplacementDays: await this.disclosure.setContactReplacementDays(contactReplacementDays) });
  }

  @Allow(Permission.ReadDatasheetFeed)
  @Query(() => DatasheetFeedPage, { description: "The tenant's datasheet changes after a cursor (the external central system's feed)." })
  async datasheetFeed(@Args() { after, first }: FeedArgs): Promise<DatasheetFeedPage> {
    const page = await this.feed.changes(after, first);
    return Object.assign(new DatasheetFeedPage(), { nextCursor: page.nextCursor, events: page.events.map((e) => Object.assign(new DatasheetFeedEvent(), e)) });
  }
}

/** The public API of published datasheets: no login. */
@Resolver()
export class PublicDatasheetsResolver {
  constructor(private readonly publicDatasheets: PublicDatasheetsService) {}

  @Public()
  @Query(() => PublishedDatasheet, {
    description: 'A published datasheet by public id or by short code (exactly one); NOT_FOUND when none is published under it (the reason DATASHEET_WITHDRAWN when one was withdrawn: see withdrawnDatasheet).',
  })
  publishedDatasheet(@Args() { id, code }: PublishedDatasheetArgs): Promise<PublishedDatasheet> {
    return this.publicDatasheets.find({ id, code });
  }

  @Public()
  @Query(() => [PublishedDatasheetVersion], {
    description:
      "The versions of a datasheet no longer in force, newest first, with when each was in force, by its public id or short code (exactly one; GET /public/datasheets/{code or id}/versions is the same question): those its current version superseded, or, withdrawn, its last version (withdrawnAt, withdrawalReason) and those before it; NOT_FOUND when none was published under it.",
  })
  publishedDatasheetHistory(@Args() { id, code }: PublishedDatasheetHistoryArgs): Promise<PublishedDatasheetVersion[]> {
    return this.publicDatasheets.history({ id, code });
  }

  @Public()
  @Query(() => WithdrawnDatasheet, {
    description:
      'A withdrawn datasheet by its public id or short code (exactly one): what it was, when and why it was withdrawn, so that printed copies are no longer relied on (GET /public/datasheets/{code or id}/withdrawal is the same question); NOT_FOUND when none is withdrawn under it.',
  })
  withdrawnDatasheet(@Args() { id, code }: WithdrawnDatasheetArgs): Promise<WithdrawnDatasheet> {
    return this.publicDatasheets.withdrawal({ id, code });
  }

  @Public()
  @Query(() => WithdrawnDatasheetPage, {
    description:
      "Withdrawn datasheets, newest withdrawal first, in pages (at most 100): a certification body's register of suspended, withdrawn and expired certificates (GET /public/withdrawn-datasheets is the same question).",
  })
  async withdrawnDatasheets(@Args() args: WithdrawnDatasheetListArgs): Promise<WithdrawnDatasheetPage> {
    return Object.assign(new WithdrawnDatasheetPage(), await this.publicDatasheets.withdrawals(args));
  }

  @Public()
  @Query(() => PublishedProductFamilySchema, {
    description:
      "A product family's schema, public while a datasheet of the family is published: what each characteristic is (GET /public/product-families/{tenant}/{family} is the same question); NOT_FOUND otherwise.",
  })
  publishedProductFamilySchema(@Args() { tenant, family }: PublishedProductFamilySchemaArgs): Promise<PublishedProductFamilySchema> {
    return this.publicDatasheets.familySchema(tenant, family);
  }

  @Public()
  @Query(() => [PublishedProductFamilySchema], {
    description:
      "A certification body's product families with a published datasheet, each with its schema, by family (GET /public/product-families/{tenant} is the same question); none for a tenant that does not exist. Without a tenant, every body's, by tenant id and family (GET /public/product-families).",
  })
  publishedProductFamilySchemas(@Args() { tenant }: PublishedProductFamilySchemasArgs): Promise<PublishedProductFamilySchema[]> {
    return this.publicDatasheets.familySchemas(tenant);
  }

  @Public()
  @Query(() => PublishedDatasheetPage, { description: 'Published datasheets, newest first, in pages (at most 100).' })
  async searchPublishedDatasheets(@Args() args: SearchPublishedDatasheetsArgs): Promise<PublishedDatasheetPage> {
    return Object.assign(new PublishedDatasheetPage(), await this.publicDatasheets.search(args));
  }
}
