import { describe } from 'vitest';
import { killRounds } from './kill-rounds';

describe('kantata', () => killRounds('kantata'));
