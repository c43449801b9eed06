// Minimal app so the example is a real project; Tollgate only reads the lockfile.
const express = require('express')
const _ = require('lodash')
const argv = require('minimist')(process.argv.slice(2))

const app = express()
app.get('/', (req, res) => res.json(_.pick({ hello: 'world', port: argv.port }, ['hello'])))
app.listen(argv.port || 3000)
