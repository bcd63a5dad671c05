import { runDemo } from './demo';
import { printout } from './printout';

// `npm run demo` talks to the api of `npm start`; FRONTLINE_URL points it elsewhere.
const url = (process.env.FRONTLINE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');

// Progress and failures go to stderr, which `npm start` also keeps in a log; the tokens only to stdout.
runDemo(url, (line) => console.error(line)).then(
  (run) => console.log(printout(run, url)),
  (error: Error) => {
    console.error(`The demo organisation is not ready: ${error.message}`);
    process.exitCode = 1;
  },
);
