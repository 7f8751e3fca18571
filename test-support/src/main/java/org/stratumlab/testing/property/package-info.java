/**
 * A small property-testing harness: seeded generators ({@link org.stratumlab.testing.property.Gen}), shrinkers
 * ({@link org.stratumlab.testing.property.Shrink}), a runner that tries a property on many generated cases and
 * reports the failing one with its seed ({@link org.stratumlab.testing.property.Property}), and a check that
 * Netty reported no leaked buffer ({@link org.stratumlab.testing.property.LeakWatch}).
 *
 * <p>
 * Two system properties, read by the tests only: {@code stratumlab.property.tries} multiplies every property's
 * number of tries (a longer run for developers, with a fresh base seed), and {@code stratumlab.property.seed}
 * replays the one case of that seed, as printed by a failure.
 */
package org.stratumlab.testing.property;
