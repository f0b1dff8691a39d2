import { z } from 'zod';
import { FC_REGIONS } from './fc-region-list';

export { FC_REGIONS, REGION_HEADER, isFcRegion, type FcRegion } from './fc-region-list';

export const fcRegionSchema = z.enum(FC_REGIONS, { error: 'region.unknown' });
