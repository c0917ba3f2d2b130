import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { ClsServiceManager } from 'nestjs-cls';
import { Actor, ANONYMOUS_ACTOR } from '@chancery/core/context/actor';
import { allPolicyEntities } from '../policy.registry';
import { readableFields } from '../policy.engine';
import type { EntityClass } from '../policy.types';

/**
 * GraphQL object types that are envelopes around records, not records: their fields carry no data
 * of their own beyond what the records inside them declare (checked by a test that walks the schema).
 * Every other object type must be a policy entity.
 */
export const ENVELOPE_TYPES: ReadonlySet<string> = new Set([
  'Query',
  'Mutation',
  'ApiInfo',
  'SessionTokens',
  'RegistrationResult',
  'CreatedApiKey',
  'AuditChainStatus',
]);

let classesByTypeName: Map<string, EntityClass> | undefined;

function policyClassOf(typeName: string): EntityClass | undefined {
  classesByTypeName ??= new Map(allPolicyEntities().map((entity) => [entity.name, entity.cls]));
  return classesByTypeName.get(typeName);
}

const readableCache = new WeakMap<object, { viewer: Actor; fields: Set<string> }>();

function currentViewer(): Actor {
  const cls = ClsServiceManager.getClsService();
  return (cls.isActive() && (cls.get('actor') as Actor | undefined)) || ANONYMOUS_ACTOR;
}

/**
 * The GraphQL path of the policy: every field of every record type, at every depth and in every
 * list, resolves to null unless its declaration lets this viewer read it. Types that are neither
 * records nor known envelopes resolve nothing (default deny).
 */
export const policyFieldMiddleware: FieldMiddleware = async (ctx: MiddlewareContext, next: NextFn) => {
  const { info } = ctx;
  if (!info) return null;
  const typeName = info.parentType.name;
  if (ENVELOPE_TYPES.has(typeName)) return next();
  const cls = policyClassOf(typeName);
  if (!cls || typeof ctx.source !== 'object' || ctx.source === null) return null;
  const viewer = currentViewer();
  let cached = readableCache.get(ctx.source);
  if (!cached || cached.viewer !== viewer) {
    cached = { viewer, fields: readableFields(viewer, cls, ctx.source as object) };
    readableCache.set(ctx.source, cached);
  }
  if (!cached.fields.has(info.fieldName)) return null;
  recordPersonalDataRead(viewer, cls, ctx.source as object, info.fieldName);
  return next();
};

/** Hook for the personal-data access log; set by the module that keeps the log. */
export type PersonalDataReadListener = (viewer: Actor, cls: EntityClass, record: object, field: string) => void;
let personalDataReadListener: PersonalDataReadListener | undefined;

export function onPersonalDataRead(listener: PersonalDataReadListener | undefined): void {
  personalDataReadListener = listener;
}

function recordPersonalDataRead(viewer: Actor, cls: EntityClass, record: object, field: string): void {
  personalDataReadListener?.(viewer, cls, record, field);
}
