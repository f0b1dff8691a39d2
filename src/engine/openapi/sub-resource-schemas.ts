import { z } from 'zod';

/**
 * The request bodies of the function's sub-resources, field for field as the SDK's models name
 * them (`@alicloud/fc20230330`: PutConcurrencyInput, PutProvisionConfigInput, ...). Only the
 * engine reads them: the console does not manage these resources.
 */

const count = (what: string) =>
  z
    .number({ error: `${what} is a whole number of 0 or more.` })
    .int(`${what} is a whole number of 0 or more.`)
    .min(0, {
      error: `${what} is a whole number of 0 or more.`,
    });
const text = (max: number) => z.string().max(max, { error: `At most ${max} characters.` });

export const putConcurrencyInputSchema = z.object({
  reservedConcurrency: count('reservedConcurrency'),
});

const scheduleFields = {
  name: text(128).optional(),
  startTime: text(64).optional(),
  endTime: text(64).optional(),
  timeZone: text(64).optional(),
};

const scheduledActionSchema = z.object({
  ...scheduleFields,
  scheduleExpression: text(256).optional(),
  target: count('target').optional(),
});

const targetTrackingPolicySchema = z.object({
  ...scheduleFields,
  metricType: text(64).optional(),
  metricTarget: z.number().optional(),
  minCapacity: count('minCapacity').optional(),
  maxCapacity: count('maxCapacity').optional(),
});

export const putProvisionConfigInputSchema = z.object({
  target: count('target').optional(),
  defaultTarget: count('defaultTarget').optional(),
  alwaysAllocateCPU: z.boolean().optional(),
  alwaysAllocateGPU: z.boolean().optional(),
  scheduledActions: z.array(scheduledActionSchema).max(100).optional(),
  targetTrackingPolicies: z.array(targetTrackingPolicySchema).max(100).optional(),
});
export type ProvisionConfigInput = z.infer<typeof putProvisionConfigInputSchema>;

const scalingPolicySchema = z.object({
  ...scheduleFields,
  metricType: text(64).optional(),
  metricTarget: z.number().optional(),
  minInstances: count('minInstances').optional(),
  maxInstances: count('maxInstances').optional(),
});

const scheduledPolicySchema = z.object({
  ...scheduleFields,
  scheduleExpression: text(256).optional(),
  target: count('target').optional(),
});

export const putScalingConfigInputSchema = z.object({
  minInstances: count('minInstances').optional(),
  enableMixMode: z.boolean().optional(),
  enableOnDemandScaling: z.boolean().optional(),
  requestDispatchPolicy: text(64).optional(),
  residentPoolId: text(128).optional(),
  horizontalScalingPolicies: z.array(scalingPolicySchema).max(100).optional(),
  scheduledPolicies: z.array(scheduledPolicySchema).max(100).optional(),
});
export type ScalingConfigInput = z.infer<typeof putScalingConfigInputSchema>;

export const createVpcBindingInputSchema = z.object({
  vpcId: z.string({ error: 'Name the VPC to bind.' }).trim().min(1, { error: 'Name the VPC to bind.' }).max(128),
});

/** Tag keys and values as the SDK's Tag model documents them. */
export const tagKeySchema = z
  .string()
  .min(1, { error: 'A tag key has 1 to 64 characters.' })
  .max(64, { error: 'A tag key has 1 to 64 characters.' })
  .refine((key) => !/^(aliyun|acs:)/i.test(key) && !/https?:\/\//i.test(key), {
    error: 'A tag key cannot start with aliyun or acs:, nor contain http:// or https://.',
  });

export const tagSchema = z.object({
  Key: tagKeySchema,
  Value: z.string().max(128, { error: 'A tag value has at most 128 characters.' }).default(''),
});

const resourceIdsSchema = z.array(z.string().min(1)).min(1, { error: 'Name at least one resource.' }).max(50);

export const tagResourcesInputSchema = z.object({
  ResourceId: resourceIdsSchema,
  ResourceType: z.string().optional(),
  Tag: z.array(tagSchema).min(1, { error: 'Give at least one tag.' }).max(20, { error: 'At most 20 tags.' }),
});

/** A query parameter the SDK sends as a JSON array (its "shrink" form). */
export const jsonArrayParam = <T extends z.ZodType>(item: T) =>
  z.string().transform((raw, ctx) => {
    try {
      const parsed = z.array(item).safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    } catch {
      ctx.addIssue({ code: 'custom', message: 'This is not a JSON array.' });
    }
    return z.NEVER;
  });

export const untagResourcesQuerySchema = z.object({
  ResourceId: jsonArrayParam(z.string().min(1)),
  ResourceType: z.string().optional(),
  TagKey: jsonArrayParam(tagKeySchema).optional(),
  All: z.enum(['true', 'false']).optional(),
});
