import { datasheetById, datasheetByIdGet, datasheetSearch, datasheetSearchGet } from './datasheets';
import { login } from './login';
import { managedUsers } from './managed-users';
import { me } from './me';
import { Scenario, ThroughputScenario } from './scenario';
import { signingThroughput } from './signing';
import { tenants } from './tenants';
import { updateUserProfile } from './update-profile';
import { verifyCertificate, verifyCertificateGet } from './verification';

/** Every scenario, in the order they run and print. A new one: its own module, listed here. */
export const SCENARIOS: readonly Scenario[] = [
  tenants,
  me,
  managedUsers,
  login,
  updateUserProfile,
  datasheetById,
  datasheetByIdGet,
  datasheetSearch,
  datasheetSearchGet,
  verifyCertificate,
  verifyCertificateGet,
];

/** Scenarios measured one item after another, without a baseline; they run after the load scenarios. */
export const THROUGHPUT_SCENARIOS: readonly ThroughputScenario[] = [signingThroughput];

/** What `--only` selects a scenario by: its key (default its name); `Q1` also selects `Q1.get`. */
/** What a scenario is selected by: its name, and a key when it has one. */
type Selectable = Pick<Scenario, 'name' | 'key'>;

export function keyOf(scenario: Selectable): string {
  return scenario.key ?? scenario.name;
}

export function selectedBy(scenario: Selectable, only: readonly string[] | null): boolean {
  if (!only) return true;
  const key = keyOf(scenario).toLowerCase();
  return only.some((wanted) => {
    const w = wanted.toLowerCase();
    return key === w || key.split('.')[0] === w || scenario.name.toLowerCase() === w;
  });
}

export type { Scenario, ThroughputScenario };
