/**
 * The floor for the busy-store bench: a bare Fastify route that emits to socket.io rooms, in its
 * own process at the server's CPU niceness, with no database and no domain work. What a scan costs above this is the scan
 * path's own cost; what this costs under a scenario is what the machine itself adds.
 *
 * Devices connect to /kiosk or /signage with `auth: { room }`; POST /emit { kioskId, zoneId }
 * sends `kiosk:session` to the kiosk's room and `signage:takeover` to the zone's room, answers 202.
 * Prints `{"listening":PORT}` on stdout once it listens.
 */
import Fastify from 'fastify';
import { Server } from 'socket.io';
import { SERVER_NICENESS, setProcessNiceness } from '../src/platform/process/niceness.js';

// The edge server's own priority (it sets it at start): the floor is the same process class.
setProcessNiceness(SERVER_NICENESS);

const app = Fastify({ logger: false });
const io = new Server({ serveClient: false });
const kiosk = io.of('/kiosk');
const signage = io.of('/signage');
for (const nsp of [kiosk, signage]) nsp.on('connection', (s) => void s.join(String((s.handshake.auth as { room?: string }).room)));

// A payload the size of a real kiosk session (a few offers), so serialization costs the same.
const offers = Array.from({ length: 6 }, (_, i) => ({ offerId: `offer-${i}`, productId: `p-${i}`, title: `Offer number ${i}`, discountText: '−20 %', imageUrl: null, priceMinor: 199 + i }));

app.post<{ Body: { kioskId: string; zoneId: string } }>('/emit', async (req, reply) => {
  const { kioskId, zoneId } = req.body;
  kiosk.to(`device:${kioskId}`).emit('kiosk:session', { sessionId: `s-${Date.now()}`, kioskId, greetingName: 'Ana', cardLast4: '1234', pointsBalance: 120, offers });
  signage.to(`zone:${zoneId}`).emit('signage:takeover', { takeoverId: `t-${Date.now()}`, zoneId, offers: offers.slice(0, 3), durationMs: 5000 });
  return reply.status(202).send({ accepted: 1 });
});

await app.listen({ port: 0, host: '127.0.0.1' });
io.attach(app.server);
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ listening: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
