// Stands in for the embedded desk server in the shell's crash tests: says it listens, then exits at once.
console.error('exiting server: about to fail');
const port = process.env.WENGAO_PORT === '0' ? '40999' : process.env.WENGAO_PORT;
process.send({ type: 'listening', url: `http://127.0.0.1:${port}` }, () => process.exit(3));
