/// <reference types="electron-vite/node" />
// Only imported in the built app: electron-vite bundles the worker on its own and gives its path.
import workerPath from './downloadWorker?modulePath';

export default workerPath;
