import { CLOUD_ACCOUNT, CODE_OSS_ORIGIN } from './cloud-account';

/*
 * Answers in the shape FC 3.0 gives them (the SDK's models, the API reference's examples): every
 * field the service fills in, including those the console ignores, so the bff is shown to read
 * what the cloud really sends rather than what the engine sends.
 */

const CREATED = '2026-03-02T08:15:42Z';
const MODIFIED = '2026-03-03T10:01:07Z';
const arn = (functionName: string) =>
  `acs:fc:${CLOUD_ACCOUNT.region}:${CLOUD_ACCOUNT.accountId}:functions/${functionName}`;

export const CODE_CHECKSUM = '1427561391739524718';

export function cloudFunction(functionName: string, overrides: Record<string, unknown> = {}) {
  return {
    functionId: 'a5f3c1d2-7b8e-4c9a-9d10-2e3f4a5b6c7d',
    functionName,
    functionArn: arn(functionName),
    description: '',
    runtime: 'custom.debian10',
    handler: 'index.handler',
    timeout: 60,
    memorySize: 512,
    cpu: 0.35,
    diskSize: 512,
    instanceConcurrency: 1,
    internetAccess: true,
    environmentVariables: { NODE_ENV: 'production' },
    customRuntimeConfig: { command: ['node'], args: ['server.js'], port: 9000 },
    codeChecksum: CODE_CHECKSUM,
    codeSize: 412,
    role: '',
    layers: [],
    logConfig: {
      project: '',
      logstore: '',
      enableRequestMetrics: false,
      enableInstanceMetrics: false,
      logBeginRule: 'None',
    },
    tracingConfig: {},
    vpcConfig: { vpcId: '', vSwitchIds: [], securityGroupId: '' },
    nasConfig: { userId: -1, groupId: -1, mountPoints: [] },
    ossMountConfig: { mountPoints: [] },
    instanceLifecycleConfig: { initializer: { handler: '', timeout: 3 }, preStop: { handler: '', timeout: 3 } },
    state: 'Active',
    stateReason: '',
    stateReasonCode: '',
    lastUpdateStatus: 'Successful',
    lastUpdateStatusReason: '',
    lastUpdateStatusReasonCode: '',
    createdTime: CREATED,
    lastModifiedTime: MODIFIED,
    ...overrides,
  };
}

export function codeLocation(functionName: string) {
  return {
    checksum: CODE_CHECKSUM,
    url: `${CODE_OSS_ORIGIN}/${CLOUD_ACCOUNT.accountId}/${functionName}/code.zip?Expires=1772440000&OSSAccessKeyId=STS.NTestOnly&Signature=c2lnbmF0dXJl&security-token=CAISTestOnly`,
  };
}

/** The two triggers the tests use: `http` (No Authentication) and `signed` (Signature Authentication). */
export function cloudTrigger(functionName: string, triggerName: string) {
  const label = `${functionName}-${triggerName}-abcdefghij`;
  const authType = triggerName === 'signed' ? 'function' : 'anonymous';
  return {
    triggerId: '2f6c8a1e-5d4b-4e3a-8c7b-1a2b3c4d5e6f',
    triggerName,
    triggerType: 'http',
    description: '',
    qualifier: 'LATEST',
    status: 'Success',
    sourceArn: '',
    invocationRole: '',
    targetArn: arn(functionName),
    triggerConfig: JSON.stringify({ methods: ['GET', 'POST'], authType, authConfig: '', disableURLInternet: false }),
    httpTrigger: {
      urlInternet: `https://${label}.${CLOUD_ACCOUNT.region}.fcapp.run`,
      urlIntranet: `https://${label}.${CLOUD_ACCOUNT.region}-vpc.fcapp.run`,
    },
    createdTime: CREATED,
    lastModifiedTime: MODIFIED,
  };
}

export function cloudVersion(versionId: string) {
  return { versionId, description: 'release', createdTime: CREATED, lastModifiedTime: MODIFIED };
}

export function cloudAlias(aliasName: string) {
  return {
    aliasName,
    versionId: '1',
    description: 'production',
    additionalVersionWeight: {},
    createdTime: CREATED,
    lastModifiedTime: MODIFIED,
  };
}

export function cloudAsyncTask(functionName: string, taskId: string, status = 'Succeeded') {
  return {
    taskId,
    requestId: '1-6601a2b3-4c5d6e7f8a9b0c1d2e3f4a5b',
    functionArn: arn(functionName),
    qualifier: 'LATEST',
    status,
    startedTime: 1772440000123,
    endTime: 1772440000456,
    durationMs: 333,
    alreadyRetriedTimes: 0,
    events: [
      { eventId: 1, status: 'Enqueued', timestamp: 1772440000100, eventDetail: '' },
      { eventId: 2, status: 'Running', timestamp: 1772440000123, eventDetail: '' },
      { eventId: 3, status, timestamp: 1772440000456, eventDetail: '' },
    ],
    returnPayload: 'done',
    taskErrorMessage: '',
    taskPayload: '{"hello":"world"}',
    instanceId: 'c-6601a2b3-1a2b3c4d5e6f7a8b9c0d',
    destinationStatus: status,
  };
}

/** InvokeFunction's answer headers, as the service sends them for a synchronous call with a log tail. */
export const INVOKE_HEADERS = {
  'content-type': 'application/octet-stream',
  'x-fc-request-id': '1-6601a2b3-4c5d6e7f8a9b0c1d2e3f4a5c',
  'x-fc-code-checksum': CODE_CHECKSUM,
  'x-fc-instance-id': 'c-6601a2b3-1a2b3c4d5e6f7a8b9c0d',
  'x-fc-invocation-service-version': 'LATEST',
  'x-fc-invocation-duration': '12',
  'x-fc-max-memory-usage': '41.2',
  'x-fc-log-result': Buffer.from('FC Invoke Start RequestId: 1-6601a2b3\nhello\nFC Invoke End\n').toString('base64'),
};
