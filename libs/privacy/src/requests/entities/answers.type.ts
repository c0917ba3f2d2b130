import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Envelope } from '@chancery/policy';

@Envelope('HolderErasure')
@ObjectType('HolderErasure', { description: 'What erasure did in one holder of personal data, and why anything was kept.' })
export class HolderErasureType {
  @Field({ description: 'The holder, e.g. identity.accounts.' }) holder: string;
  @Field(() => Int) deleted: number;
  @Field(() => Int) deidentified: number;
  @Field(() => Int, { description: 'Kept as they are: they hold only an id, under a duty to keep them.' }) keptAsReference: number;
  @Field(() => String, { nullable: true, description: 'The legal or evidential duty behind what was kept.' }) reason?: string | null;
}

@Envelope('RetentionSweepResult')
@ObjectType('RetentionSweepResult', { description: 'What one retention sweep did in one holder of personal data.' })
export class RetentionSweepResultType {
  @Field() holder: string;
  @Field(() => Int) expired: number;
  @Field(() => Int) deleted: number;
  @Field(() => Int) deidentified: number;
  @Field(() => Int, { description: 'Past retention but under a legal hold or a restriction: untouched.' }) held: number;
}

@Envelope('DataSubjectExportAnswer')
@ObjectType('DataSubjectExportAnswer', { description: 'The answer to an access or portability request.' })
export class DataSubjectExportAnswer {
  @Field(() => ID, { description: 'The request answered.' }) id: string;
  @Field({ description: 'The export as JSON (docs/privacy/data-subject-export.schema.json).' }) document: string;
}

@Envelope('DataSubjectErasureAnswer')
@ObjectType('DataSubjectErasureAnswer', { description: 'The answer to an erasure request, per holder of personal data.' })
export class DataSubjectErasureAnswer {
  @Field(() => ID, { description: 'The request answered.' }) id: string;
  @Field(() => [HolderErasureType]) holders: HolderErasureType[];
}
