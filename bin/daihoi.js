#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx daihoi` always runs the source it sits beside.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
