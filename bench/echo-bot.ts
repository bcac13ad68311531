import http from 'node:http';
import { Telegraf } from 'telegraf';
import { serveAndReportPort } from './child-server';

/**
 * The framework's own ceiling: a bare telegraf bot that echoes every text and answers every button
 * press, served by telegraf's own webhook callback on node:http. Run as its own process by
 * bench/chat.ts, against the same fake Bot API as Agora.
 *
 * Two settings only, both for a like-for-like comparison: `webhookReply: false`, because telegraf
 * would otherwise put the first reply into the webhook's HTTP response and never call the API
 * (Agora always calls it); and a plain-http keep-alive agent, because the fake is plain http and
 * telegraf's default agent is https-only (Agora's client uses the same agent).
 */
const token = process.env.ECHO_TOKEN ?? '';
const apiRoot = process.env.ECHO_API_ROOT ?? '';
const secretToken = process.env.ECHO_SECRET ?? '';

const bot = new Telegraf(token, {
  telegram: {
    apiRoot,
    webhookReply: false,
    agent: new http.Agent({ keepAlive: true, keepAliveMsecs: 10000 }),
  },
});
// Known up front, as Agora learns it once: otherwise the first update waits for a getMe call.
bot.botInfo = { id: 42, is_bot: true, first_name: 'Echo', username: 'echo_bench_bot' } as NonNullable<
  typeof bot.botInfo
>;
bot.on('message', (ctx) => ctx.reply('text' in ctx.message ? ctx.message.text : '?'));
bot.on('callback_query', async (ctx) => {
  await ctx.answerCbQuery();
  await ctx.reply('data' in ctx.callbackQuery ? ctx.callbackQuery.data : '?');
});
bot.catch((err) => console.error('echo bot:', err));

const server = http.createServer(bot.webhookCallback('/telegram/webhook', { secretToken }));
serveAndReportPort(server);
