import { describe } from 'vitest';
import { killRounds } from './kill-rounds';

describe('expensicat', () => killRounds('expensicat'));
