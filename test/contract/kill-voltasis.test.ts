import { describe } from 'vitest';
import { killRounds } from './kill-rounds';

describe('voltasis', () => killRounds('voltasis'));
