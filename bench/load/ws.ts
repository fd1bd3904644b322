/**
 * A minimal WebSocket client for thousands of connections in one bench process: a raw TCP socket, the HTTP
 * upgrade with the session cookie, then unmasked server text frames parsed by hand (RFC 6455 §5.2). Lighter than
 * a full client (no per-connection buffers beyond the socket's own), and it timestamps each frame on arrival.
 * Loopback only: the host is always 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface LiveConnection {
  /** Every text frame received, with `performance.now()` at its arrival. */
  readonly onText: (listener: (text: string, at: number) => void) => void;
  readonly close: () => void;
}

/** Opens one live connection; resolves after the 101 answer (or rejects with the status line). */
export const openLive = (port: number, path: string, cookie: string, timeoutMs = 30_000): Promise<LiveConnection> =>
  new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: '127.0.0.1', port });
    socket.setNoDelay(true);
    const listeners: Array<(text: string, at: number) => void> = [];
    /** Frames that arrived before the first listener (the snapshot may come in the same packet as the 101). */
    const early: Array<[string, number]> = [];
    let buffer: Buffer = Buffer.alloc(0);
    let upgraded = false;
    let settled = false;
    const timer = setTimeout(() => fail(new Error('WebSocket upgrade timed out')), timeoutMs);
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(e);
    };
    socket.on('error', (e) => fail(e));
    socket.on('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
        + `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\nCookie: ${cookie}\r\n\r\n`);
    });
    const frames = (at: number): void => {
      for (;;) {
        if (buffer.length < 2) return;
        const opcode = buffer[0]! & 0x0f;
        let length = buffer[1]! & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffer.length < 4) return;
          length = buffer.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffer.length < 10) return;
          length = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + length) return;
        const payload = buffer.subarray(offset, offset + length);
        buffer = buffer.subarray(offset + length);
        if (opcode === 0x1) {
          const text = payload.toString('utf8');
          if (listeners.length === 0) early.push([text, at]);
          for (const l of listeners) l(text, at);
        } else if (opcode === 0x9) {
          // Ping: answer with a masked pong carrying the same payload (short payloads only, as servers send).
          const mask = randomBytes(4);
          const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
          socket.write(Buffer.concat([Buffer.from([0x8a, 0x80 | masked.length]), mask, masked]));
        } else if (opcode === 0x8) {
          socket.end();
        }
      }
    };
    socket.on('data', (chunk: Buffer) => {
      const at = performance.now();
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        if (!head.startsWith('HTTP/1.1 101')) {
          fail(new Error(`WebSocket refused: ${head.split('\r\n')[0] ?? head}`));
          return;
        }
        upgraded = true;
        settled = true;
        clearTimeout(timer);
        resolve({
          onText: (l) => {
            listeners.push(l);
            for (const [text, at] of early.splice(0)) l(text, at);
          },
          close: () => {
            // A masked close frame with no payload, then end the socket.
            if (!socket.destroyed) socket.end(Buffer.from([0x88, 0x80, 0, 0, 0, 0]));
            setTimeout(() => socket.destroy(), 1000).unref();
          },
        });
      }
      frames(at);
    });
  });
