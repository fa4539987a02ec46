import { modelSuite } from './suite';

modelSuite('expensicat');
