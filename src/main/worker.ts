// Worker-thread entry (built to out/main/worker.js): runs one job of the job registry for the job host — or, started
// with the role `importParse`, reads files of an import batch for the import's thread (import/parallelRead.ts).
import { workerData } from 'node:worker_threads';
import { PARSE_WORKER_ROLE, serveParseRequests, setParseWorkerScript } from './import/parallelRead';
import { preloadJob, runJob } from './services/jobs/registry';
import { runWorkerThreadJob } from './workers/workerThread';

if ((workerData as { role?: string } | null)?.role === PARSE_WORKER_ROLE) serveParseRequests();
else {
  // an import job run here shares its files with a parse worker of this same script
  setParseWorkerScript(__filename);
  runWorkerThreadJob(runJob, preloadJob);
}
