// npm run web [-- --port 4173]: the built renderer on 127.0.0.1 with the browser bridge.
import { startStaticServer } from './static-server.mjs';

const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 4173));
const server = await startStaticServer({ root: 'dist/renderer', port });
console.log(`Tizilim is served at ${server.url} (Ctrl+C to stop)`);
