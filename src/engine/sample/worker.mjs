// Worker entry for the sample generator: loads the TypeScript sources through tsx, writes its share of slots.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { writeSlots } = await tsImport('./write-slots.ts', import.meta.url);
parentPort.postMessage(writeSlots(workerData));
