/** A Python event function answering HTTP trigger requests (the event is the trigger's JSON request, as bytes). */
export const pythonEventHttp = {
  runtime: 'python3.10',
  handler: 'index.handler',
  files: {
    'index.py': `import base64
import json
import logging

logger = logging.getLogger()


# An HTTP trigger passes the request as JSON bytes: rawPath, headers, queryParameters, body,
# isBase64Encoded and requestContext. Return {statusCode, headers, body}.
def handler(event, context):
    req = json.loads(event)
    method = req['requestContext']['http']['method']
    body = req.get('body', '')
    if req.get('isBase64Encoded'):
        body = base64.b64decode(body).decode('utf-8', 'replace')
    logger.info('Received %s %s', method, req['rawPath'])

    return {
        'statusCode': 200,
        'headers': {'content-type': 'application/json'},
        'body': json.dumps({
            'message': 'Hello from Function Compute',
            'method': method,
            'path': req['rawPath'],
            'query': req.get('queryParameters', {}),
            'body': body,
        }),
    }
`,
  },
} as const;
