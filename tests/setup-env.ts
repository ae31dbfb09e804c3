// Deterministic secrets for tests: nothing is written to ./data and no developer key is used.
process.env.SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';
process.env.PERSONNUMMER_ENCRYPTION_KEYS = Buffer.alloc(32, 7).toString('base64');
process.env.PERSONNUMMER_LOOKUP_KEY = Buffer.alloc(32, 9).toString('base64');
process.env.DATA_DIR = '/nonexistent-test-data-dir';
process.env.NODE_ENV = 'test';
