import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { OptionalArgument } from '@chancery/core';
import { ALL_WEBHOOK_EVENT_TYPES } from '../webhook-event-types';

@InputType()
export class RegisterWebhookInput {
  @Field({ description: 'Where events are POSTed: https (http and local addresses outside production only).' })
  @IsString() @MaxLength(2000) url: string;
  @Field(() => [String], { description: `Events to receive. A company's ERP: certificate_application.state_changed, certificate.*; a tenant: datasheet.*.` })
  @ArrayMinSize(1) @ArrayMaxSize(ALL_WEBHOOK_EVENT_TYPES.length) @IsIn(ALL_WEBHOOK_EVENT_TYPES, { each: true }) eventTypes: string[];
}

@ArgsType()
export class WebhookIdArgs {
  @Field(() => ID) @IsUUID() webhookId: string;
}

@ArgsType()
export class WebhookDeliveriesArgs {
  @Field(() => ID) @IsUUID() webhookId: string;
  @Field({ nullable: true, description: 'Only the dead letters (deliveries given up after the last attempt).' })
  @OptionalArgument() @IsBoolean() deadLettersOnly?: boolean;
}

@ArgsType()
export class WebhookDeliveryIdArgs {
  @Field(() => ID) @IsUUID() deliveryId: string;
}
