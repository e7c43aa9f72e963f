'use strict';
// A free TCP port on 127.0.0.1, picked by the kernel. CommonJS so that both the ESM bootstrap
// (index.mjs, bench/) and the CommonJS test helpers (server/test/utils) can load the one copy.
const net = require('node:net');

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

module.exports = { findFreePort };
