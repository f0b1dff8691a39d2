import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../contract/recorded-request';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { redactForm, redactHeaders, redactPath, redactionFor, redactionTriggerOf, scrubBytes } from './redact';

const JWT_IN_QUERY = {
  methods: ['GET'],
  authType: 'jwt',
  authConfig: { jwks: { keys: [{ kty: 'RSA' }] }, tokenLookup: 'query:access' },
} as unknown as HttpTriggerConfig;

describe('redaction', () => {
  it('keeps cookie names and drops their values, in Cookie and Set-Cookie, and redacts any Basic credential', () => {
    const headers: Array<[string, string]> = [
      ['Cookie', 'sid=abcdef123456; lang=en'],
      ['X-Forward-Auth', 'Basic dXNlcjpwYXNzd29yZDE='],
      ['X-Plain', 'carries sid abcdef123456 along'],
    ];
    const redaction = redactionFor(undefined, headers, '', undefined);
    expect(redactHeaders(headers, redaction)).toEqual([
      ['Cookie', `sid=${REDACTED}; lang=${REDACTED}`],
      ['X-Forward-Auth', REDACTED],
      ['X-Plain', `carries sid ${REDACTED} along`],
    ]);
    expect(redactHeaders([['Set-Cookie', 'sid=abcdef123456; Path=/; HttpOnly']], redaction)).toEqual([
      ['Set-Cookie', `sid=${REDACTED}`],
    ]);
  });

  it("redacts the trigger's query token, encoded or not, and a signature parameter; other parameters stay as sent", () => {
    const query = 'access=tok%2Ben+value&page=2&X-Acs-Signature=sig123456';
    const redaction = redactionFor(redactionTriggerOf(JWT_IN_QUERY), [], query, undefined);
    expect(redactPath(`/a?${query}`, redaction)).toBe(`/a?access=${REDACTED}&page=2&X-Acs-Signature=${REDACTED}`);
    const echoed = Buffer.from('\u0000got tok+en value and tok%2Ben+value\u00ff', 'latin1');
    expect(scrubBytes(echoed, redaction).toString('latin1')).toBe(`\u0000got ${REDACTED} and ${REDACTED}\u00ff`);
  });

  it('redacts a form field whose name is percent-encoded, and its value wherever echoed, decoded or as sent', () => {
    const form = 'name=a+b&%61ccess_token=s3cr%2Bt-value&page=2';
    const redaction = redactionFor(undefined, [], '', form);
    expect(redactForm(form, redaction)).toBe(`name=a+b&%61ccess_token=${REDACTED}&page=2`);
    const echoed = Buffer.from('echo s3cr+t-value / s3cr%2Bt-value');
    expect(scrubBytes(echoed, redaction).toString()).toBe(`echo ${REDACTED} / ${REDACTED}`);
  });
});
