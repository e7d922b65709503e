// PostGraphile v5 declares Node 22 for Promise.withResolvers; on Node 20 this is all it lacks.
// Loaded with `node --require` by the bench's peer process only, never by SeminarHub.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((yes, no) => {
      resolve = yes;
      reject = no;
    });
    return { promise, resolve, reject };
  };
}
