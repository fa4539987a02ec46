import { modelSuite } from './suite';

modelSuite('moneybird');
