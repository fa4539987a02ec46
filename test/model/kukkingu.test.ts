import { modelSuite } from './suite';

modelSuite('kukkingu');
