/** Entry point of the terminal simulator; also exports startSimulator for tests and the dev stack. */
import type { AddressInfo } from 'node:net';
import { createSimulatorApp } from './app';
import { optionsFromEnv, type SimulatorOptions } from './options';

/** A running simulator: its base URL (no trailing slash) and a close that drops open connections. */
export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

/** Starts the simulator on 127.0.0.1; `port: 0` picks a free port. */
export async function startSimulator(options: SimulatorOptions & { port?: number } = {}): Promise<RunningSimulator> {
  const { port = 4010, ...appOptions } = options;
  const app = createSimulatorApp(appOptions);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const s = app.listen(port, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
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
  startSimulator({ ...optionsFromEnv(process.env), port })
    .then(({ url }) => console.log(`terminal simulator listening on ${url}`))
    .catch((err: unknown) => {
      console.error('terminal simulator failed to start', err);
      process.exit(1);
    });
}
