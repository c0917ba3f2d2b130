import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type RulesOf = MetadataStorage['getTargetValidationMetadatas'];
type Rules = ReturnType<RulesOf>;

const MEMOISED = Symbol.for('chancery.validationRulesMemoised');

/**
 * class-validator finds the rules of the class it validates by testing every class it knows with
 * `instanceof`, on every validation (typestack/class-validator#2686; Twenty memoises it the same
 * way): each request with arguments scans all of our input classes. A class's rules, its ancestors'
 * included, are registered when the classes load, before anything is validated, so the answer for a
 * class and the same options is kept; a rule registered later (a decorator applied at run time)
 * forgets every answer, so none is ever stale. Idempotent: the storage is process-wide.
 */
export function memoiseValidationRules(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [MEMOISED]?: true };
  if (marked[MEMOISED]) return;
  marked[MEMOISED] = true;

  const rulesOf: RulesOf = storage.getTargetValidationMetadatas.bind(storage);
  let answers = new WeakMap<object, Map<string, Rules>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // An object without a constructor (a null prototype) cannot key a WeakMap: looked up as before.
    if (typeof target !== 'function') return rulesOf(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let ofTarget = answers.get(target);
    if (!ofTarget) answers.set(target, (ofTarget = new Map()));
    let rules = ofTarget.get(key);
    if (!rules) ofTarget.set(key, (rules = rulesOf(target, schema, always, strictGroups, groups)));
    return rules;
  };

  const addRule = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    answers = new WeakMap();
    addRule(metadata);
  };
}
