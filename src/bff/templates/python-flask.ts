import { CUSTOM_RUNTIME_DEFAULT_PORT } from '../../contract/function';

/**
 * The seeds' "taking Flask as an example" web function: Flask from the machine's python3 (Debian's
 * python3-flask), listening on FC_SERVER_PORT, which Function Compute sets to customRuntimeConfig.port.
 */
export const pythonFlask = {
  runtime: 'custom.debian12',
  handler: 'index.handler',
  customRuntimeConfig: { command: ['python3'], args: ['app.py'], port: CUSTOM_RUNTIME_DEFAULT_PORT },
  files: {
    'app.py': `import os

from flask import Flask, request

app = Flask(__name__)


@app.route('/')
def hello_world():
    return 'Hello from Flask on Function Compute!\\n'


@app.route('/test')
def test():
    return {'message': 'Hello from /test', 'method': request.method, 'path': request.path}


if __name__ == '__main__':
    # Function Compute passes customRuntimeConfig.port (${CUSTOM_RUNTIME_DEFAULT_PORT} unless set) in FC_SERVER_PORT.
    # Listen on 0.0.0.0: Function Compute cannot reach a server bound to 127.0.0.1.
    app.run(host='0.0.0.0', port=int(os.environ.get('FC_SERVER_PORT', '${CUSTOM_RUNTIME_DEFAULT_PORT}')))
`,
  },
} as const;
