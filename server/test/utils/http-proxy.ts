import http from 'node:http';

/**
 * A small round-robin HTTP reverse proxy on loopback, as a load balancer in front of replicas:
 * each request goes to the next upstream; the answer carries `x-upstream` (the upstream's index)
 * so tests can see where it went, and X-Forwarded-For is set as a real proxy would.
 */
export interface HttpProxy {
  port: number;
  close(): Promise<void>;
}

export function startHttpProxy(upstreamPorts: number[]): Promise<HttpProxy> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next++ % upstreamPorts.length;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: upstreamPorts[index],
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1',
          'x-forwarded-proto': 'http',
        },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, 'x-upstream': String(index) });
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'x-upstream': String(index) });
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as { port: number }).port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
