import { modelSuite } from './suite';

modelSuite('kantata');
