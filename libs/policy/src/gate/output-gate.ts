import type { Actor } from '@chancery/core';
import { anyGrantApplies, relationMask } from '../policy.engine';
import { getPolicy, isEnvelope } from '../policy.registry';
import { EntityPolicy, FieldPolicy } from '../policy.types';
import { copyConstructorOf, CopyConstructor } from './copy-shapes';

/**
 * Why a record leaves the system. Every output path names its purpose: the access log records what
 * staff saw through it, and logs get references only.
 */
export type OutputPurpose = 'graphql' | 'http' | 'email' | 'webhook' | 'feed' | 'pdf' | 'export' | 'log';

/**
 * Which fields to output: a map from field name to the selection inside it (null for a leaf), or
 * `all` (every field the viewer may read). GraphQL passes what the query selected.
 */
export type Selection = ReadonlyMap<string, Selection | null> | 'all';

/** A record that is neither a declared entity nor an envelope reached an output: refused, loudly. */
export class UnpresentableOutputError extends Error {
  override readonly name = 'UnpresentableOutputError';
}

/** Told of every personal-data field a viewer is shown (the access log keeps the ones that count). */
export type PresentedPersonalData = (
  viewer: Actor,
  policy: EntityPolicy,
  record: object,
  fields: readonly FieldPolicy[],
  purpose: OutputPurpose,
) => void;

let presentedListener: PresentedPersonalData | undefined;

/** Set by the module that keeps the personal-data access log. */
export function onPersonalDataPresented(listener: PresentedPersonalData | undefined): void {
  presentedListener = listener;
}

/** A base whose constructor returns the object it is given: a subclass's private fields land on that object. */
class ReturnsGiven {
  constructor(given: object) {
    return given;
  }
}

/**
 * The record each copy was made from, kept on the copy in a private field: serialisers, spreads,
 * `Object.keys` and deep equality never see it, and stamping it costs a few nanoseconds where a
 * WeakMap entry per copy cost over a hundred and work for every garbage collection.
 * `new OriginalStamp(copy, record)` returns `copy` itself, stamped.
 */
class OriginalStamp extends ReturnsGiven {
  readonly #original: object;

  constructor(copy: object, original: object) {
    super(copy);
    this.#original = original;
  }

  static originalOf(value: object): object | undefined {
    return #original in value ? (value as OriginalStamp).#original : undefined;
  }
}

const counts = new Map<OutputPurpose, number>();

/** The record a presented copy was made from (for field resolvers that check a declaration). */
export function originalOf<T extends object>(presented: T): T | undefined {
  return OriginalStamp.originalOf(presented) as T | undefined;
}

/** Whether the object is a copy the gate made (output adapters refuse anything else). */
export function isPresented(value: object): boolean {
  return OriginalStamp.originalOf(value) !== undefined;
}

/** How many records the gate has presented per purpose, since the process started. */
export function presentedCounts(): ReadonlyMap<OutputPurpose, number> {
  return counts;
}

/**
 * The output gate: the only way a record leaves the system (GraphQL, HTTP, e-mail, webhook, feed,
 * PDF, export, log). Returns a copy holding only the fields `viewer` may read (and the selection
 * asks for), records nested inside presented the same way; `null` when the viewer may not see the
 * record at all (its entity's `visibleTo`). Visibility is decided once per record, synchronously.
 * Arrays come back without the records the viewer may not see. A value that is neither a declared
 * entity nor an envelope is refused with an error (default deny, loudly).
 * For `log`, a record is reduced to a reference: `{ entity, ref }` (its id).
 */
export function present<T>(viewer: Actor, value: T, purpose: OutputPurpose, selection: Selection = 'all'): T | null {
  return presentValue(newPresentation(viewer, purpose), value, selection) as T | null;
}

/**
 * One call of the gate: who sees, why, the copies made so far (shared records stay shared, cycles
 * end) and the plans decided so far, both by selection first: a call meets a few selections (one per
 * selected path) and many records, so it keeps a map per selection rather than one per record.
 */
interface Presentation {
  viewer: Actor;
  purpose: OutputPurpose;
  done: Map<Selection, Map<object, object | null>>;
  /** Made at the first record: a call that presents none (a field resolver's scalar) makes none. */
  plans?: Map<Selection, Map<EntityPolicy, Map<number, CopyPlan | null>>>;
}

