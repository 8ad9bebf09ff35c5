// Drives a cfqnn trace viewer page in headless Chromium (Debian's /usr/bin/chromium, no browser download)
// and prints what it saw as one JSON object; TraceViewerIT checks it against the trace. Screenshots go to OUT.
//
//   node test.mjs --page PAGE.html --out DIR --run RUN --phase PHASE --step N --type TYPE [--chromium PATH]
//
// Steps: load the page (first paint), switch to RUN, jump to PHASE step N through the step box, filter to
// TYPE only, click the first TYPE arrow and read its details and causal chain, open the first step of the
// "Missed deadlines" list, show lost / late messages only, zoom out to the whole run and in again with the
// mouse wheel, and record timings (reported, not judged: the machine may be busy).
// Exit code 0 when the script ran to the end (the checks are in the Java test), 1 on any error.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
for (const k of ['page', 'out', 'run', 'phase', 'step', 'type']) {
  if (!args[k]) { console.error('test.mjs: missing --' + k); process.exit(2); }
}
mkdirSync(args.out, { recursive: true });
const shot = (page, name) => page.screenshot({ path: resolve(args.out, name + '.png') });
const result = { errors: [], timingsMs: {} };

const browser = await chromium.launch({
  executablePath: args.chromium || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-extensions', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  // the page must need nothing from the network: any request but the file itself is recorded as an error
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith('file:')) { result.errors.push('network request: ' + url); return route.abort(); }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => result.errors.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') result.errors.push('console: ' + m.text()); });
  const viewer = (fn, arg) => page.evaluate(fn, arg);
  const rendered = () => viewer(() => window.cfqnnViewer.rendered());

  let t = Date.now();
  await page.goto(pathToFileURL(resolve(args.page)).href);
  await page.waitForFunction(() => window.cfqnnViewer && window.cfqnnViewer.firstPaintMs >= 0, null, { timeout: 60000 });
  result.timingsMs.load = Date.now() - t;
  result.timingsMs.firstPaint = await viewer(() => window.cfqnnViewer.firstPaintMs);
  result.chunks = await viewer(() => window.cfqnnViewer.chunkCount());
  result.decodedAtFirstPaint = await viewer(() => window.cfqnnViewer.decodedTotal());
  result.banner = await page.locator('#banner').evaluate((b) => (b.hidden ? '' : b.textContent));
  result.title = await page.title();
  await shot(page, '01-first-paint');

  // the protocol
  const runValue = await viewer((name) => [...document.querySelectorAll('#run option')]
      .find((o) => o.textContent.split('  (')[0] === name)?.value, args.run);
  if (runValue === undefined) throw new Error('no run ' + args.run + ' in the protocol list');
  await page.selectOption('#run', runValue);
  await rendered();

  // jump to a step through the step box
  t = Date.now();
  await page.selectOption('#phase', { label: await viewer((p) => [...document.querySelectorAll('#phase option')]
      .find((o) => o.textContent.startsWith(p + ' '))?.textContent, args.phase) });
  await page.fill('#step', String(args.step));
  await page.press('#step', 'Enter');
  await page.waitForFunction(() => !document.getElementById('status').textContent.includes('decoding'));
  await rendered();
  result.timingsMs.jump = Date.now() - t;
  result.afterJump = { state: await viewer(() => window.cfqnnViewer.state()), visible: await viewer(() => window.cfqnnViewer.visible()) };
  await shot(page, '02-jump-to-step');

  // filter to one message type
  await page.click('#types-none');
  await page.check(`[data-testid="type-${args.type}"]`);
  await rendered();
  const filtered = await viewer(() => window.cfqnnViewer.visible());
  result.afterFilter = { state: await viewer(() => window.cfqnnViewer.state()), visible: filtered };
  await shot(page, '03-filter-' + args.type);

  // click the first arrow of that type at the middle of its line
  const target = filtered.filter((m) => m.step === Number(args.step)).sort((a, b) => a.x1 - b.x1 || a.y1 - b.y1)[0];
  if (!target) throw new Error('no ' + args.type + ' message of step ' + args.step + ' drawn');
  const box = await page.locator('#timeline').boundingBox();
  await page.mouse.click(box.x + (target.x1 + target.x2) / 2, box.y + (target.y1 + target.y2) / 2);
  await page.waitForSelector('[data-testid="chain-row"]');
  await rendered();
  result.clicked = target.id;
  result.chain = await viewer(() => window.cfqnnViewer.chain());
  result.details = await viewer(() => Object.fromEntries([...document.querySelectorAll('#details td[data-field]')]
      .map((td) => [td.dataset.field, td.textContent])));
  result.chainRows = await page.locator('[data-testid="chain-row"]').allTextContents();
  result.chainTotals = await page.locator('[data-testid="chain-totals"]').textContent();
  await shot(page, '04-causal-chain');

  // the steps that missed their deadline, one click away
  await page.click('#types-all');
  result.missedListed = await page.locator('[data-testid="missed-step"]').allTextContents();
  if (result.missedListed.length > 0) {
    await page.locator('[data-testid="missed-step"]').first().click();
    await page.waitForFunction(() => !document.getElementById('status').textContent.includes('decoding'));
    await rendered();
    result.afterMissedClick = { state: await viewer(() => window.cfqnnViewer.state()),
      visible: await viewer(() => window.cfqnnViewer.visible()) };
    await shot(page, '05-missed-step');
  }

  // lost / late only (with no message selected: a selected chain is drawn whatever the filters)
  await page.focus('#timeline');
  await page.keyboard.press('Escape');
  await page.check('#problems');
  await rendered();
  result.problemsOnly = await viewer(() => window.cfqnnViewer.visible());
  await page.uncheck('#problems');

  // zoom out to the whole run (nothing more is decoded: the overview comes from the step index) and back
  const before = await viewer(() => window.cfqnnViewer.decodedTotal());
  t = Date.now();
  await page.click('#fit-run');
  await rendered();
  result.timingsMs.wholeRun = Date.now() - t;
  result.wholeRun = { status: await page.locator('#status').textContent(),
    decodedDelta: (await viewer(() => window.cfqnnViewer.decodedTotal())) - before };
  await shot(page, '06-whole-run');
  t = Date.now();
  const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(mid.x, mid.y);
  await viewer(() => window.cfqnnViewer.takeRenderTimes());
  for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, -400); }
  await page.waitForFunction(() => !document.getElementById('status').textContent.includes('decoding'));
  await rendered();
  result.timingsMs.wheelZoomIn = Date.now() - t;
  // then pan across the zoomed-in view by dragging, as a user browses
  await page.mouse.move(mid.x + 300, mid.y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) { await page.mouse.move(mid.x + 300 - 30 * i, mid.y); }
  await page.mouse.up();
  await page.waitForFunction(() => !document.getElementById('status').textContent.includes('decoding'));
  await rendered();
  const frames = (await viewer(() => window.cfqnnViewer.takeRenderTimes())).sort((a, b) => a - b);
  result.framesMs = { count: frames.length, median: frames[frames.length >> 1], max: frames[frames.length - 1] };
  result.afterZoom = { state: await viewer(() => window.cfqnnViewer.state()),
    drawn: (await viewer(() => window.cfqnnViewer.visible())).length,
    decodedNow: await viewer(() => window.cfqnnViewer.decodedChunks()) };
  await shot(page, '07-zoomed-in');
} catch (e) {
  result.errors.push('test.mjs: ' + (e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : String(e)));
} finally {
  await browser.close();
}
writeFileSync(resolve(args.out, 'result.json'), JSON.stringify(result, null, 1));
console.log(JSON.stringify(result));
process.exit(result.errors.length ? 1 : 0);
