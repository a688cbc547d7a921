import { z } from 'zod';

// zod probes `new Function` to compile fast parsers; the CSP forbids eval, and the probe
// would log a CSP violation on every start. The interpreted parsers are fast enough.
z.config({ jitless: true });
