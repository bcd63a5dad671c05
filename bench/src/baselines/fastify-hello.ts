import Fastify from 'fastify';

// The HTTP baseline: a bare Fastify hello-world in a process of its own, like the api.
const app = Fastify({ logger: false });
app.get('/health/live', async () => ({ status: 'ok' }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.stdout.write('ready\n'));
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
