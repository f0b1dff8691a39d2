import { z } from 'zod';

/**
 * The function settings that have no local meaning (resources, network, storage, service integrations):
 * the engine stores them in the SDK's shapes (`@alicloud/fc20230330` CreateFunctionInput) and answers
 * them back, so a client that reads back what it deployed (fc3's `s info`, Terraform's plan) finds them.
 * Strings and lists are bounded; objects keep only the SDK's keys.
 */
const text = (max = 256) => z.string().max(max);
const list = <T extends z.ZodType>(item: T, max = 16) => z.array(item).max(max);
const stringMap = z.record(text(128), text(1024)).refine((map) => Object.keys(map).length <= 64);

const CPU_STEP = 0.05;

export const cpuSchema = z
  .number({ error: 'function.cpu.range' })
  .min(CPU_STEP, { error: 'function.cpu.range' })
  .max(16, { error: 'function.cpu.range' })
  .refine((cpu) => Math.abs(Math.round(cpu / CPU_STEP) * CPU_STEP - cpu) < 1e-9, { error: 'function.cpu.range' });

/** "The ratio of cpu to memorySize (in GB) must be from 1:1 to 1:4." */
export function cpuFitsMemory(cpu: number, memorySize: number): boolean {
  const gb = memorySize / 1024;
  return gb >= cpu - 1e-9 && gb <= cpu * 4 + 1e-9;
}

export const DISK_SIZES = [512, 10240] as const;

const mountDir = text(1024);

export const functionCloudSettingsSchema = z
  .object({
    cpu: cpuSchema,
    diskSize: z.union(
      DISK_SIZES.map((size) => z.literal(size)),
      { error: 'function.diskSize.values' },
    ),
    role: text(512),
    internetAccess: z.boolean(),
    layers: list(text(512), 10),
    vpcConfig: z.object({
      vpcId: text().optional(),
      vSwitchIds: list(text()).optional(),
      securityGroupId: text().optional(),
      role: text(512).optional(),
    }),
    logConfig: z.object({
      project: text().optional(),
      logstore: text().optional(),
      logBeginRule: text().optional(),
      enableInstanceMetrics: z.boolean().optional(),
      enableRequestMetrics: z.boolean().optional(),
      enableLlmMetrics: z.boolean().optional(),
    }),
    tracingConfig: z.object({ type: text(64).optional(), params: stringMap.optional() }),
    nasConfig: z.object({
      userId: z.number().int().optional(),
      groupId: z.number().int().optional(),
      mountPoints: list(
        z.object({
          serverAddr: text(1024).optional(),
          mountDir: mountDir.optional(),
          enableTLS: z.boolean().optional(),
        }),
        5,
      ).optional(),
    }),
    ossMountConfig: z.object({
      mountPoints: list(
        z.object({
          bucketName: text().optional(),
          bucketPath: text(1024).optional(),
          endpoint: text().optional(),
          mountDir: mountDir.optional(),
          readOnly: z.boolean().optional(),
        }),
        5,
      ).optional(),
    }),
    polarFsConfig: z.object({
      userId: z.number().int().optional(),
      groupId: z.number().int().optional(),
      mountPoints: list(
        z.object({
          instanceId: text().optional(),
          mountDir: mountDir.optional(),
          remoteDir: text(1024).optional(),
          readOnly: z.boolean().optional(),
        }),
        5,
      ).optional(),
    }),
    juiceFsConfig: z.object({
      envs: stringMap.optional(),
      mountPoints: list(
        z.object({
          volumeName: text().optional(),
          mountDir: mountDir.optional(),
          remoteDir: text(1024).optional(),
          token: text(1024).optional(),
          args: list(text(1024), 64).optional(),
        }),
        5,
      ).optional(),
    }),
    gpuConfig: z.object({ gpuType: text(64).optional(), gpuMemorySize: z.number().int().min(0).optional() }),
    customDNS: z.object({
      nameServers: list(text(64)).optional(),
      searches: list(text()).optional(),
      dnsOptions: list(z.object({ name: text(64).optional(), value: text(64).optional() })).optional(),
    }),
    instanceIsolationMode: text(64),
    sessionAffinity: text(64),
    sessionAffinityConfig: text(4096),
    idleTimeout: z.number().int().min(0).max(86400),
    /** Set on create only (UpdateFunctionInput has no resourceGroupId). */
    resourceGroupId: text(64),
    disableInjectCredentials: text(64),
    disableOndemand: z.boolean(),
    enableLongLiving: z.boolean(),
  })
  .partial();
export type FunctionCloudSettings = z.infer<typeof functionCloudSettingsSchema>;
export const FUNCTION_CLOUD_SETTING_KEYS = Object.keys(functionCloudSettingsSchema.shape) as Array<
  keyof FunctionCloudSettings
>;

/**
 * What the service answers for a setting never sent: internetAccess "Default value: true" (SDK
 * CreateFunctionInput), diskSize 512 (the smaller of its two values), logConfig empty. FC documents no
 * default cpu, so none is answered until one is set.
 */
export const FUNCTION_CLOUD_DEFAULTS = { diskSize: 512, internetAccess: true, logConfig: {} } as const;

/** Create only: the tags set on the new function, as TagResources sets them (the SDK's Tag sends `Key`, `Value`). */
export const functionCreateOnlySchema = z
  .object({
    tags: list(z.object({ Key: z.string().min(1).max(64), Value: text(128).optional() }), 20),
  })
  .partial();

/** Splits a CreateFunction/UpdateFunction body into the cloud-only settings and the rest. */
export function splitCloudSettings<T extends FunctionCloudSettings>(
  input: T,
): { cloudSettings: FunctionCloudSettings; rest: Omit<T, keyof FunctionCloudSettings> } {
  const cloudSettings: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if ((FUNCTION_CLOUD_SETTING_KEYS as string[]).includes(key)) cloudSettings[key] = value;
    else rest[key] = value;
  }
  return { cloudSettings, rest: rest as Omit<T, keyof FunctionCloudSettings> };
}
