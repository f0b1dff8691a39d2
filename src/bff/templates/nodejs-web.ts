/** A web function: an HTTP server the trigger's requests are proxied to. */
export const nodejsWeb = {
  runtime: 'custom.debian10',
  handler: 'index.handler',
  customRuntimeConfig: { command: ['node'], args: ['server.js'], port: 9000 },
  files: {
    'server.js': `'use strict';

const http = require('node:http');

// Function Compute tells a web function which port to listen on.
const port = Number(process.env.FC_SERVER_PORT || process.env.PORT || 9000);

const server = http.createServer((req, res) => {
  console.log(req.method, req.url);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ message: 'Hello from a Function Compute web function', method: req.method, path: req.url }));
});

server.listen(port, () => console.log('Listening on port ' + port));
`,
  },
} as const;
