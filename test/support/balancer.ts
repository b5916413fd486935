/**
 * A small loopback load balancer for the cluster tests: each TCP connection (an HTTP request's, an
 * event stream's or a collaboration WebSocket's) goes to the next backend in turn, round-robin; a
 * backend that refuses the connection (stopped, killed) is skipped, so clients reconnect through the
 * balancer to the instances still running. TCP-level: HTTP keep-alive and WebSocket upgrades pass
 * through untouched, as behind nginx's stream proxy.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A running balancer: its front address, where each connection went, and how to stop it. */
export interface Balancer {
  url: string;
  wsUrl: string;
  port: number;
  /** Which backend (index) each accepted connection went to, in order. */
  readonly routed: number[];
  close(): Promise<void>;
}

/** Starts a balancer on a free 127.0.0.1 port in front of the backends listening on `backendPorts`. */
export async function startBalancer(backendPorts: readonly number[]): Promise<Balancer> {
  let next = 0;
  const routed: number[] = [];
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const connect = (client: Socket, tried: number): void => {
    if (tried >= backendPorts.length) {
      client.destroy();
      return;
    }
    const index = next;
    next = (next + 1) % backendPorts.length;
    const upstream = createConnection({ host: '127.0.0.1', port: backendPorts[index] });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      routed.push(index);
      track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      if (!connected) connect(client, tried + 1);
      else client.destroy();
    });
    upstream.on('close', () => { if (connected) client.destroy(); });
    client.on('close', () => upstream.destroy());
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    client.on('error', () => client.destroy());
    connect(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    routed,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
