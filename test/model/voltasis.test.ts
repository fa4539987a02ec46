import { modelSuite } from './suite';

modelSuite('voltasis');
