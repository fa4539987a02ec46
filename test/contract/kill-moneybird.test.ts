import { describe } from 'vitest';
import { killRounds } from './kill-rounds';

describe('moneybird', () => killRounds('moneybird'));
