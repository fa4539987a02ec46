import { describe } from 'vitest';
import { killRounds } from './kill-rounds';

describe('kukkingu', () => killRounds('kukkingu'));
