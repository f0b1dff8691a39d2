import { code } from '../../src/engine/conformance/fixtures';

/** An event function that answers what identifies its run and what reached it: trigger, instance, query, headers. */
export const WHO = code(`exports.handler = async (event) => {
  const e = JSON.parse(event);
  const who = { triggerId: e.requestContext && e.requestContext.triggerId, instanceId: process.env.FC_INSTANCE_ID,
    query: e.queryParameters, headers: e.headers };
  return e.requestContext ? { statusCode: 200, body: JSON.stringify(who) } : JSON.stringify(who);
};`);

/** An event function that logs a line and throws: an unhandled invocation error. */
export const FAILING = code(
  `exports.handler = async () => { console.log('about to fail'); throw new Error('boom'); };`,
);