/**
 * What the viewer gets of an entity's records that stand in one relation to them (`relationMask`),
 * for one selection: the fields, in the entity's declaration order, with the selection inside each.
 * The same for every such record, so decided once per call rather than per record and field; `null`
 * when such records are not visible to the viewer at all.
 */
interface CopyPlan {
  names: readonly string[];
  inside: readonly (Selection | null)[];
  personal: readonly (FieldPolicy | undefined)[];
  anyPersonal: boolean;
  /** Copies holding every field of `names`, with `prototype` (`undefined`: none compiled, see copy-shapes). */
  construct: CopyConstructor | undefined;
  prototype: object;
}

function newPresentation(viewer: Actor, purpose: OutputPurpose): Presentation {
  return { viewer, purpose, done: new Map() };
}

function presentValue(p: Presentation, value: unknown, selection: Selection | null): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const element of value) {
      const presented = presentValue(p, element, selection);
      if (presented !== null || element === null) out.push(presented);
    }
    return out;
  }
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const ctor = (Object.getPrototypeOf(value) as { constructor?: unknown } | null)?.constructor;
  if (typeof ctor === 'function' && ctor !== Object) {
    const policy = getPolicy(ctor);
    const wanted = selection ?? 'all';
    const earlier = p.done.get(wanted)?.get(value);
    if (earlier !== undefined) return earlier;
    if (policy) return presentRecord(p, policy, value, wanted);
    if (isEnvelope(ctor)) return presentEnvelope(p, value, wanted);
  }
  throw new UnpresentableOutputError(
    `${typeof ctor === 'function' ? ctor.name : 'a plain object'} reached an output (${p.purpose}) without a @PolicyEntity or @Envelope declaration`,
  );
}

function remember(p: Presentation, original: object, selection: Selection, copy: object | null): void {
  let byRecord = p.done.get(selection);
  if (!byRecord) p.done.set(selection, (byRecord = new Map()));
  byRecord.set(original, copy);
}

function planOf(p: Presentation, policy: EntityPolicy, record: object, selection: Selection): CopyPlan | null {
  const mask = relationMask(p.viewer, policy, record);
  const plans = (p.plans ??= new Map());
  let byPolicy = plans.get(selection);
  if (!byPolicy) plans.set(selection, (byPolicy = new Map()));
  let byMask = byPolicy.get(policy);
  if (!byMask) byPolicy.set(policy, (byMask = new Map()));
  let plan = byMask.get(mask);
  if (plan !== undefined) return plan;
  plan = null;
  if (anyGrantApplies(policy.visibleTo, p.viewer.roles, mask)) {
    const names: string[] = [];
    const inside: (Selection | null)[] = [];
    const personal: (FieldPolicy | undefined)[] = [];
    for (const [name, field] of policy.fields) {
      if (selection !== 'all' && !selection.has(name)) continue;
      if (!anyGrantApplies(field.read, p.viewer.roles, mask)) continue;
      names.push(name);
      inside.push(selection === 'all' ? 'all' : (selection.get(name) ?? null));
      personal.push(field.personalData ? field : undefined);
    }
    const prototype = Object.getPrototypeOf(record) as object;
    plan = { names, inside, personal, anyPersonal: personal.some(Boolean), construct: copyConstructorOf(prototype, names), prototype };
  }
  byMask.set(mask, plan);
  return plan;
}

