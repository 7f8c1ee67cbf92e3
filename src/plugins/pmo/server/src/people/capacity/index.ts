/** Capacity, allocation approval and certifications: a part of the people capability. */
import type { Capability } from '../../capability';

export const capacityPart: Partial<Capability> = {};
