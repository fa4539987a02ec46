import { providerShard } from '../helpers/provider-shard';
import { modelSuite } from './suite';

for (const provider of providerShard(2)) modelSuite(provider);
