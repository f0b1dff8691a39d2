import http from 'node:http';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON they assert on
export type StreamedReply = { status: number; body: any; sentAll: boolean };

/**
 * A request whose body is written chunk by chunk, as a client uploading it would (chunked unless
 * `content-length` is given), stopping once the answer arrives; `sentAll` says whether every
 * chunk was written before it did.
 */
export function sendStreamed(
  url: string,
  request: { method: string; path: string; headers: Record<string, string>; chunks: Iterable<Uint8Array> },
): Promise<StreamedReply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let sentAll = false;
    // A connection of its own: one the server closes after an early answer is never reused.
    const req = http.request(`${url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      agent: false,
    });
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {}, sentAll });
        req.destroy();
      });
    });
    // Once the server has answered and closed, writing the rest fails: that is the point.
    req.on('error', (error) => answered || reject(error));
    const write = async () => {
      for (const chunk of request.chunks) {
        if (answered || req.destroyed) return;
        if (!req.write(chunk)) await writable(req);
      }
      sentAll = !answered;
      req.end();
    };
    void write();
  });
}

/** Resolves when the request can take more (or never will). */
function writable(req: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done).off('close', done);
      resolve();
    };
    req.on('drain', done).on('close', done);
  });
}

/** `count` chunks of `size` zero bytes, made as they are written. */
export function* zeroChunks(count: number, size = 1024 * 1024): Generator<Uint8Array> {
  const chunk = new Uint8Array(size);
  for (let i = 0; i < count; i++) yield chunk;
}
