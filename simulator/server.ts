/** Entry point of the terminal simulator; also exports startSimulator for tests and the dev stack. */
import type { AddressInfo } from 'node:net';
import { createSimulatorApp } from './app';
import { optionsFromEnv, type SimulatorOptions } from './options';

/** A running simulator: its base URL (no trailing slash) and a close that drops open connections. */
export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

/** Starts the simulator (127.0.0.1 unless told otherwise); `port: 0` picks a free port. */
export async function startSimulator(options: SimulatorOptions & { port?: number; host?: string } = {}): Promise<RunningSimulator> {
  const { port = 4010, host = '127.0.0.1', ...appOptions } = options;
  const app = createSimulatorApp(appOptions);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Requests sleeping on injected latency would otherwise keep close() waiting.
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

if (require.main === module) {
  const port = Number(process.env.SIMULATOR_PORT ?? 4010);
  // SIMULATOR_HOST=0.0.0.0 only inside a container network (docker-compose); loopback otherwise.
  startSimulator({ ...optionsFromEnv(process.env), port, host: process.env.SIMULATOR_HOST ?? '127.0.0.1' })
    .then(({ url }) => console.log(`terminal simulator listening on ${url}`))
    .catch((err: unknown) => {
      console.error('terminal simulator failed to start', err);
      process.exit(1);
    });
}
