// Purpose: serve the built site from dist/ on http://127.0.0.1:4321 (PORT overrides) and print the URL.
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { serveStatic } from './lib/static-server.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(dist)) {
  console.error('dist/ does not exist: run `npm run build` first (or `npm start`, which builds).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
try {
  const { url } = await serveStatic(dist, port);
  console.log(`\nKYC Help is being served at ${url}/  (Ctrl+C to stop)\n  English ${url}/en/   中文 ${url}/zh/   日本語 ${url}/ja/   한국어 ${url}/ko/\n`);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} is already in use: stop the other server or run PORT=4322 npm start.` : `Could not start the server: ${err.message}`);
  process.exit(1);
}
