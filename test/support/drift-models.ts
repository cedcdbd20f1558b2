// Two "versions" of the toy model for drift tests (test/support/toy-model.ts answers): v1
// answers every item right; v2, a provider update, answers odd items "wrong", and reports
// another model id and system_fingerprint.
import type { ModelVersion } from './model-server.js';
import { toyAnswer } from './toy-model.js';

type Messages = { messages: { role: string; content: string }[] };

export const DRIFT_VERSIONS: Record<'v1' | 'v2', ModelVersion> = {
  v1: {
    model: 'toy-model-2025-01-01',
    systemFingerprint: 'fp_v1aaaa',
    answer: (body, ctx) => toyAnswer(body as Messages, ctx.repeatIndex),
  },
  v2: {
    model: 'toy-model-2025-02-01',
    systemFingerprint: 'fp_v2bbbb',
    answer: (body, ctx) => {
      const m = body as Messages;
      return toyAnswer({ messages: [...m.messages, { role: 'system', content: 'BROKEN' }] }, ctx.repeatIndex);
    },
  },
};
