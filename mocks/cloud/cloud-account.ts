import { FC_REGIONS } from '../../src/contract/fc-regions';

/**
 * The made-up Alibaba Cloud account the cloud-mode tests run the bff against. The keys exist only
 * here: MSW answers every request, so nothing signed with them leaves the machine.
 */
export const CLOUD_ACCOUNT = {
  accountId: '1357924680135792',
  region: 'cn-shanghai',
  accessKeyId: 'LTAI5tCloudModeTestKey01',
  accessKeySecret: 'cloud-mode-test-secret-7f3a9c2e51d8b4',
} as const;

/** FC 3.0's public endpoint for the account in a region: https only. */
export const cloudFcHost = (region: string) => `${CLOUD_ACCOUNT.accountId}.${region}.fc.aliyuncs.com`;
export const CLOUD_FC_HOST = cloudFcHost(CLOUD_ACCOUNT.region);
/** The account's endpoints in every FC region (the console's region selector may choose any). */
export const CLOUD_FC_HOSTS: ReadonlySet<string> = new Set(FC_REGIONS.map(cloudFcHost));
export const CLOUD_FC_ORIGIN = `https://${CLOUD_FC_HOST}`;

/** Where a trigger of the account answers, and where GetFunctionCode's signed OSS link points. */
export const TRIGGER_HOST = `web-fn-http-abcdefghij.${CLOUD_ACCOUNT.region}.fcapp.run`;
export const TRIGGER_INTRANET_HOST = `web-fn-http-abcdefghij.${CLOUD_ACCOUNT.region}-vpc.fcapp.run`;
export const CODE_OSS_ORIGIN = `https://fc-func-code-${CLOUD_ACCOUNT.region}.oss-${CLOUD_ACCOUNT.region}.aliyuncs.com`;
