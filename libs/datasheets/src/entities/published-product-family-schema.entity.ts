import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Internal, NotPersonalData, PolicyEntity, Readable, published } from '@chancery/policy';

/**
 * A product family's schema as anyone may read it once a datasheet of the family is published: what
 * the published characteristics mean (each property's title, with its unit: "Thermal conductivity λ
 * (W/m·K)"), for the public page and for the external systems that republish the datasheets. Before
 * the family's first publication, and after its last unpublication, the schema is the certification
 * body's own: the database shows the public scope no other, and the gate hides a record not marked
 * published. Not a table of its own: `product_family_schema` read in the public scope.
 */
@ObjectType()
@PolicyEntity<PublishedProductFamilySchema>({
  name: 'PublishedProductFamilySchema',
  visibleTo: [published()],
  relations: { tenantId: (s) => s.tenantId, isPublished: (s) => Boolean(s.hasPublishedDatasheet) },
})
export class PublishedProductFamilySchema {
  @Readable(published()) @NotPersonalData('tenant settings, published')
  @Field(() => ID, { nullable: true, description: 'The certification body.' }) tenantId: string;
  @Readable(published()) @NotPersonalData('tenant settings, published')
  @Field(() => String, { nullable: true }) family: string;
  @Readable(published()) @NotPersonalData('tenant settings, published')
  @Field(() => Int, { nullable: true, description: 'Counts the changes of the schema: 1 for the first.' }) version: number;
  @Readable(published()) @NotPersonalData('tenant settings, published')
  @Field(() => String, { nullable: true, description: "The JSON Schema, as JSON text: each property's `title` names a characteristic of the published datasheets." }) jsonSchema: string;
  @Readable(published()) @NotPersonalData('tenant settings, published')
  @Field(() => Date, { nullable: true }) updatedAt: Date;
  /** A datasheet of the family is published: the schema is public while one is. */
  @Internal() @NotPersonalData()
  hasPublishedDatasheet: boolean;
}
