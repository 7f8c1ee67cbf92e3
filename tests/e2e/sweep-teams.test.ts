/** The accessibility and wording sweep (tests/e2e/support/sweep-suite.ts), teams roles. */
import { SWEEP_SHARDS, shardsCoverEveryRole, sweepRoles } from './support/sweep-suite';

it('the sweep shards together visit as every role', () => expect(shardsCoverEveryRole()).toBe(true));

sweepRoles('teams', SWEEP_SHARDS.teams);
