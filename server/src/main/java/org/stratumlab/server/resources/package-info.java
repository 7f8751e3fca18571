/**
 * What the simulator holds (heap, file descriptors, per-connection state), read on request for long runs that
 * must show it stays flat, and exposed as gauges.
 */
package org.stratumlab.server.resources;
