import { describe, expect, it } from 'vitest';
import { hostnameOf, isTriggerHost, parseTriggerHost, triggerUrls } from './trigger-url';

describe('trigger URLs', () => {
  it('builds the internet and the -vpc intranet URL on the engine port', () => {
    expect(triggerUrls('my-fn-abcdefghij', 'cn-hangzhou', 3001)).toEqual({
      urlInternet: 'http://my-fn-abcdefghij.cn-hangzhou.fcapp.localhost:3001',
      urlIntranet: 'http://my-fn-abcdefghij.cn-hangzhou-vpc.fcapp.localhost:3001',
    });
  });

  it('reads label, region and which URL was called back from a Host header', () => {
    expect(parseTriggerHost('My-Fn-abcdefghij.cn-hangzhou.FCAPP.localhost:3001')).toEqual({
      urlLabel: 'my-fn-abcdefghij',
      region: 'cn-hangzhou',
      intranet: false,
    });
    expect(parseTriggerHost('my-fn-abcdefghij.cn-hangzhou-vpc.fcapp.localhost')).toMatchObject({
      intranet: true,
      region: 'cn-hangzhou',
    });
    expect(parseTriggerHost('a.b.c.fcapp.localhost')).toBeUndefined();
    expect(parseTriggerHost('127.0.0.1:3001')).toBeUndefined();
  });

  it('tells trigger hosts from the OpenAPI host', () => {
    expect(isTriggerHost('x.cn-hangzhou.fcapp.localhost:3001')).toBe(true);
    expect(isTriggerHost('127.0.0.1:3001')).toBe(false);
    expect(isTriggerHost(undefined)).toBe(false);
    expect(hostnameOf('[::1]:3001')).toBe('[::1]');
  });
});
