export { ensureDebianPackages } from './debian-packages';
export { ManagedProcess, type ManagedProcessOptions } from './managed-process';
export { startPostgres, type PostgresServer } from './postgres';
export { Reaper, type Tracker } from './reaper';
export { startRedis, type RedisServer } from './redis';
export { answersOk, sleep, waitUntil, type WaitUntilOptions } from '../../../dev/n8n/wait-until';
