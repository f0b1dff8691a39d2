/** A custom runtime function in Python, using only the standard library's HTTP server. */
export const customRuntime = {
  runtime: 'custom.debian10',
  handler: 'index.handler',
  customRuntimeConfig: { command: ['python3'], args: ['app.py'], port: 9000 },
  files: {
    'app.py': `import json
import os
from http.server import BaseHTTPRequestHandler, HTTPServer

# Function Compute tells a custom runtime which port to listen on.
PORT = int(os.environ.get("FC_SERVER_PORT") or os.environ.get("PORT") or 9000)


class Handler(BaseHTTPRequestHandler):
    def answer(self):
        body = json.dumps({
            "message": "Hello from a Function Compute custom runtime",
            "method": self.command,
            "path": self.path,
        }).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = answer


if __name__ == "__main__":
    server = HTTPServer(("0.0.0.0", PORT), Handler)
    print("Listening on port %d" % PORT, flush=True)
    server.serve_forever()
`,
  },
} as const;
