// The project's test and hook timeout (jest.config.js sets SAMORDNA_TEST_TIMEOUT per project;
// Jest 30 reads `testTimeout` only from the global configuration, not from a project).
declare const SAMORDNA_TEST_TIMEOUT: number;
jest.setTimeout(SAMORDNA_TEST_TIMEOUT);
