export default async function globalTeardown() {
  const pg = globalThis.__SAMORDNA_PG__;
  if (pg) {
    globalThis.__SAMORDNA_PG__ = undefined;
    delete process.env.SAMORDNA_TEST_ADMIN_URL;
    await pg.stop();
  }
}
