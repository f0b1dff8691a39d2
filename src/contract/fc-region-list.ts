/**
 * The public regions of Function Compute 3.0, from its Endpoints page (endpoint
 * `<account>.<region>.fc.aliyuncs.com`). One list for the bff's check and the SPA's selector.
 */
export const FC_REGIONS = [
  'cn-hangzhou',
  'cn-shanghai',
  'cn-qingdao',
  'cn-beijing',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-shenzhen',
  'cn-chengdu',
  'cn-hongkong',
  'ap-southeast-1',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-southeast-7',
  'ap-northeast-1',
  'ap-northeast-2',
  'eu-central-1',
  'eu-west-1',
  'us-west-1',
  'us-east-1',
] as const;
export type FcRegion = (typeof FC_REGIONS)[number];

/** One of FC's regions; zod-free, so the first page of the console can check a stored choice. */
export function isFcRegion(value: unknown): value is FcRegion {
  return typeof value === 'string' && (FC_REGIONS as readonly string[]).includes(value);
}

/** The request header by which the SPA, in cloud mode, names the region its calls are for. */
export const REGION_HEADER = 'x-fc-console-region';
