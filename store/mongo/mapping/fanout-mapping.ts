import type { FanoutJob } from '../../../core/model/fanout';
import type { FanoutChunkDoc, FanoutJobDoc } from '../schemas/fanout-schema';
import { FANOUT_CHUNK_SIZE } from '../schemas/fanout-schema';
import { dateOrNull, plainJson } from './json';

/** The job document and its recipients in chunk documents, in order. */
export function fanoutToDocs(
  j: FanoutJob,
  ord: number,
  chunkSize: number = FANOUT_CHUNK_SIZE,
): { job: FanoutJobDoc; chunks: FanoutChunkDoc[] } {
  const chunks: FanoutChunkDoc[] = [];
  for (let n = 0; n * chunkSize < j.recipients.length; n++) {
    const recipients = j.recipients.slice(n * chunkSize, (n + 1) * chunkSize);
    chunks.push({ _id: `${j.id}:${n}`, jobId: j.id, n, recipients });
  }
  const job: FanoutJobDoc = {
    _id: j.id,
    kind: j.kind,
    payload: plainJson(j.payload),
    total: j.recipients.length,
    nextIndex: j.nextIndex,
    leaseUntil: j.leaseUntil,
    createdAt: j.createdAt,
    doneAt: j.doneAt,
    ord,
  };
  return { job, chunks };
}

/** The job from its document and its chunks (any order: they are sorted by slice number here). */
export function fanoutFromDocs(job: FanoutJobDoc, chunks: readonly FanoutChunkDoc[]): FanoutJob {
  const ordered = [...chunks].sort((a, b) => a.n - b.n);
  return {
    id: job._id,
    kind: job.kind,
    payload: job.payload,
    recipients: ordered.flatMap((c) => c.recipients),
    nextIndex: job.nextIndex,
    leaseUntil: dateOrNull(job.leaseUntil),
    createdAt: job.createdAt,
    doneAt: dateOrNull(job.doneAt),
  };
}
