/** An event function answering HTTP trigger requests (the event is the trigger's JSON request). */
export const nodejsEventHttp = {
  runtime: 'nodejs20',
  handler: 'index.handler',
  files: {
    'index.js': `'use strict';

// An HTTP trigger passes the request as a JSON string: rawPath, headers, queryParameters, body,
// isBase64Encoded and requestContext. Return {statusCode, headers, body}.
exports.handler = async (event, context) => {
  const req = JSON.parse(event);
  console.log('Received', req.requestContext.http.method, req.rawPath);

  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      message: 'Hello from Function Compute',
      method: req.requestContext.http.method,
      path: req.rawPath,
    }),
  };
};
`,
  },
} as const;
