// A worker thread runs plain Node: register tsx here (as bin/daihoi.js does) before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./docx-worker.ts');
