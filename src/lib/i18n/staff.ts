/**
 * The staff screens' catalogues (team analytics, system health), registered when a module of
 * those screens is loaded: every module that words them imports this file. Family pages never
 * load them (they weighed ~7 kB gzipped on /book).
 */
import { registerMessages } from './';
import { analyticsMessages } from './messages/analytics';
import { healthMessages } from './messages/health';

registerMessages(analyticsMessages);
registerMessages(healthMessages);
