import { login } from './login';
import { managedUsers } from './managed-users';
import { me } from './me';
import { Scenario } from './scenario';
import { tenants } from './tenants';
import { updateUserProfile } from './update-profile';

/** Every scenario, in the order they run and print. A new one: its own module, listed here. */
export const SCENARIOS: readonly Scenario[] = [tenants, me, managedUsers, login, updateUserProfile];

export type { Scenario };
