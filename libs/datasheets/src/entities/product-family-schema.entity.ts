import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Internal, NotPersonalData, PolicyEntity, Readable, ownTenant } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The JSON Schema a tenant keeps for a product family: a datasheet's characteristics must satisfy it. */
@ObjectType()
@PolicyEntity<ProductFamilySchema>({ name: 'ProductFamilySchema', visibleTo: [ownTenant()], relations: { tenantId: (s) => s.tenantId } })
@Entity({ name: 'product_family_schema' })
export class ProductFamilySchema {
  @Readable(ownTenant()) @NotPersonalData('tenant settings')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(ownTenant()) @NotPersonalData('tenant settings')
  @Field(() => String, { nullable: true }) @Column() family: string;
  @Readable(ownTenant()) @NotPersonalData('tenant settings')
  @Field(() => Int, { nullable: true }) @Column('integer') version: number;
  @Readable(ownTenant()) @NotPersonalData('tenant settings')
  @Field(() => String, { nullable: true, description: 'The JSON Schema (draft 2020-12 or 07), as JSON text.' }) @Column('jsonb', { name: 'json_schema' }) jsonSchema: string;
  @Readable(ownTenant()) @NotPersonalData('tenant settings')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
