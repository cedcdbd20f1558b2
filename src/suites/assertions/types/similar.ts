// similar: cosine similarity between embeddings of the output and of the (templated) reference,
// from the suite provider's /embeddings endpoint; the run's judge phase makes those calls.
import { textValue, type AssertionType } from '../assertion-type.js';

export const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';
export const DEFAULT_SIMILAR_THRESHOLD = 0.8;

export const similar: AssertionType = {
  name: 'similar',
  value: 'text',
  templated: true,
  negatable: true,
  fields: ['threshold', 'embedding_model'],
  threshold: DEFAULT_SIMILAR_THRESHOLD,
  needs: 'embedding',
  validate: textValue,
  models: (spec) => [spec.embedding_model ?? DEFAULT_EMBEDDING_MODEL],
};
