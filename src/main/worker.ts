// Worker-thread entry (built to out/main/worker.js): runs one job of the job registry for the job host.
import { preloadJob, runJob } from './services/jobs/registry';
import { runWorkerThreadJob } from './workers/workerThread';

runWorkerThreadJob(runJob, preloadJob);
