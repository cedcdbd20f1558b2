import { tuneHeap } from './heap-tuning.js';
import { run } from './action/main.js';
tuneHeap();
void run();
