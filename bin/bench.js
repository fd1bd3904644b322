#!/usr/bin/env node
// Runs every bench/*.bench.ts through tsx (see bench/run.ts); one JSON object per line on stdout.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
