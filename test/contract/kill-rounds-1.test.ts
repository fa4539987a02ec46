import { describe } from 'vitest';
import { providerShard } from '../helpers/provider-shard';
import { killRounds } from './kill-rounds';

describe.each(providerShard(1))('%s', (provider) => killRounds(provider));
