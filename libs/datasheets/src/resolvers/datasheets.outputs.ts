import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Envelope } from '@chancery/policy';
import { DatasheetChangeKind } from '../entities/internal.entities';
import { PublishedDatasheet } from '../entities/published-datasheet.entity';
import { WithdrawnDatasheet } from '../entities/withdrawn-datasheet.entity';

registerEnumType(DatasheetChangeKind, {
  name: 'DatasheetChangeKind',
  valuesMap: {
    CONTACT_CHANGED: { description: 'The published record changed without a new version: its contact, or its holder’s current name (the company was renamed). Read the datasheet again.' },
  },
});

@Envelope('ContactDisclosureNotice')
@ObjectType({ description: 'The notice a person acknowledges before taking an organisation role in a certification body’s space (COPRO §5b).' })
export class ContactDisclosureNotice {
  @Field() version: string;
  @Field() language: string;
  @Field() text: string;
}

@Envelope('ContactDisclosureObjection')
@ObjectType()
export class ContactDisclosureObjection {
  @Field(() => [Role], { description: 'The organisation roles withdrawn: effective at the next request.' }) withdrawnRoles: Role[];
  @Field(() => Int, { description: 'Datasheets that named the person as contact, now flagged CONTACT_REPLACEMENT_REQUIRED (the published ones show the company’s general contact meanwhile): the number the company’s e-mail gives.' }) datasheetsAffected: number;
  @Field(() => Date, { nullable: true, description: 'Unless the company names a new contact by then, those datasheets are unpublished.' }) replacementDeadline: Date | null;
}

@Envelope('DatasheetTenantSettings')
@ObjectType('DatasheetTenantSettings')
export class DatasheetSettingsResult {
  @Field(() => Int) contactReplacementDays: number;
}

@Envelope('PublishedDatasheetPage')
@ObjectType()
export class PublishedDatasheetPage {
  @Field(() => [PublishedDatasheet]) items: PublishedDatasheet[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' }) nextCursor: string | null;
}

@Envelope('WithdrawnDatasheetPage')
@ObjectType()
export class WithdrawnDatasheetPage {
  @Field(() => [WithdrawnDatasheet]) items: WithdrawnDatasheet[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last page.' }) nextCursor: string | null;
}

@Envelope('DatasheetFeedEvent')
@ObjectType()
export class DatasheetFeedEvent {
  @Field({ description: 'The cursor of this event.' }) seq: string;
  @Field(() => DatasheetChangeKind) kind: DatasheetChangeKind;
  @Field(() => ID) datasheetId: string;
  @Field(() => ID, { nullable: true }) versionId: string | null;
  @Field() occurredAt: Date;
  @Field(() => PublishedDatasheet, { nullable: true, description: 'The datasheet as published now; null when it is no longer published (remove the copy).' })
  datasheet: PublishedDatasheet | null;
  @Field(() => WithdrawnDatasheet, { nullable: true, description: 'When the datasheet is not published now because it was withdrawn: when and why (show it in place of the copy).' })
  withdrawal: WithdrawnDatasheet | null;
}

@Envelope('DatasheetFeedPage')
@ObjectType()
export class DatasheetFeedPage {
  @Field(() => [DatasheetFeedEvent]) events: DatasheetFeedEvent[];
  @Field({ description: 'Pass as `after` to continue; unchanged when there was nothing new.' }) nextCursor: string;
}
