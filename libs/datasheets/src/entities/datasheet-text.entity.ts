import { Field, ObjectType } from '@nestjs/graphql';
import { anyone, NotPersonalData, PolicyEntity, Readable } from '@chancery/policy';

/**
 * A datasheet's text in one language (NL, FR, DE, EN). Nested in a version or a published
 * datasheet only, so the record around it decides who sees it: it is readable wherever that is.
 */
@ObjectType()
@PolicyEntity<DatasheetText>({ name: 'DatasheetText', visibleTo: [anyone()], relations: {} })
export class DatasheetText {
  @Readable(anyone()) @NotPersonalData('product description') @Field() language: string;
  @Readable(anyone()) @NotPersonalData('product description') @Field() title: string;
  @Readable(anyone()) @NotPersonalData('product description') @Field() description: string;
}
