'use strict';
// require('kd-verify') from CommonJS: the package is an ES module, which require() loads natively
// from Node 20.19 (and 22.12) on; older versions get one clear line instead of a stack of errors.
if (!process.features.require_module) {
  throw new Error(`kd-verify is an ES module: require('kd-verify') needs Node.js >= 20.19 (this is ${process.version}); use import() or upgrade Node.js`);
}
module.exports = require('./api.js');