function presentRecord(p: Presentation, policy: EntityPolicy, record: object, selection: Selection): object | null {
  const { viewer, purpose } = p;
  if (purpose === 'log') {
    counts.set(purpose, (counts.get(purpose) ?? 0) + 1);
    // A reference, under a key no field declaration names (the log's path redaction leaves it).
    return { entity: policy.name, ref: (record as { id?: unknown }).id ?? null };
  }
  const plan = planOf(p, policy, record, selection);
  if (!plan) {
    remember(p, record, selection, null);
    return null;
  }
  const { names, inside } = plan;
  const source = record as Record<string, unknown>;
  // Plain values go into the copy as they are; objects (records, arrays, dates) after the copy is
  // remembered, so a record met again inside them (a cycle) finds this copy rather than recursing.
  const values = new Array<unknown>(names.length);
  // (A subclass sharing its parent's policy gets its own prototype: the slow path.)
  let complete = plan.construct !== undefined && Object.getPrototypeOf(record) === plan.prototype;
  let objects = false;
  for (let i = 0; i < names.length; i += 1) {
    const raw = source[names[i]!];
    if (raw === undefined) complete = false;
    else if (raw !== null && typeof raw === 'object') {
      objects = true;
      values[i] = null;
    } else values[i] = raw;
  }
  let copy: Record<string, unknown>;
  if (complete) {
    copy = new plan.construct!(values);
  } else {
    // A field the record does not hold (not loaded) stays absent from the copy, as before.
    copy = Object.create(Object.getPrototypeOf(record) as object) as Record<string, unknown>;
    for (let i = 0; i < names.length; i += 1) if (source[names[i]!] !== undefined) copy[names[i]!] = values[i];
  }
  remember(p, record, selection, copy);
  if (objects) {
    for (let i = 0; i < names.length; i += 1) {
      const raw = source[names[i]!];
      if (raw !== null && typeof raw === 'object') copy[names[i]!] = presentValue(p, raw, inside[i]!);
    }
  }
  new OriginalStamp(copy, record);
  counts.set(purpose, (counts.get(purpose) ?? 0) + 1);
  if (plan.anyPersonal && presentedListener) {
    const personal: FieldPolicy[] = [];
    for (let i = 0; i < names.length; i += 1) {
      const field = plan.personal[i];
      if (field && source[names[i]!] !== undefined) personal.push(field);
    }
    presentedListener(viewer, policy, record, personal, purpose);
  }
  return copy;
}

function presentEnvelope(p: Presentation, envelope: object, selection: Selection): object {
  const copy = Object.create(Object.getPrototypeOf(envelope) as object) as Record<string, unknown>;
  remember(p, envelope, selection, copy);
  const source = envelope as Record<string, unknown>;
  const names = selection === 'all' ? Object.keys(source) : selection.keys();
  for (const name of names) {
    if (source[name] === undefined) continue;
    copy[name] = presentValue(p, source[name], selection === 'all' ? 'all' : (selection.get(name) ?? null));
  }
  new OriginalStamp(copy, envelope);
  return copy;
}

/** What `presentToDataSubject` needs to know beyond the record. */
export interface DataSubjectPresentation {
  /** Who produces the answer (the person, or the officer answering their request): the access log names them. */
  requestedBy: Actor;
  /** Personal-data fields of the record that are someone else's (the reader of an access, the granter of a role). */
  aboutOthers?: readonly string[];
}

/**
 * The gate's one rule for a data-subject request (GDPR Art. 15 and 20): a record a holder vouches is
 * about the person gives them every field declared personal data about them — also the ones their
 * everyday role may not read, such as the address an audit entry recorded — except credentials (a
 * copy of a password hash or second-factor secret would be a key to the account) and the fields that
 * are someone else's. Nothing else leaves: no undeclared field, no field declared not personal data.
 * Returns the gate's copy (purpose `export`); the access log records `requestedBy` reading them.
 */
export function presentToDataSubject<T extends object>(record: T, presentation: DataSubjectPresentation): T {
  const policy = getPolicy((Object.getPrototypeOf(record) as { constructor: EntityPolicy['cls'] }).constructor);
  if (!policy) {
    throw new UnpresentableOutputError(`${record.constructor.name} reached an output (export) without a @PolicyEntity declaration`);
  }
  const others = new Set(presentation.aboutOthers ?? []);
  const copy = Object.create(Object.getPrototypeOf(record) as object) as Record<string, unknown>;
  const source = record as Record<string, unknown>;
  const personal: FieldPolicy[] = [];
  for (const field of releasedToDataSubject(policy, others)) {
    const raw = source[field.name];
    if (raw === undefined) continue;
    // A nested record is presented to the requester as usual: the rule covers the person's own fields only.
    copy[field.name] = presentValue(newPresentation(presentation.requestedBy, 'export'), raw, 'all');
    personal.push(field);
  }
  new OriginalStamp(copy, record);
  counts.set('export', (counts.get('export') ?? 0) + 1);
  if (personal.length > 0 && presentedListener) presentedListener(presentation.requestedBy, policy, record, personal, 'export');
  return copy as T;
}

/** The fields `presentToDataSubject` hands out: declared personal data, not credentials, not about others. */
export function releasedToDataSubject(policy: EntityPolicy, aboutOthers: ReadonlySet<string>): FieldPolicy[] {
  return [...policy.fields.values()].filter(
    (field) => field.personalData !== undefined && field.personalData.category !== 'credentials' && !aboutOthers.has(field.name),
  );
}
