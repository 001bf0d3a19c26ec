import { startTestDatabase } from '../../tests/support/test-database';
const db = await startTestDatabase();
console.log(db.url);
process.on('SIGTERM', async () => { await db.stop(); process.exit(0); });
setInterval(() => {}, 1000);
