/**
 * Restriction of processing (GDPR Art. 18), as the contexts whose jobs handle people's data ask about
 * it. The privacy context keeps the restrictions (its own table) and provides this port wherever the
 * contexts are composed (API and worker); a job asks before it processes a person's data and leaves
 * a restricted person's alone: their data is stored and nothing else is done with it.
 *
 * Each method runs in the caller's unit of work, in its tenant (a restriction is the tenant's, the
 * controller's): a worker opens the tenant of the items it is about to process (`asSystem`) first.
 */
export abstract class ProcessingRestrictions {
  /** Those of these people (user ids) of the tenant whose processing is restricted now. */
  abstract restrictedAmong(userIds: readonly string[]): Promise<Set<string>>;

  /** Those of these e-mail addresses (compared lower-cased) that are a restricted person's of the tenant. */
  abstract restrictedAddressesAmong(addresses: readonly string[]): Promise<Set<string>>;
}
