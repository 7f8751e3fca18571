/**
 * The node simulator: listener, subscriber registry and notify fan-out, simulated chain, share validation,
 * limits and defences, metrics. Filled in by its own issue; see shared/DESIGN.md.
 */
package org.stratumlab.server;
