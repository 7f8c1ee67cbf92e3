/** Milestones, baselines, slip trend and the programme roadmap: a part of the people capability. */
import type { Capability } from '../../capability';

export const milestonesPart: Partial<Capability> = {};
