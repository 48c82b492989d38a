// Worker entry for the sample generator (compiled into dist/sample-worker.mjs): writes its share of slots.
import { parentPort, workerData } from 'node:worker_threads';
import { writeSlots } from './write-slots.ts';

parentPort!.postMessage(writeSlots(workerData));
