/**
 * The load generator: simulated miners, solve scheduling, latency recording, scenarios, thresholds, reports.
 * Filled in by its own issue; see shared/DESIGN.md.
 */
package org.stratumlab.loadgen;
