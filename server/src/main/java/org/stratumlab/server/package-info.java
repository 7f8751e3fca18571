/**
 * The node simulator: listener, subscriber registry and notify fan-out, simulated chain, share validation,
 * limits and defences, metrics. See docs/architecture.md.
 */
package org.stratumlab.server;
