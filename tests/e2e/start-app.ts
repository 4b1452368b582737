import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchApp } from './launch-app';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    startupLog: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts the production build exactly as `npm start` does, on a fresh
 * embedded database in a temporary folder, and waits until it answers.
 */
export default async function startApp(project: TestProject) {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')))
    throw new Error('run `npm run build` before the browser tests');
  const app = await launchApp('start');
  project.provide('baseUrl', app.baseUrl);
  project.provide('startupLog', app.log());
  return app.stop;
}
